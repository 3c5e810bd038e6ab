/**
 * The gateway's cross-cutting hooks (app.ts `GatewayHooks`) wired to the audit log and the log
 * masker: every card operation leaves one audit line (client, action, reader, sections or
 * function, masked card number, outcome), and every card read teaches the masker the names on
 * it, so they are masked wherever a log line carries them.
 */
import type { HealthCardData } from '@hcard/card-core';
import { toHcardError } from '@hcard/card-core';
import type { GatewayHooks } from '../app.js';
import type { AuditLog } from './audit.js';
import type { PersonalDataMasker } from './mask.js';

const NAME_KEYS = ['name', 'contact1Name', 'contact2Name', 'contact3Name'];

/** The card number in a route's result, when it carries card data. */
function cardNumberOf(result: unknown): string | undefined {
  const items = (result as { data?: HealthCardData } | undefined)?.data?.items;
  return items?.cardNumber ?? items?.idNumber;
}

export function auditingHooks(audit: AuditLog, masker: PersonalDataMasker): GatewayHooks {
  return {
    async audited(request, entry, job) {
      // AuditLog.record copies what it keeps, so the entry's own fields go in as they are.
      const base = {
        client: request.principal?.client ?? 'unknown',
        ...entry,
        requestId: String(request.id),
      };
      let result: Awaited<ReturnType<typeof job>>;
      try {
        result = await job();
      } catch (e) {
        audit.record({ ...base, outcome: toHcardError(e).code });
        throw e;
      }
      const card = cardNumberOf(result);
      audit.record(card ? { ...base, card, outcome: 'ok' } : { ...base, outcome: 'ok' });
      return result;
    },
    sawCard(data) {
      masker.rememberAll(NAME_KEYS.map((k) => data.items[k]).filter((n): n is string => Boolean(n)));
    },
    sawNames(names) {
      masker.rememberAll(names);
    },
  };
}
