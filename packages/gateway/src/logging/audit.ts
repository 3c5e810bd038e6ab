/**
 * The append-only audit trail: which client read or wrote which card section, through which
 * reader, when, and how it ended. One JSON line per entry:
 *
 *   {"time":"2024-06-01T08:00:00.000Z","client":"desk-1","action":"read","reader":"…",
 *    "sections":["basic"],"card":"4101**********1234","outcome":"ok","requestId":"…"}
 *
 * The card number is the only thing that points at a person, and it is masked (first and last 4);
 * the rest of the line then goes through the log masker too, so a stray ID number, phone or
 * remembered name in any field is masked as in the logs. (The time and a UUID request id are
 * made here and never hold personal data; the rest of a desk's lines repeats, so its masked
 * form is remembered: `maskRecurring`.) The file is opened O_APPEND with mode 0600 (its
 * directory created 0700 when missing; an existing file readable by others is narrowed to 0600)
 * and is never rewritten or truncated: several AuditLog instances, or processes, may append to the
 * same file. `record` only queues the entry, with its time (`LineQueue`: the line is made, and
 * written with the others queued in the 10 ms after the first, after the request), so the
 * request path never waits for the disk.
 * `flush()` and `close()` wait for it; at process exit whatever is still queued is written
 * synchronously.
 */
import { closeSync, constants, fchmodSync, fstatSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { hcardError, maskCardNumber } from '@hcard/card-core';
import { isoAt, isUuid } from './line-parts.js';
import { LineQueue } from './line-queue.js';
import { PersonalDataMasker } from './mask.js';

export const AUDIT_ACTIONS = ['read', 'write', 'settle', 'compat'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditRecord {
  /** The token's client name. */
  readonly client: string;
  readonly action: AuditAction;
  readonly reader: string;
  /** Card sections read or written (`basic`, `photo` …). */
  readonly sections?: readonly string[] | undefined;
  /** The national interface's function, for `compat`. */
  readonly function?: string | undefined;
  /** The card number (the holder's ID number on a health card); stored masked. */
  readonly card?: string | undefined;
  /** 'ok', or the catalogue error code it ended with. */
  readonly outcome: string;
  readonly requestId?: string | undefined;
}

export interface AuditLogOptions {
  /** Masks the finished line; share the gateway's so remembered names are masked here too. */
  readonly masker?: PersonalDataMasker;
  /** The clock; default `new Date()`. */
  readonly now?: () => Date;
}

const now = () => new Date();

export class AuditLog {
  readonly file: string;
  readonly #masker: PersonalDataMasker;
  readonly #now: () => Date;
  readonly #fd: number;
  readonly #lines: LineQueue;
  #closing: Promise<void> | undefined;

  constructor(file: string, options: AuditLogOptions = {}) {
    this.file = file;
    this.#masker = options.masker ?? new PersonalDataMasker();
    this.#now = options.now ?? now;
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    this.#fd = openSync(file, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT, 0o600);
    try {
      if ((fstatSync(this.#fd).mode & 0o077) !== 0) fchmodSync(this.#fd, 0o600);
    } catch (e) {
      closeSync(this.#fd);
      throw e;
    }
    this.#lines = new LineQueue(this.#fd);
  }

  /** Queues one entry; returns at once. Throws once the log is closed, or a line failed to be made or written. */
  record(entry: AuditRecord): void {
    if (this.#closing) throw hcardError('HCARD_E_INTERNAL', 'the audit log is closed');
    this.#throwIfFailed();
    if (!AUDIT_ACTIONS.includes(entry.action)) {
      throw hcardError('HCARD_E_ARG_INVALID', 'unknown audit action', { action: String(entry.action) });
    }
    // The time is taken now; the line is made when its batch is written (`LineQueue.writeLater`).
    const time = this.#now === now ? Date.now() : this.#now().getTime();
    this.#lines.writeLater(() => this.#line(entry, time));
  }

  /** Resolves when every entry recorded so far is in the file. */
  async flush(): Promise<void> {
    await this.#lines.flush();
    this.#throwIfFailed();
  }

  /** Writes what is queued and closes the file; later `record` calls throw. */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      try {
        await this.#lines.end();
        this.#throwIfFailed();
      } finally {
        closeSync(this.#fd);
      }
    })();
    return this.#closing;
  }

  /** `{"time":…,<the entry, masked>,"requestId":…}` and a newline. */
  #line(entry: AuditRecord, ms: number): string {
    const { requestId } = entry;
    // A UUID request id (the gateway's) stays out of the recurring part; any other id is masked.
    const uuid = requestId !== undefined && isUuid(requestId);
    const masked = this.#recurring(entry, uuid ? undefined : requestId);
    const time = isoAt(ms);
    return uuid
      ? `{"time":"${time}",${masked},"requestId":"${requestId}"}\n`
      : `{"time":"${time}",${masked}}\n`;
  }

  /** The entry's fields but the time and a UUID request id, as masked JSON without its braces. */
  #recurring(entry: AuditRecord, requestId: string | undefined): string {
    // A desk's entries repeat (same client, route, card and outcome): their masked JSON is
    // remembered by what it is made of.
    const key = `audit\n${entry.client}\n${entry.action}\n${entry.reader}\n${entry.sections?.join(',')}\n${entry.function}\n${entry.card}\n${entry.outcome}\n${requestId}`;
    return this.#masker
      .maskRecurring(key, () => {
        const fields: Record<string, unknown> = {
          client: entry.client,
          action: entry.action,
          reader: entry.reader,
        };
        if (entry.sections !== undefined) fields.sections = entry.sections;
        if (entry.function !== undefined) fields.function = entry.function;
        if (entry.card !== undefined) fields.card = maskCardNumber(entry.card);
        fields.outcome = entry.outcome;
        if (requestId !== undefined) fields.requestId = requestId;
        return JSON.stringify(fields);
      })
      .slice(1, -1);
  }

  #throwIfFailed(): void {
    const failure = this.#lines.failure;
    if (failure) throw hcardError('HCARD_E_INTERNAL', 'the audit log cannot be written', {}, failure);
  }
}
