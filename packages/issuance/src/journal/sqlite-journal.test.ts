/**
 * The shared journal suite on the SQLite store: a fresh database file per test, in a temporary
 * directory removed afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { journalSuite } from './journal.suite.js';
import { openJournal, parseStoreUrl } from './open-journal.js';

const dir = mkdtempSync(join(tmpdir(), 'hcard-sqlite-journal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

describe('SQLite journal', () => {
  journalSuite({
    freshUrl: async () => `sqlite:${join(dir, `journal-${++files}.db`)}`,
    async sql(url, statement) {
      const db = new Database(url.slice('sqlite:'.length));
      try {
        const prepared = db.prepare(statement);
        if (prepared.reader) return prepared.all() as Record<string, unknown>[];
        prepared.run();
        return [];
      } finally {
        db.close();
      }
    },
  });

  it('creates the file with WAL journalling and the current schema version', async () => {
    const path = join(dir, 'pragmas.db');
    const journal = await openJournal(`sqlite:${path}`);
    await journal.close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.prepare('SELECT version FROM schema_version').all()).toEqual([{ version: 1 }]);
    db.close();
  });

  it('refuses a file whose schema is newer than this hcard knows', async () => {
    const path = join(dir, 'newer.db');
    await (await openJournal(`sqlite:${path}`)).close();
    const db = new Database(path);
    db.prepare('UPDATE schema_version SET version = 99').run();
    db.close();
    await expect(openJournal(`sqlite:${path}`)).rejects.toMatchObject({
      code: 'HCARD_E_ISSUE_STORE_FAILED',
      message: expect.stringMatching(/schema version 99/),
    });
  });
});

describe('store URLs', () => {
  it('resolves sqlite paths against the working directory and passes postgres URLs through', () => {
    expect(parseStoreUrl()).toEqual({ kind: 'sqlite', path: join(process.cwd(), 'hcard-issue.db') });
    expect(parseStoreUrl('sqlite:./x/y.db')).toEqual({ kind: 'sqlite', path: join(process.cwd(), 'x/y.db') });
    expect(parseStoreUrl('sqlite:/abs/z.db')).toEqual({ kind: 'sqlite', path: '/abs/z.db' });
    for (const url of ['postgres://u@h/db', 'postgresql://u:p@h:5433/db?sslmode=disable']) {
      expect(parseStoreUrl(url)).toEqual({ kind: 'postgres', url });
    }
  });

  it('refuses other schemes with a catalogue error that does not echo the URL', () => {
    for (const url of ['mysql://root:secret@h/db', 'sqlite:', 'postgres:/one-slash', './file.db']) {
      let error: unknown;
      try {
        parseStoreUrl(url);
      } catch (e) {
        error = e;
      }
      expect(error).toMatchObject({
        code: 'HCARD_E_ISSUE_STORE_INVALID',
        message: expect.stringMatching(/unknown journal store URL/),
      });
      expect((error as Error).message).not.toContain('secret');
    }
  });
});
