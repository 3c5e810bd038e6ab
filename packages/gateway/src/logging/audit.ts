/**
 * The append-only audit trail: which client read or wrote which card section, through which
 * reader, when, and how it ended. One JSON line per entry:
 *
 *   {"time":"2024-06-01T08:00:00.000Z","client":"desk-1","action":"read","reader":"…",
 *    "sections":["basic"],"card":"4101**********1234","outcome":"ok","requestId":"…"}
 *
 * The card number is the only thing that points at a person, and it is masked (first and last 4);
 * the whole line then goes through the log masker too, so a stray ID number, phone or remembered
 * name in any field is masked as in the logs. The file is opened O_APPEND with mode 0600 (its
 * directory created 0700 when missing; an existing file readable by others is narrowed to 0600)
 * and is never rewritten or truncated: several AuditLog instances, or processes, may append to the
 * same file. `record` only queues the line; a write in the background takes every queued line at
 * once, so the request path never waits for the disk. `flush()` and `close()` wait for it; at
 * process exit whatever is still queued is written synchronously.
 */
import { closeSync, constants, fchmodSync, fstatSync, mkdirSync, openSync, write, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { promisify } from 'node:util';
import { hcardError, maskCardNumber } from '@hcard/card-core';
import { PersonalDataMasker } from './mask.js';

export const AUDIT_ACTIONS = ['read', 'write', 'settle', 'compat'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditRecord {
  /** The token's client name. */
  readonly client: string;
  readonly action: AuditAction;
  readonly reader: string;
  /** Card sections read or written (`basic`, `photo` …). */
  readonly sections?: readonly string[];
  /** The national interface's function, for `compat`. */
  readonly function?: string;
  /** The card number (the holder's ID number on a health card); stored masked. */
  readonly card?: string;
  /** 'ok', or the catalogue error code it ended with. */
  readonly outcome: string;
  readonly requestId?: string;
}

export interface AuditLogOptions {
  /** Masks the finished line; share the gateway's so remembered names are masked here too. */
  readonly masker?: PersonalDataMasker;
  /** The clock; default `new Date()`. */
  readonly now?: () => Date;
}

const writeAsync = promisify(write);

export class AuditLog {
  readonly file: string;
  readonly #masker: PersonalDataMasker;
  readonly #now: () => Date;
  readonly #fd: number;
  #queue: string[] = [];
  #writing: Promise<void> | undefined;
  #failure: Error | undefined;
  #closing: Promise<void> | undefined;
  readonly #onExit = (): void => this.#writeQueuedSync();

  constructor(file: string, options: AuditLogOptions = {}) {
    this.file = file;
    this.#masker = options.masker ?? new PersonalDataMasker();
    this.#now = options.now ?? (() => new Date());
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    this.#fd = openSync(file, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT, 0o600);
    try {
      if ((fstatSync(this.#fd).mode & 0o077) !== 0) fchmodSync(this.#fd, 0o600);
    } catch (e) {
      closeSync(this.#fd);
      throw e;
    }
    process.on('exit', this.#onExit);
  }

  /** Queues one entry; returns at once. Throws once the log is closed or a write has failed. */
  record(entry: AuditRecord): void {
    if (this.#closing) throw hcardError('HCARD_E_INTERNAL', 'the audit log is closed');
    if (this.#failure) throw this.#failure;
    if (!AUDIT_ACTIONS.includes(entry.action)) {
      throw hcardError('HCARD_E_ARG_INVALID', 'unknown audit action', { action: String(entry.action) });
    }
    this.#queue.push(`${this.#masker.mask(JSON.stringify(this.#line(entry)))}\n`);
    this.#writing ??= this.#drain();
  }

  /** Resolves when every entry recorded so far is in the file. */
  async flush(): Promise<void> {
    while (this.#writing) await this.#writing;
    if (this.#failure) throw this.#failure;
  }

  /** Writes what is queued and closes the file; later `record` calls throw. */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      try {
        await this.flush();
      } finally {
        process.off('exit', this.#onExit);
        closeSync(this.#fd);
      }
    })();
    return this.#closing;
  }

  #line(entry: AuditRecord): Record<string, unknown> {
    const line: Record<string, unknown> = {
      time: this.#now().toISOString(),
      client: entry.client,
      action: entry.action,
      reader: entry.reader,
    };
    if (entry.sections !== undefined) line.sections = [...entry.sections];
    if (entry.function !== undefined) line.function = entry.function;
    if (entry.card !== undefined) line.card = maskCardNumber(entry.card);
    line.outcome = entry.outcome;
    if (entry.requestId !== undefined) line.requestId = entry.requestId;
    return line;
  }

  async #drain(): Promise<void> {
    try {
      // Let the lines recorded in this turn of the event loop go out in one write.
      await new Promise((resolve) => setImmediate(resolve));
      while (this.#queue.length > 0) {
        const chunk = Buffer.from(this.#queue.join(''));
        this.#queue = [];
        let done = 0;
        while (done < chunk.length) {
          const { bytesWritten } = await writeAsync(this.#fd, chunk, done, chunk.length - done);
          done += bytesWritten;
        }
      }
    } catch (e) {
      this.#failure = hcardError('HCARD_E_INTERNAL', 'the audit log cannot be written', {}, e);
    } finally {
      this.#writing = undefined;
    }
  }

  #writeQueuedSync(): void {
    if (this.#queue.length === 0) return;
    const chunk = Buffer.from(this.#queue.join(''));
    this.#queue = [];
    let done = 0;
    while (done < chunk.length) done += writeSync(this.#fd, chunk, done, chunk.length - done);
  }
}
