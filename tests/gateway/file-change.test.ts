/**
 * The files the gateway keeps in memory (the config's tokens, the hotlist) re-read when they
 * change, also where two rewrites in one tick of a coarse file clock leave the same stat (Linux
 * before 6.13, as on Debian 12). This machine's kernel gives fine-grained times to a file that
 * was looked at, so the stat is held still through `stampOf` to stand for such a kernel.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addToHotlist, Hotlist, removeFromHotlist } from '@hcard/gateway';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'hcard-file-change-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Synthetic ID numbers (valid check digits, not real people).
const LOST = '11010519491231002X';
const STOLEN = '440524188001010014';

describe('Hotlist on a coarse file clock', () => {
  it('sees a card listed in the same tick as the last look, with the same stat as before', () => {
    const file = join(dir, 'hotlist.json');
    addToHotlist(file, [{ cardNumber: STOLEN, reason: 'stolen' }]);
    const held = { ...statSync(file) };
    let changed = held.ctimeMs;
    const hotlist = new Hotlist(file, {
      stampOf: () => ({ ctimeMs: changed, size: held.size, ino: held.ino }),
    });
    expect(hotlist.lookup(LOST)).toBeUndefined();
    // One card out, another in: the file as long as before, its stat held as it was.
    removeFromHotlist(file, STOLEN);
    addToHotlist(file, [{ cardNumber: LOST, reason: 'stolen' }]);
    expect(statSync(file).size).toBe(held.size);
    expect(hotlist.lookup(LOST)).toEqual({ reason: 'stolen' });
    expect(hotlist.lookup(STOLEN)).toBeUndefined();

    // Once the file has not changed for a while, its stat is trusted: no read at each lookup.
    changed = Date.now() - 10_000;
    expect(hotlist.lookup(LOST)).toEqual({ reason: 'stolen' }); // read once more: now settled
    removeFromHotlist(file, LOST);
    expect(hotlist.lookup(LOST)).toEqual({ reason: 'stolen' });
  });

  it('keeps saying the file cannot be read until it is fixed', () => {
    const file = join(dir, 'broken.json');
    addToHotlist(file, [{ cardNumber: LOST, reason: 'lost' }]);
    // Long unchanged stats, so nothing but an unreadable file makes it read again.
    let stamp = { ctimeMs: 0, size: 1, ino: 1 };
    const hotlist = new Hotlist(file, { stampOf: () => stamp });
    expect(hotlist.lookup(LOST)).toEqual({ reason: 'lost' });
    writeFileSync(file, '{ half');
    stamp = { ctimeMs: 0, size: 6, ino: 2 };
    expect(() => hotlist.lookup(LOST)).toThrow();
    expect(() => hotlist.lookup(LOST)).toThrow(); // not the entries from before
    rmSync(file);
    addToHotlist(file, [{ cardNumber: STOLEN, reason: 'stolen' }]);
    expect(hotlist.lookup(STOLEN)).toEqual({ reason: 'stolen' }); // fixed: read again
  });
});
