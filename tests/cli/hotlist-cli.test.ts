/**
 * `hcard hotlist add|remove|import|list` as a station runs them (child processes), and the
 * `Hotlist` lookup the checks use seeing each change at once: the file never holds a card number.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hotlist, readHotlistFile } from '@hcard/gateway';
import { afterAll, describe, expect, it } from 'vitest';
import { runHcard } from '../support/cli-process.js';

const dir = mkdtempSync(join(tmpdir(), 'hcard-hotlist-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Synthetic ID numbers (valid check digits, not real people).
const LOST = '11010519491231002X';
const STOLEN = '440524188001010014';
const SSSE_CARD = 'X00000019';

describe('hcard hotlist', () => {
  it('adds, lists, updates and removes cards; a running lookup sees each change; the file holds no card number', async () => {
    const file = join(dir, 'conf', 'hcard', 'hotlist.json');
    const hotlist = new Hotlist(file);
    expect(hotlist.lookup(LOST)).toBeUndefined();

    const added = await runHcard(['hotlist', 'add', '--card', LOST, '--reason', 'lost', '--file', file]);
    expect(added).toMatchObject({ code: 0 });
    expect(added.stdout.trim()).toBe(`added 1101**********002X (lost) in ${file}`);
    expect(hotlist.lookup(LOST)).toEqual({ reason: 'lost' });
    // Lower-case x and spaces around are the same card.
    expect(hotlist.lookup(` ${LOST.toLowerCase()} `)).toEqual({ reason: 'lost' });
    expect(statSync(file).mode & 0o777).toBe(0o600);

    const changed = await runHcard([
      'hotlist',
      'add',
      '--card',
      LOST,
      '--reason',
      'cancelled',
      '--file',
      file,
    ]);
    expect(changed.stdout).toMatch(/^updated /);
    expect(hotlist.lookup(LOST)).toEqual({ reason: 'cancelled' });

    const list = await runHcard(['hotlist', 'list', '--json', '--file', file]);
    expect(JSON.parse(list.stdout)).toEqual([
      { masked: '1101**********002X', reason: 'cancelled', added: expect.stringMatching(/^\d{4}-/) },
    ]);
    expect(readFileSync(file, 'utf8')).not.toContain(LOST.slice(4, 14));

    const removed = await runHcard(['hotlist', 'remove', '--card', LOST, '--file', file]);
    expect(removed).toMatchObject({ code: 0 });
    expect(hotlist.lookup(LOST)).toBeUndefined();
    const again = await runHcard(['hotlist', 'remove', '--card', LOST, '--file', file]);
    expect(again.code).toBe(1);
    expect(again.stdout.trim()).toBe('not listed: 1101**********002X');
  }, 90_000);

  it('imports a CSV, keeps the good lines and names the bad ones by line number', async () => {
    const file = join(dir, 'import', 'hotlist.json');
    const input = join(dir, 'lost.csv');
    writeFileSync(
      input,
      `卡号,原因,备注\n${LOST},lost,desk 3\n${STOLEN};STOLEN\n12,lost\n${SSSE_CARD},misplaced\n\n`,
    );
    const result = await runHcard(['hotlist', 'import', '--input', input, '--file', file]);
    expect(result.code).toBe(1);
    expect(result.stdout.trim()).toBe(`2 added, 0 updated, 2 rejected → ${file}`);
    expect(result.stderr).toContain('line 4: not a card number');
    expect(result.stderr).toContain('line 5: reason must be one of lost, stolen, cancelled');
    const hotlist = new Hotlist(file);
    expect(hotlist.lookup(LOST)).toEqual({ reason: 'lost' });
    expect(hotlist.lookup(STOLEN)).toEqual({ reason: 'stolen' });
    expect(hotlist.lookup(SSSE_CARD)).toBeUndefined();
    expect(readHotlistFile(file).map((e) => e.note)).toEqual(['desk 3', undefined]);
  }, 30_000);

  it('refuses a bad reason or a damaged file in one line with its catalogue code', async () => {
    const file = join(dir, 'bad', 'hotlist.json');
    const bad = await runHcard(['hotlist', 'add', '--card', LOST, '--reason', 'misplaced', '--file', file]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toContain('HCARD_E_ARG_INVALID');
    writeFileSync(join(dir, 'damaged.json'), '{"format":"hcard-hotlist/1","entries":[{"card":"zz"}]}');
    const damaged = await runHcard(['hotlist', 'list', '--file', join(dir, 'damaged.json')]);
    expect(damaged.stderr).toContain('HCARD_E_CONFIG_INVALID');
    expect(damaged.stderr).toContain('entry 1 is damaged');
    expect(damaged.stderr).not.toMatch(/\n\s+at /);
  }, 30_000);
});
