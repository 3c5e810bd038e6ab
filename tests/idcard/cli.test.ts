/**
 * `hcard idcard read | watch | emulate` run as processes: the emulator process serves on a
 * socat pty pair, the reading process opens the other end with serialport.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toHex } from '@hcard/card-core';
import { generateIdCard, startPtyPair } from '@hcard/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, type HcardProcess, runHcard, startHcard } from '../support/cli-process.js';

// Each hcard process compiles its sources at start (several seconds on a busy machine).
const SLOW = 90_000;
const dir = mkdtempSync(join(tmpdir(), 'hcard-idcard-cli-'));
const residentPort = join(dir, 'resident');
const permitPort = join(dir, 'permit');
let resident: HcardProcess;
let permit: HcardProcess;

beforeAll(async () => {
  resident = startHcard(['idcard', 'emulate', '--link', residentPort, '--seed', '7'], { timeoutMs: 300_000 });
  permit = startHcard(['idcard', 'emulate', '--link', permitPort, '--type', 'J', '--seed', '3', '--absent'], {
    timeoutMs: 300_000,
  });
  await Promise.all([resident.waitForLine(/^ready: /, 60_000), permit.waitForLine(/^ready: /, 60_000)]);
}, SLOW);

afterAll(async () => {
  await Promise.all([resident?.stop(), permit?.stop()]);
  rmSync(dir, { recursive: true, force: true });
});

/** A failure's stderr: exactly one line, no stack trace. */
function oneErrorLine(result: CliResult): string {
  const lines = result.stderr.split('\n').filter((l) => l !== '');
  expect(lines, result.stderr).toHaveLength(1);
  expect(result.stderr).not.toMatch(/^\s+at /m);
  return lines[0]!;
}

/** Places the emulated card again (the SAM reads a card once per placement). */
async function placeAgain(emulator: HcardProcess): Promise<void> {
  const placed = () => emulator.lines().filter((l) => l.startsWith('placed: ')).length;
  const before = placed();
  emulator.send('insert');
  await emulator.waitForLine(() => placed() > before);
}

