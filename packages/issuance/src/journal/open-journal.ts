/**
 * Opens the journal a store URL names: `sqlite:<path>` (relative paths against the working
 * directory) or `postgres://…` / `postgresql://…`. The schema is created or migrated on open.
 */
import { resolve } from 'node:path';
import { hcardError } from '@hcard/card-core';
import type { Journal } from './journal.js';

export const DEFAULT_STORE_URL = 'sqlite:./hcard-issue.db';

export interface OpenJournalOptions {
  /** Rows per page of `rows()`. */
  readonly pageSize?: number;
  /** SQLite: chunk commits in a worker thread (default true; see threaded-sqlite-journal.ts). */
  readonly commitThread?: boolean;
}

/** The store a URL names, without opening it. */
export type StoreLocation =
  | { readonly kind: 'sqlite'; readonly path: string }
  | { readonly kind: 'postgres'; readonly url: string };

export function parseStoreUrl(url: string = DEFAULT_STORE_URL): StoreLocation {
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length);
    if (path !== '') return { kind: 'sqlite', path: resolve(path) };
  } else if (/^postgres(ql)?:\/\//.test(url)) {
    return { kind: 'postgres', url };
  }
  // Only the scheme goes into the message: a postgres URL may carry a password.
  const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(url)?.[0] ?? '(none)';
  throw hcardError('HCARD_E_ISSUE_STORE_INVALID', `unknown journal store URL (scheme ${scheme})`);
}

export async function openJournal(url?: string, options: OpenJournalOptions = {}): Promise<Journal> {
  const location = parseStoreUrl(url);
  // Each store's driver loads only when used: a desk with SQLite never loads pg, and the reverse.
  if (location.kind === 'sqlite') {
    const { openSqliteJournal } = await import('./sqlite-journal.js');
    const local = openSqliteJournal(location.path, options);
    if (options.commitThread === false) return local;
    const { threadedSqliteJournal } = await import('./threaded-sqlite-journal.js');
    return threadedSqliteJournal(local, location.path);
  }
  const { openPostgresJournal } = await import('./postgres-journal.js');
  return openPostgresJournal(location.url, options);
}
