/**
 * The hotlist file's rules that `hcard hotlist` (tests/cli/hotlist-cli.test.ts) does not reach
 * one by one: an update keeps the date a card was first listed, a header is only the first line,
 * a bad card number writes nothing, and an entry whose hash is not a SHA-256 is refused.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addToHotlist, parseHotlistImport, readHotlistFile } from '@hcard/gateway';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'hcard-hotlist-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Synthetic ID numbers (valid check digits, not real people).
const LOST = '11010519491231002X';
const STOLEN = '440524188001010014';

describe('the hotlist file', () => {
  it('keeps the date a card was first listed when its reason changes', () => {
    const file = join(dir, 'dates.json');
    const first = new Date('2026-11-01T08:00:00.000Z');
    expect(addToHotlist(file, [{ cardNumber: LOST, reason: 'lost' }], first)).toEqual({
      added: 1,
      updated: 0,
    });
    expect(
      addToHotlist(file, [{ cardNumber: LOST, reason: 'stolen' }], new Date('2026-11-20T08:00:00.000Z')),
    ).toEqual({ added: 0, updated: 1 });
    expect(readHotlistFile(file)).toEqual([
      {
        card: expect.stringMatching(/^[0-9a-f]{64}$/),
        masked: '1101**********002X',
        reason: 'stolen',
        added: first.toISOString(),
      },
    ]);
  });

  it('refuses a card number that is not 6–32 letters and digits, and writes nothing', () => {
    const file = join(dir, 'refused.json');
    expect(() =>
      addToHotlist(file, [
        { cardNumber: STOLEN, reason: 'stolen' },
        { cardNumber: '12-34', reason: 'lost' },
      ]),
    ).toThrow(expect.objectContaining({ code: 'HCARD_E_ARG_INVALID' }));
    expect(existsSync(file)).toBe(false);
  });

  it('skips a header only on the first line; a later line without digits is read as a card', () => {
    // Card numbers may be letters (an SSSE card number starts with one).
    const parsed = parseHotlistImport(`card,reason\n${LOST},lost\nabcdefgh,lost\n`);
    expect(parsed.updates).toEqual([
      { cardNumber: LOST, reason: 'lost' },
      { cardNumber: 'abcdefgh', reason: 'lost' },
    ]);
    expect(parsed.rejected).toEqual([]);
    const lateHeader = parseHotlistImport(`${LOST},lost\ncard,reason\n`);
    expect(lateHeader.rejected).toEqual([{ line: 2, reason: 'not a card number' }]);
  });

  it('refuses an entry whose card is not a SHA-256, whatever else it holds', () => {
    const file = join(dir, 'damaged.json');
    const good = addToHotlist(file, [{ cardNumber: LOST, reason: 'lost' }]);
    expect(good.added).toBe(1);
    const json = JSON.parse(readFileSync(file, 'utf8')) as { entries: { card: string }[] };
    json.entries[0]!.card = LOST;
    writeFileSync(file, JSON.stringify(json));
    expect(() => readHotlistFile(file)).toThrow(expect.objectContaining({ code: 'HCARD_E_CONFIG_INVALID' }));
  });
});