describe('help', () => {
  const OPTIONS: Record<string, readonly string[]> = {
    'idcard read': ['--port', '--json'],
    'idcard watch': ['--port', '--json'],
    'idcard emulate': ['--link', '--seed', '--type', '--absent'],
  };

  it(
    'lists the idcard commands in hcard --help and hcard idcard --help, and each names its options',
    async () => {
      const [general, group, ...each] = await Promise.all([
        runHcard(['--help']),
        runHcard(['idcard', '--help']),
        ...Object.keys(OPTIONS).map((name) => runHcard([...name.split(' '), '--help'])),
      ]);
      for (const name of Object.keys(OPTIONS)) {
        expect(general!.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
        expect(group!.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
      }
      Object.entries(OPTIONS).forEach(([name, options], i) => {
        const result = each[i]!;
        expect([result.code, result.stderr]).toEqual([0, '']);
        expect(result.stdout).toContain(`Usage: hcard ${name} [options]`);
        for (const option of [...options, '--help'])
          expect(result.stdout).toMatch(new RegExp(`${option}\\b`));
      });
    },
    SLOW,
  );
});

describe('hcard idcard emulate', () => {
  it('logs the card it serves masked, and the link to use', () => {
    const card = generateIdCard(7);
    const [cardLine, readyLine] = resident.lines();
    expect(cardLine).toBe(
      `card: resident ${Array.from(card.fields.name!)[0]}* ${card.fields.idNumber!.slice(0, 4)}${'*'.repeat(10)}${card.fields.idNumber!.slice(-4)} (seed 7)`,
    );
    expect(readyLine).toContain(`on ${residentPort}`);
    expect(resident.stdout).not.toContain(card.fields.idNumber!);
  });

  it.each([
    [['idcard', 'emulate'], /--link <path> is required/],
    [
      ['idcard', 'emulate', '--link', join(dir, 'x'), '--type', 'Q'],
      /--type must be one of resident, J, I, Y/,
    ],
  ])(
    'hcard %j is a usage error',
    async (args, message) => {
      const result = await runHcard(args);
      expect(result.code).toBe(2);
      expect(oneErrorLine(result)).toMatch(message);
    },
    SLOW,
  );

  it(
    'refuses a --link that is an ordinary file',
    async () => {
      const file = join(dir, 'ordinary');
      writeFileSync(file, 'keep me');
      const result = await runHcard(['idcard', 'emulate', '--link', file]);
      expect(result.code).toBe(2);
      expect(oneErrorLine(result)).toMatch(/exists and is not a pty link/);
    },
    SLOW,
  );
});

describe('hcard idcard read', () => {
  it(
    'prints the card in full, as the desk shows it',
    async () => {
      const card = generateIdCard(7);
      const result = await runHcard(['idcard', 'read', '--port', residentPort]);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toMatch(
        new RegExp(`^read from ${residentPort} in [\\d.]+ ms\\n\\n居民身份证\\n`),
      );
      for (const value of [
        card.fields.name!,
        card.fields.idNumber!,
        card.fields.address!,
        card.fields.issuer!,
      ]) {
        expect(result.stdout).toContain(value);
      }
      expect(result.stdout).toContain('photo: WLT, 1024 bytes, not decoded');
      await placeAgain(resident);
    },
    SLOW,
  );

  it(
    '--json gives every field and the photo bytes as hex',
    async () => {
      const card = generateIdCard(7);
      const result = await runHcard(['idcard', 'read', '--port', residentPort, '--json']);
      expect(result.code, result.stderr).toBe(0);
      const json = JSON.parse(result.stdout);
      expect(json.read.port).toBe(residentPort);
      expect(json.text).toMatchObject({
        type: 'resident',
        name: card.fields.name,
        idNumber: card.fields.idNumber,
        sex: { code: card.fields.sex },
        ethnicity: { code: card.fields.ethnicity },
        validTo: card.fields.validTo,
      });
      expect(json.photo).toEqual({
        format: 'wlt',
        bytes: toHex(card.photo),
        decoded: false,
        note: expect.stringContaining('no licensed WLT decoder'),
      });
      await placeAgain(resident);
    },
    SLOW,
  );

  it(
    'finds the only port when --port is omitted, and says what it found when it cannot choose',
    async () => {
      const alone = await runHcard(['idcard', 'read', '--json'], {
        env: { HCARD_IDCARD_PORTS: residentPort },
      });
      expect(alone.code, alone.stderr).toBe(0);
      expect(JSON.parse(alone.stdout).read.port).toBe(residentPort);
      await placeAgain(resident);

      const none = await runHcard(['idcard', 'read'], { env: { HCARD_IDCARD_PORTS: join(dir, 'missing') } });
      expect(none.code).toBe(66);
      expect(oneErrorLine(none)).toMatch(/^hcard: HCARD_E_IDCARD_READER_NOT_FOUND: /);

      const several = await runHcard(['idcard', 'read'], {
        env: { HCARD_IDCARD_PORTS: `${residentPort},${permitPort}` },
      });
      expect(several.code).toBe(2);
      expect(oneErrorLine(several)).toMatch(
        new RegExp(
          `^hcard: HCARD_E_IDCARD_READER_AMBIGUOUS: .*${residentPort}, ${permitPort} — Name the reader with --port\\.$`,
        ),
      );
    },
    SLOW,
  );

  it(
    'exits 66 with HCARD_E_NO_CARD when no card is on the reader',
    async () => {
      resident.send('remove');
      await resident.waitForLine(/^removed: /);
      const result = await runHcard(['idcard', 'read', '--port', residentPort]);
      expect(result.code).toBe(66);
      expect(result.stdout).toBe('');
      expect(oneErrorLine(result)).toMatch(/^hcard: HCARD_E_NO_CARD: .*find card → SW3 80/);
      await placeAgain(resident);
    },
    SLOW,
  );

  it(
    'fails with HCARD_E_IDCARD_PORT_FAILED on a port that is not there',
    async () => {
      const result = await runHcard(['idcard', 'read', '--port', join(dir, 'nothing-here')]);
      expect(result.code).toBe(74);
      expect(oneErrorLine(result)).toMatch(/^hcard: HCARD_E_IDCARD_PORT_FAILED: /);
    },
    SLOW,
  );

  it(
    'times out with HCARD_E_IDCARD_TIMEOUT when nothing answers on the port',
    async () => {
      // A pty pair whose other end nobody serves: a reader that is connected but silent.
      const silent = await startPtyPair();
      try {
        const result = await runHcard(['idcard', 'read', '--port', silent.a]);
        expect(result.code).toBe(74);
        expect(oneErrorLine(result)).toMatch(/^hcard: HCARD_E_IDCARD_TIMEOUT: .*no answer within 100 ms/);
      } finally {
        await silent.stop();
      }
    },
    SLOW,
  );
});

describe('hcard idcard watch', () => {
  it(
    'prints each card placed once, as JSON lines, and exits cleanly on SIGINT',
    async () => {
      const watch = startHcard(['idcard', 'watch', '--port', permitPort, '--json'], { timeoutMs: 120_000 });
      const cards = () =>
        watch
          .lines()
          .filter((l) => l.startsWith('{'))
          .map((l) => JSON.parse(l));
      try {
        permit.send('insert');
        await watch.waitForLine(/^\{/, 60_000);
        // Another person's card: printed as soon as it is read.
        permit.send('next');
        await watch.waitForLine(() => cards().length >= 2, 30_000);
        // It stays on the reader: not printed again. Taken off and placed again: printed again.
        await sleep(1000);
        expect(cards()).toHaveLength(2);
        permit.send('remove');
        await sleep(1000);
        permit.send('insert');
        await watch.waitForLine(() => cards().length >= 3, 30_000);
        const j3 = generateIdCard(3, { kind: 'J' }).fields.idNumber;
        const j4 = generateIdCard(4, { kind: 'J' }).fields.idNumber;
        expect(cards().map((c) => [c.text.type, c.text.idNumber, c.port])).toEqual([
          ['hmt-residence-permit', j3, permitPort],
          ['hmt-residence-permit', j4, permitPort],
          ['hmt-residence-permit', j4, permitPort],
        ]);
        expect(cards()[0].photo).toMatchObject({ format: 'wlt', decoded: false });
      } finally {
        const result = await watch.stop('SIGINT');
        expect(result.code, result.stderr).toBe(0);
        expect(result.stderr).toBe('');
      }
    },
    SLOW,
  );
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
