/**
 * A SQLite journal whose chunk commits run in a worker thread (commit-worker.ts), so that on a
 * station's two cores prepare's validation and encoding overlap with the database's writes.
 * Everything else goes to the journal in this thread, on the same file (WAL lets both connect).
 * The worker starts at the first commit: status, report and encode never pay for it.
 */
import { Worker } from 'node:worker_threads';
import { type ErrorCode, hcardError } from '@hcard/card-core';
import type { ChunkOutcome, Journal, PreparedRow } from './journal.js';
import type { SqliteJournal } from './sqlite-journal.js';

type Reply =
  | { readonly id: number; readonly outcome: ChunkOutcome }
  | { readonly id: number; readonly error: { code: ErrorCode; detail?: string } };

export function threadedSqliteJournal(local: SqliteJournal, path: string): Journal {
  let worker: Worker | undefined;
  let next = 0;
  const waiting = new Map<number, { resolve: (o: ChunkOutcome) => void; reject: (e: unknown) => void }>();

  const start = (): Worker => {
    const w = new Worker(new URL('./commit-worker-entry.mjs', import.meta.url), { workerData: { path } });
    w.on('message', (reply: Reply | 'closed') => {
      if (reply === 'closed') return;
      const call = waiting.get(reply.id);
      waiting.delete(reply.id);
      if ('outcome' in reply) call?.resolve(reply.outcome);
      else call?.reject(hcardError(reply.error.code, reply.error.detail));
    });
    const fail = (e: unknown) => {
      for (const call of waiting.values())
        call.reject(hcardError('HCARD_E_ISSUE_STORE_FAILED', `the commit thread stopped: ${String(e)}`));
      waiting.clear();
      worker = undefined;
    };
    w.on('error', fail);
    w.on('exit', (code) => {
      if (waiting.size > 0) fail(`exit ${code}`);
    });
    return w;
  };

  return new Proxy(local, {
    get(target, property, receiver) {
      if (property === 'commitChunk')
        return (batch: string, rows: readonly PreparedRow[], throughRow: number) =>
          new Promise<ChunkOutcome>((resolve, reject) => {
            worker ??= start();
            const id = next++;
            waiting.set(id, { resolve, reject });
            worker.postMessage({ id, batch, rows, throughRow });
          });
      if (property === 'close')
        return async () => {
          if (worker) {
            // The worker closes its connection, then stops (tsx's loader would keep it alive).
            const w = worker;
            const closed = new Promise((resolve) => w.on('message', (m) => m === 'closed' && resolve(m)));
            w.postMessage('close');
            await closed;
            worker = undefined;
            await w.terminate();
          }
          await target.close();
        };
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  }) as Journal;
}
