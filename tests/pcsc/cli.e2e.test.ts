/**
 * The `hcard` executable against the real PC/SC stack: pcscd with its vpcd readers, cards
 * served by `hcard emulate` (or by `hcard demo` itself), read and watched by other `hcard`
 * processes. Every child process is stopped after each test, and each test ends with both
 * readers empty.
 */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ERROR_CATALOGUE, toHex } from '@hcard/card-core';
import {
  generateCard,
  loopbackRoutes,
  parseLocalRoutes,
  quickAckCommands,
  routeChangeArgs,
  runIp,
  TEST_PSAM_PIN,
} from '@hcard/emulator';
import { PcscDriver } from '@hcard/reader-driver';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type HcardProcess, runHcard, startHcard } from '../support/cli-process.js';
import { PcscRig, pcscUnavailable, READERS, waitFor } from '../support/pcsc-rig.js';

describe.skipIf(pcscUnavailable()).sequential('hcard through pcscd and vpcd', () => {
  const rig = new PcscRig();
  let driver: PcscDriver;
  const dir = mkdtempSync(join(tmpdir(), 'hcard-cli-e2e-'));
  // The test PSAM's PIN, and a config directory of our own (no developer's config leaks in).
  const withPin = (pin: string = TEST_PSAM_PIN) => ({ env: { XDG_CONFIG_HOME: dir, HCARD_PSAM_PIN: pin } });
  const withoutPin = { env: { XDG_CONFIG_HOME: dir, HCARD_PSAM_PIN: '' } };

  beforeAll(async () => {
    await rig.start();
    driver = new PcscDriver({ restartDelayMs: 200 });
  }, 20_000);

  afterAll(async () => {
    await driver?.close();
    await rig.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const children: HcardProcess[] = [];
  afterEach(async () => {
    await Promise.all(children.splice(0).map((c) => c.stop('SIGKILL')));
    for (const c of rig.cards.splice(0)) c.remove();
    await waitFor(async () => (await driver.list()).every((r) => !r.cardPresent));
  });

  function start(args: readonly string[]): HcardProcess {
    const child = startHcard(args);
    children.push(child);
    return child;
  }

  /** Writes the image of a generated card to a file. */
  function imageFile(seed: number | string, edit: (image: Record<string, unknown>) => void = () => {}) {
    const built = generateCard(seed);
    const image = structuredClone(built.image) as unknown as Record<string, unknown>;
    edit(image);
    const file = join(dir, `card-${seed}.json`);
    writeFileSync(file, JSON.stringify(image));
    return { built, file };
  }

  /** `hcard emulate --card file`, once pcscd reports both cards in their readers. */
  async function emulate(file: string, extra: readonly string[] = []): Promise<HcardProcess> {
    const emulator = start(['emulate', '--card', file, ...extra]);
    await emulator.waitForLine(/^ready: /);
    await waitFor(async () => (await driver.list()).filter((r) => r.cardPresent).length === 2);
    return emulator;
  }

  const present = async (reader: string) => (await driver.list()).find((r) => r.name === reader)?.cardPresent;

  // Loopback quick-ACK: the rig turned it on when it could (root), so the CLI finds it on.
  const quickAckOn = () => rig.quickAck.applied;
  const QUICKACK_ALREADY_ON = 'loopback quick-ACK is already on for vpcd (left as it was)';
  const loopback = () => loopbackRoutes(parseLocalRoutes(runIp(['route', 'show', 'table', 'local'])));

  /** Runs `body` with quick-ACK off on the loopback routes, then sets them back as they were. */
  async function withQuickAckOff(body: () => Promise<void>): Promise<void> {
    const before = loopback();
    for (const route of before) runIp(routeChangeArgs(route, false));
    try {
      await body();
    } finally {
      for (const route of before) runIp(routeChangeArgs(route, 'as-is'));
    }
  }

  it('readers --json lists the vpcd readers, empty, then with the cards emulate serves', async () => {
    const empty = await runHcard(['readers', '--json']);
    expect(empty.code, empty.stderr).toBe(0);
    expect(JSON.parse(empty.stdout)).toEqual(
      expect.arrayContaining([
        { name: READERS.user.name, cardPresent: false, atr: null },
        { name: READERS.psam.name, cardPresent: false, atr: null },
      ]),
    );
    const { built, file } = imageFile('cli-readers');
    await emulate(file);
    const full = await runHcard(['readers', '--json']);
    const user = JSON.parse(full.stdout).find((r: { name: string }) => r.name === READERS.user.name);
    expect(user).toEqual({ name: READERS.user.name, cardPresent: true, atr: built.image.atr });
    const table = await runHcard(['readers']);
    expect(table.stdout).toMatch(new RegExp(`^${READERS.user.name}\\s+yes\\s+${built.image.atr}$`, 'm'));
    // Four CLI processes, the first of the file on a fresh clone (tsx's cache cold): 7-10.5 s in
    // CI runs, one of them over 20 s.
  }, 60_000);

  it('emulate says on its second line what it did about quick-ACK', async () => {
    const { file } = imageFile('cli-emulate-quickack');
    const emulator = await emulate(file);
    expect(emulator.lines()[1]).toBe(
      quickAckOn()
        ? QUICKACK_ALREADY_ON
        : expect.stringMatching(/^loopback quick-ACK could not be turned on /),
    );
  });

  it('emulate turns quick-ACK on while it serves, and off again on stop', async ({ skip }) => {
    if (!quickAckOn()) skip('the rig could not change the loopback routes');
    await withQuickAckOff(async () => {
      const { file } = imageFile('cli-emulate-quickack-off');
      const emulator = await emulate(file);
      expect(emulator.lines()[1]).toBe(
        'loopback quick-ACK turned on for vpcd (was off; turned off again on stop)',
      );
      expect(loopback().map((r) => r.quickAck)).toEqual([true, true]);
      emulator.send('quit');
      const ended = await emulator.exited;
      expect(ended.code).toBe(0);
      expect(ended.stdout).toMatch(/^stopped \(quit\): cards removed\nloopback quick-ACK turned off again$/m);
      expect(loopback().map((r) => r.quickAck)).toEqual([false, false]);
    });
  });

  it('read --json, in another process, returns the items of the image emulate serves', async () => {
    const { built, file } = imageFile('cli-read');
    const emulator = await emulate(file);
    expect(emulator.lines()[0]).toBe(
      `card: ${Array.from(built.items.name!)[0]}* ${built.items.idNumber!.slice(0, 4)}${'*'.repeat(10)}` +
        `${built.items.idNumber!.slice(-4)}, ATR ${built.image.atr}`,
    );
    const photoFile = join(dir, 'photo.jpg');
    const result = await runHcard(['read', '--json', '--photo', photoFile], withPin());
    expect(result.code, result.stderr).toBe(0);
    const out = JSON.parse(result.stdout);
    expect(out.items).toEqual(built.items);
    expect(out.allergies).toEqual(built.resident.allergies);
    expect(out.read).toMatchObject({ reader: READERS.user.name, psamReader: READERS.psam.name });
    expect(toHex(readFileSync(photoFile))).toBe(toHex(built.resident.photo));

    // quit removes the cards and ends the process by itself.
    emulator.send('quit');
    const ended = await emulator.exited;
    expect(ended.code).toBe(0);
    expect(ended.stdout).toMatch(/^stopped \(quit\): cards removed$/m);
    await waitFor(async () => !(await present(READERS.user.name)));
  });

  it('read prints the registration view, and only the sections asked for', async () => {
    const { built, file } = imageFile('cli-view');
    await emulate(file);
    const result = await runHcard(['read', '--sections', 'basic'], withPin());
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(
      new RegExp(
        `^read from ${READERS.user.name} \\(PSAM in ${READERS.psam.name}\\): \\d+ APDUs in [\\d.]+ ms$`,
      ),
    );
    expect(result.stdout).toMatch(new RegExp(`15 居民身份证号码\\s+${built.items.idNumber}$`, 'm'));
    expect(result.stdout).not.toMatch(/photo:|allergies:|inpatient records:/);
  });

  it('a refusal names the command and meaning and exits with the code of HCARD_E_SW_REFUSED', async () => {
    const { file } = imageFile('cli-blocked', (image) => {
      // RK_DDF1 blocked: reading EF06 (name, ID) needs it.
      const keys = image.keys as Record<string, { remaining?: number }>;
      keys.RK_DDF1!.remaining = 0;
    });
    await emulate(file);
    const result = await runHcard(['read'], withPin());
    expect(result.code).toBe(ERROR_CATALOGUE.HCARD_E_SW_REFUSED.exit);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'hcard: HCARD_E_SW_REFUSED: The card refused the command: EXTERNAL AUTHENTICATE → 6983 (authentication method blocked)\n',
    );
  });

  it('read never burns a PSAM try without a configured PIN, and says how many tries a wrong one left', async () => {
    const { built, file } = imageFile('cli-psam-pin');
    const emulator = await emulate(file, ['--psam-pin', '654321']);
    expect(emulator.lines()).toContainEqual(expect.stringMatching(/the test PSAM \(PIN 654321\) on port/));

    const none = await runHcard(['read', '--json'], withoutPin);
    expect(none.code).toBe(ERROR_CATALOGUE.HCARD_E_PSAM_PIN_MISSING.exit);
    expect(none.stdout).toBe('');
    expect(none.stderr).toMatch(
      /^hcard: HCARD_E_PSAM_PIN_MISSING: No PSAM PIN is configured: set HCARD_PSAM_PIN, or "psamPin" in .*gateway\.json — .*\n$/,
    );

    // No try was used above: the first wrong PIN leaves 2 of the test PSAM's 3.
    const wrong = await runHcard(['read', '--json'], withPin('111111'));
    expect(wrong.code).toBe(ERROR_CATALOGUE.HCARD_E_PSAM_PIN_WRONG.exit);
    expect(wrong.stderr).toMatch(
      /^hcard: HCARD_E_PSAM_PIN_WRONG: The PSAM refused the PIN: 2 tries left — .*\n$/,
    );
    expect(wrong.stderr).not.toContain('111111');

    const right = await runHcard(['read', '--json'], withPin('654321'));
    expect(right.code, right.stderr).toBe(0);
    expect(JSON.parse(right.stdout).items).toEqual(built.items);
  });

  it('read names the empty or unknown reader', async () => {
    // Each run is killed well inside the test's time, so a hang shows its output and signal.
    // (One CI run timed out here once: pcsclite's close() races, mended by a patch; pcsc-close.e2e.)
    const bounded = { ...withPin(), timeoutMs: 9000 };
    const empty = await runHcard(['read'], bounded);
    expect(empty.code, JSON.stringify(empty)).toBe(ERROR_CATALOGUE.HCARD_E_NO_CARD.exit);
    expect(empty.stderr).toMatch(/^hcard: HCARD_E_NO_CARD: No card in the reader: "Virtual PCD 00 00" — /);
    const unknown = await runHcard(['read', '--reader', 'No Such Reader 00 00'], bounded);
    expect(unknown.code, JSON.stringify(unknown)).toBe(ERROR_CATALOGUE.HCARD_E_READER_NOT_FOUND.exit);
    expect(unknown.stderr).toMatch(
      /^hcard: HCARD_E_READER_NOT_FOUND: No such reader: "No Such Reader 00 00" — /,
    );
  });

  it('read says the terminal lacks its PSAM, not that a card is missing, when the PSAM slot is empty', async () => {
    const { file } = imageFile('cli-no-psam');
    const emulator = start(['emulate', '--card', file, '--no-psam']);
    await emulator.waitForLine(/^ready: /);
    await waitFor(async () => (await present(READERS.user.name)) === true);
    const result = await runHcard(['read'], withPin());
    expect(result.code).toBe(ERROR_CATALOGUE.HCARD_E_PSAM_ABSENT.exit);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /^hcard: HCARD_E_PSAM_ABSENT: No PSAM in the PSAM slot: "Virtual PCD 00 01" — /,
    );
  });

  it('watch --json sees the remove and insert typed into emulate, counters increasing', async () => {
    const { built, file } = imageFile('cli-watch');
    const emulator = await emulate(file);
    const watch = start(['watch', '--json']);
    type Event = { type: string; reader: string; counter: number; atr?: string; time: string };
    const userEvents = () =>
      watch
        .lines()
        .map((l) => JSON.parse(l) as Event)
        .filter((e) => e.reader === READERS.user.name);
    const seen = (type: string, n: number) => async () =>
      userEvents().filter((e) => e.type === type).length >= n;
    // A new watch starts with the current state: the reader, with the card in it.
    await waitFor(seen('card-inserted', 1), 10_000);

    emulator.send('remove');
    await emulator.waitForLine(/^removed: /);
    await waitFor(seen('card-removed', 1));
    emulator.send('insert');
    await emulator.waitForLine(/^inserted: /);
    await waitFor(seen('card-inserted', 2));

    const events = userEvents();
    expect(events.map((e) => e.type)).toEqual([
      'reader-added',
      'card-inserted',
      'card-removed',
      'card-inserted',
    ]);
    // The first two report the current state at the current counter; each change adds one.
    expect(events[1]!.counter).toBe(events[0]!.counter);
    expect(events[2]!.counter).toBe(events[1]!.counter + 1);
    expect(events[3]!.counter).toBe(events[2]!.counter + 1);
    expect(events[3]!.atr).toBe(built.image.atr);
    expect(Number.isNaN(Date.parse(events[3]!.time))).toBe(false);

    const stopped = await watch.stop('SIGTERM');
    expect(stopped.code).toBe(0);
    expect(stopped.stderr).toBe('');
    const ended = await emulator.stop('SIGTERM');
    expect(ended.code).toBe(0);
    expect(ended.stdout).toMatch(/^stopped \(SIGTERM\): cards removed$/m);
  });

  it('demo reads through pcscd, says so, and leaves the readers empty', async () => {
    const result = await runHcard(['demo', '--seed', '11']);
    expect(result.code, result.stderr).toBe(0);
    const [path, counts, quickAck] = result.stdout.split('\n');
    expect(path).toBe(
      `read through pcscd (${READERS.user.name}): pcscd is running and its vpcd readers are free`,
    );
    expect(counts).toMatch(/^\d+ APDUs in [\d.]+ ms; synthetic resident from seed 11$/);
    if (quickAckOn()) expect(quickAck).toBe(QUICKACK_ALREADY_ON);
    else expect(quickAck).toMatch(/^loopback quick-ACK could not be turned on /);
    expect(result.stdout).toMatch(new RegExp(`姓名\\s+${generateCard(11).items.name}$`, 'm'));
    await waitFor(async () => (await driver.list()).every((r) => !r.cardPresent));
  });

  it('demo --json reports the pcscd path and the items read', async () => {
    const result = await runHcard(['demo', '--seed', '12', '--json']);
    expect(result.code, result.stderr).toBe(0);
    const out = JSON.parse(result.stdout);
    expect(out.read).toMatchObject({
      path: 'pcscd',
      reader: READERS.user.name,
      psamReader: READERS.psam.name,
      quickAck: quickAckOn() ? 'already-on' : 'unavailable',
    });
    expect(out.items).toEqual(generateCard(12).items);
    // With quick-ACK a full read takes well under a second (without it, ~40 ms per APDU).
    if (quickAckOn()) expect(out.read.ms).toBeLessThan(3000);
  });

  it('demo turns quick-ACK on for the read when it is off, says so, and turns it off again', async ({
    skip,
  }) => {
    if (!quickAckOn()) skip('the rig could not change the loopback routes');
    await withQuickAckOff(async () => {
      const text = await runHcard(['demo', '--seed', '14']);
      expect(text.code, text.stderr).toBe(0);
      expect(text.stdout.split('\n')[2]).toBe(
        'loopback quick-ACK turned on for vpcd (was off; turned off again after the read)',
      );
      expect(loopback().map((r) => r.quickAck)).toEqual([false, false]);

      const json = await runHcard(['demo', '--seed', '14', '--json']);
      expect(json.code, json.stderr).toBe(0);
      const read = JSON.parse(json.stdout).read;
      expect(read).toMatchObject({ path: 'pcscd', quickAck: 'turned-on' });
      expect(read.ms).toBeLessThan(3000);
      expect(loopback().map((r) => r.quickAck)).toEqual([false, false]);
    });
  });

  it('demo says what to run, and still reads, when quick-ACK cannot be turned on', async () => {
    // An `ip` that shows the routes without quick-ACK and refuses changes, as for a non-root user.
    const bin = join(dir, 'unprivileged-bin');
    mkdirSync(bin, { recursive: true });
    const table = [
      'local 127.0.0.0/8 dev lo proto kernel scope host src 127.0.0.1 ',
      'local 127.0.0.1 dev lo proto kernel scope host src 127.0.0.1 ',
    ].join('\\n');
    writeFileSync(
      join(bin, 'ip'),
      `#!/bin/sh\nif [ "$2" = show ]; then printf '${table}\\n'; exit 0; fi\n` +
        `echo 'RTNETLINK answers: Operation not permitted' >&2; exit 2\n`,
    );
    chmodSync(join(bin, 'ip'), 0o755);
    const env = { env: { PATH: `${bin}:${process.env.PATH}` } };
    const before = runIp(['route', 'show', 'table', 'local']);

    const text = await runHcard(['demo', '--seed', '15'], env);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout.split('\n')[0]).toMatch(/^read through pcscd /);
    expect(text.stdout.split('\n')[2]).toBe(
      'loopback quick-ACK could not be turned on (not permitted to change routes: needs root or ' +
        'CAP_NET_ADMIN): reads through vpcd take ~40 ms per APDU; to make them fast, run as root: ' +
        'ip route change local 127.0.0.0/8 dev lo table local proto kernel scope host src 127.0.0.1 quickack 1 && ' +
        'ip route change local 127.0.0.1 dev lo table local proto kernel scope host src 127.0.0.1 quickack 1',
    );
    expect(text.stdout).toMatch(new RegExp(`姓名\\s+${generateCard(15).items.name}$`, 'm'));

    const json = await runHcard(['demo', '--seed', '15', '--json'], env);
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout).read).toMatchObject({
      path: 'pcscd',
      quickAck: 'unavailable',
      quickAckReason: 'not permitted to change routes: needs root or CAP_NET_ADMIN',
      quickAckCommands: quickAckCommands(),
    });
    expect(runIp(['route', 'show', 'table', 'local'])).toBe(before);
  });

  it('demo reads in-process, and says why, when a card is already in the vpcd reader', async () => {
    const { file } = imageFile('cli-busy');
    await emulate(file);
    const result = await runHcard(['demo', '--seed', '13']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe(`read in-process: a card is already in "${READERS.user.name}"`);
    expect(await present(READERS.user.name)).toBe(true);
  });
});
