import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isHcardError } from '@hcard/card-core';
import { generateResident } from '@hcard/emulator';
import { afterAll, describe, expect, it } from 'vitest';
import { AuditLog, type AuditRecord } from './audit.js';
import { PersonalDataMasker } from './mask.js';

const dir = mkdtempSync(join(tmpdir(), 'hcard-audit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const newFile = () => join(dir, `case-${++files}`, 'audit', 'audit.jsonl');

const { items } = generateResident(11);
const card = items.cardNumber!; // the holder's ID number
const maskedCard = `${card.slice(0, 4)}**********${card.slice(-4)}`;
const READER = 'Virtual PCD 00 00';

const entry = (over: Partial<AuditRecord> = {}): AuditRecord => ({
  client: 'desk-1',
  action: 'read',
  reader: READER,
  sections: ['basic', 'photo'],
  card,
  outcome: 'ok',
  requestId: '550e8400-e29b-41d4-a716-446655440000',
  ...over,
});

const lines = (file: string): Record<string, unknown>[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l));

describe('AuditLog', () => {
  it('writes one JSON line per entry with the time, the card number masked', async () => {
    const file = newFile();
    const log = new AuditLog(file, { now: () => new Date('2024-06-01T08:00:00.000Z') });
    log.record(entry());
    log.record(
      entry({ action: 'compat', function: 'iReadCardBas', sections: undefined, outcome: 'HCARD_E_NO_CARD' }),
    );
    await log.close();
    expect(lines(file)).toEqual([
      {
        time: '2024-06-01T08:00:00.000Z',
        client: 'desk-1',
        action: 'read',
        reader: READER,
        sections: ['basic', 'photo'],
        card: maskedCard,
        outcome: 'ok',
        requestId: '550e8400-e29b-41d4-a716-446655440000',
      },
      {
        time: '2024-06-01T08:00:00.000Z',
        client: 'desk-1',
        action: 'compat',
        reader: READER,
        function: 'iReadCardBas',
        card: maskedCard,
        outcome: 'HCARD_E_NO_CARD',
        requestId: '550e8400-e29b-41d4-a716-446655440000',
      },
    ]);
  });

  it('appends: a second log on the same file keeps the earlier lines, and two at once interleave whole lines', async () => {
    const file = newFile();
    const first = new AuditLog(file);
    first.record(entry({ client: 'first' }));
    await first.close();
    const second = new AuditLog(file);
    second.record(entry({ client: 'second' }));
    await second.close();
    expect(lines(file).map((l) => l.client)).toEqual(['first', 'second']);

    const a = new AuditLog(file);
    const b = new AuditLog(file);
    for (let i = 0; i < 200; i++) {
      a.record(entry({ client: `a${i}` }));
      b.record(entry({ client: `b${i}` }));
      if (i % 50 === 0) await Promise.all([a.flush(), b.flush()]);
    }
    await Promise.all([a.close(), b.close()]);
    const clients = lines(file).map((l) => l.client as string);
    expect(clients.slice(0, 2)).toEqual(['first', 'second']);
    expect(clients.filter((c) => c.startsWith('a'))).toEqual(Array.from({ length: 200 }, (_, i) => `a${i}`));
    expect(clients.filter((c) => c.startsWith('b'))).toEqual(Array.from({ length: 200 }, (_, i) => `b${i}`));
  });

  it('creates the file 0600 in a directory 0700, and narrows an existing file readable by others', async () => {
    const file = newFile();
    const log = new AuditLog(file);
    await log.close();
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(file, '..')).mode & 0o777).toBe(0o700);

    const shared = join(dir, 'shared.jsonl');
    writeFileSync(shared, '{"earlier":true}\n');
    chmodSync(shared, 0o644);
    const again = new AuditLog(shared);
    again.record(entry());
    await again.close();
    expect(statSync(shared).mode & 0o777).toBe(0o600);
    expect(lines(shared)[0]).toEqual({ earlier: true });
  });

  it('does not write on the request path: record() queues, flush() and close() write everything', async () => {
    const file = newFile();
    const log = new AuditLog(file);
    for (let i = 0; i < 1000; i++) log.record(entry({ client: `c${i}` }));
    expect(readFileSync(file, 'utf8')).toBe('');
    await log.flush();
    expect(lines(file)).toHaveLength(1000);
    for (let i = 0; i < 500; i++) log.record(entry());
    await log.close();
    expect(lines(file)).toHaveLength(1500);
    expect(() => log.record(entry())).toThrow(/closed/);
  });

  it('refuses an unknown action', async () => {
    const log = new AuditLog(newFile());
    let error: unknown;
    try {
      log.record(entry({ action: 'delete' as never }));
    } catch (e) {
      error = e;
    }
    expect(isHcardError(error, 'HCARD_E_ARG_INVALID')).toBe(true);
    await log.close();
  });

  it('masks the card number itself, not only through the line masker', async () => {
    const file = newFile();
    const masker = {
      mask: (line: string) => line,
      maskRecurring: (key: string, make = () => key) => make(),
    } as unknown as PersonalDataMasker;
    const log = new AuditLog(file, { masker });
    log.record(entry());
    await log.close();
    expect(lines(file)[0]!.card).toBe(maskedCard);
  });

  it('identifies the person by the masked card number only, whatever the fields hold', async () => {
    const file = newFile();
    const masker = new PersonalDataMasker();
    masker.rememberAll([items.name, items.contact1Name]);
    const log = new AuditLog(file, { masker });
    log.record(entry());
    // Misuse: personal data in free-text fields is masked as in the logs.
    log.record(
      entry({ outcome: `refused for ${items.name} ${items.idNumber}`, function: `tel ${items.phone1}` }),
    );
    await log.close();
    const text = readFileSync(file, 'utf8');
    for (const value of [items.name!, items.idNumber!, items.phone1!, items.contact1Name!]) {
      expect(text).not.toContain(value);
    }
    for (const line of lines(file)) {
      expect(
        Object.keys(line).every((k) =>
          [
            'time',
            'client',
            'action',
            'reader',
            'sections',
            'function',
            'card',
            'outcome',
            'requestId',
          ].includes(k),
        ),
      ).toBe(true);
      expect(line.card).toBe(maskedCard);
    }
  });

  it('takes the time when an entry is recorded, though its line is made when written', async () => {
    const file = newFile();
    let clock = new Date('2024-06-01T08:00:00.000Z');
    const log = new AuditLog(file, { now: () => clock });
    log.record(entry());
    clock = new Date('2024-06-01T09:30:00.000Z');
    log.record(entry());
    await log.close();
    expect(lines(file).map((l) => l.time)).toEqual(['2024-06-01T08:00:00.000Z', '2024-06-01T09:30:00.000Z']);
  });

  it('masks a name remembered after an identical entry was written, and any request id that is not a UUID', async () => {
    const file = newFile();
    const masker = new PersonalDataMasker();
    const log = new AuditLog(file, { masker });
    const misuse = entry({ client: `desk of ${items.contact1Name}` });
    log.record(misuse);
    await log.flush(); // lines are made when written: this one before the name is known
    masker.remember(items.contact1Name);
    log.record(misuse);
    log.record(entry({ requestId: `req ${items.phone1}` }));
    await log.close();
    const [before, after, odd] = lines(file);
    // Before: no rule knew the name; after: the same entry, masked.
    expect(before!.client).toBe(`desk of ${items.contact1Name}`);
    expect(after!.client).toBe(`desk of ${Array.from(items.contact1Name!)[0]}*`);
    expect(odd!.requestId).toBe(`req ${items.phone1!.slice(0, 3)}****${items.phone1!.slice(-4)}`);
  });
});
