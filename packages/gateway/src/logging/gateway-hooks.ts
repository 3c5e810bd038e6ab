/**
 * The gateway's cross-cutting hooks (app.ts `GatewayHooks`) wired to the audit log and the log
 * masker: every card operation leaves one audit line (client, action, reader, sections or
 * function, masked card number, outcome), and every card read teaches the masker the names on
 * it, so they are masked wherever a log line carries them.
 */
import type { HealthCardData } from '@hcard/card-core';
import { toHcardError } from '@hcard/card-core';
import type { AuditEntry, GatewayHooks } from '../app.js';
import type { AuditLog, AuditRecord } from './audit.js';
import type { PersonalDataMasker } from './mask.js';

const NAME_KEYS = ['name', 'contact1Name', 'contact2Name', 'contact3Name'];

/** The card number in a route's result, when it carries card data. */
function cardNumberOf(result: unknown): string | undefined {
  const items = (result as { data?: HealthCardData } | undefined)?.data?.items;
  return items?.cardNumber ?? items?.idNumber;
}

function recordOf(
  client: string,
  entry: AuditEntry,
  requestId: string,
  outcome: string,
  card?: string,
): AuditRecord {
  return {
    client,
    action: entry.action,
    reader: entry.reader,
    sections: entry.sections,
    function: entry.function,
    card,
    outcome,
    requestId,
  };
}

export function auditingHooks(audit: AuditLog, masker: PersonalDataMasker): GatewayHooks {
  // Card data objects whose names the masker was told: a snapshot is served many times.
  const told = new WeakSet<HealthCardData>();
  return {
    audited(request, entry, job) {
      const client = request.principal?.client ?? 'unknown';
      const requestId = String(request.id);
      return job().then(
        (result) => {
          audit.record(recordOf(client, entry, requestId, 'ok', cardNumberOf(result)));
          return result;
        },
        (e: unknown) => {
          audit.record(recordOf(client, entry, requestId, toHcardError(e).code));
          throw e;
        },
      );
    },
    sawCard(data) {
      if (told.has(data)) return;
      told.add(data);
      masker.rememberAll(NAME_KEYS.map((k) => data.items[k]).filter((n): n is string => Boolean(n)));
    },
    sawNames(names) {
      masker.rememberAll(names);
    },
  };
}
