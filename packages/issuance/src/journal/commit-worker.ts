/**
 * The SQLite journal's chunk commits, in a worker thread: prepare validates and encodes the next
 * chunk in the main thread while this one writes (better-sqlite3 is synchronous, so in one
 * thread the two would take turns). Messages: { id, batch, rows, throughRow } → { id, outcome }
 * or { id, error: { code, detail, message } }.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { isHcardError } from '@hcard/card-core';
import type { PreparedRow } from './journal.js';
import { openSqliteJournal } from './sqlite-journal.js';

interface CommitRequest {
  readonly id: number;
  readonly batch: string;
  readonly rows: PreparedRow[];
  readonly throughRow: number;
}

const journal = openSqliteJournal((workerData as { path: string }).path);
parentPort!.on('message', async (request: CommitRequest | 'close') => {
  if (request === 'close') {
    await journal.close();
    parentPort!.postMessage('closed');
    return;
  }
  try {
    const outcome = await journal.commitChunk(request.batch, request.rows, request.throughRow);
    parentPort!.postMessage({ id: request.id, outcome });
  } catch (e) {
    const error = isHcardError(e)
      ? { code: e.code, detail: e.detail, message: e.message }
      : { code: 'HCARD_E_ISSUE_STORE_FAILED', detail: String(e), message: String(e) };
    parentPort!.postMessage({ id: request.id, error });
  }
});
