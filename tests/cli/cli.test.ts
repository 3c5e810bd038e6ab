/**
 * The `hcard` executable, run as a child process, without pcscd. PC/SC is pointed at a socket
 * that does not exist (PCSCLITE_CSOCK_NAME), so these tests see "no service" even while the
 * pcsc test project runs a pcscd next to them.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ERROR_CATALOGUE, toHex } from '@hcard/card-core';
import {
  chipApplications,
  generateCard,
  generateChip,
  loadEmulatedChip,
  validateCardImage,
} from '@hcard/emulator';
import { afterAll, describe, expect, it } from 'vitest';
import { type CliResult, runHcard } from '../support/cli-process.js';

// A PSAM PIN is set: `hcard read` checks it before it looks for PC/SC.
const NO_PCSC = {
  env: { PCSCLITE_CSOCK_NAME: '/nonexistent/hcard-test/pcscd.comm', HCARD_PSAM_PIN: '123456' },
};
const dir = mkdtempSync(join(tmpdir(), 'hcard-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A failure's stderr: exactly one line, no stack trace. Returns that line. */
function oneErrorLine(result: CliResult): string {
  const lines = result.stderr.split('\n').filter((l) => l !== '');
  expect(lines, result.stderr).toHaveLength(1);
  expect(result.stderr).not.toMatch(/^\s+at /m);
  return lines[0]!;
}

const COMMAND_OPTIONS: Record<string, readonly string[]> = {
  readers: ['--json'],
  read: ['--reader', '--psam-reader', '--sections', '--photo', '--all', '--json', '--config'],
  watch: ['--json'],
  emulate: ['--card', '--blank', '--seed', '--port', '--psam-port', '--no-psam', '--psam-pin'],
  'card new': ['--seed', '--out'],
  demo: ['--seed', '--json', '--in-process', '--all'],
};

describe('help and usage errors', () => {
  it('lists every command in hcard --help', async () => {
    const result = await runHcard(['--help']);
    expect(result.code).toBe(0);
    for (const name of Object.keys(COMMAND_OPTIONS))
      expect(result.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
  });

  it.each(Object.entries(COMMAND_OPTIONS))('hcard %s --help names its options', async (name, options) => {
    const result = await runHcard([...name.split(' '), '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Usage: hcard ${name} [options]`);
    for (const option of [...options, '--help']) expect(result.stdout).toMatch(new RegExp(`${option}\\b`));
    expect(result.stderr).toBe('');
  });

  it('prints the version', async () => {
    const pkg = JSON.parse(readFileSync(new URL('../../packages/cli/package.json', import.meta.url), 'utf8'));
    const result = await runHcard(['--version']);
    expect([result.code, result.stdout.trim()]).toEqual([0, pkg.version]);
  });

  it.each([
    [['frobnicate'], /unknown command "frobnicate" \(see hcard --help\)$/],
    [['--frobnicate'], /unknown option --frobnicate \(see hcard --help\)$/],
    [['card', 'old'], /unknown command "card old" \(see hcard card --help\)$/],
    [['read', '--frobnicate'], /unknown option --frobnicate \(see hcard read --help\)$/],
    [['demo', '--seed'], /option '--seed <value>' argument missing \(see hcard demo --help\)$/],
    [['readers', 'extra'], /unexpected argument "extra" \(see hcard readers --help\)$/],
    [['read', '--sections', 'basic,nope'], /unknown section "nope" in --sections/],
    [['emulate'], /--card <file> or --blank is required/],
    [['emulate', '--card', 'x.json', '--blank'], /--card and --blank exclude each other/],
    [['emulate', '--card', 'x.json', '--seed', '3'], /--seed needs --blank/],
    [['emulate', '--card', 'x.json', '--port', '99999'], /--port must be a TCP port/],
    [['emulate', '--card', 'x.json', '--no-psam', '--psam-port', '1'], /exclude each other/],
  ])('hcard %j is a usage error: one line, exit 2', async (args, message) => {
    const result = await runHcard(args, NO_PCSC);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const line = oneErrorLine(result);
    expect(line).toMatch(/^hcard: HCARD_E_ARG_INVALID: /);
    expect(line).toMatch(message);
  });
});

describe('card new', () => {
  it('writes a valid image, the same for the same seed, and logs who it is, masked', async () => {
    const first = await runHcard(['card', 'new', '--seed', '7']);
    const second = await runHcard(['card', 'new', '--seed', '7']);
    expect(first.code).toBe(0);
    const image = JSON.parse(first.stdout);
    // By default the three-in-one chip: health, social security and bank of one resident.
    expect(image).toEqual(generateChip(7).image);
    expect(chipApplications(image)).toEqual(['health', 'ssse', 'bank']);
    expect(loadEmulatedChip(image).applicationNames).toEqual(['health', 'ssse', 'bank']);
    expect(second.stdout).toBe(first.stdout);
    const built = generateCard(7);
    expect(image.health).toEqual(built.image);

    const { name, idNumber } = built.items as { name: string; idNumber: string };
    const log = oneErrorLine(first);
    expect(log).toContain(
      `generated ${Array.from(name)[0]}* (ID ${idNumber.slice(0, 4)}${'*'.repeat(10)}${idNumber.slice(-4)}`,
    );
    expect(log).toContain('from seed 7');
    expect(log).not.toContain(name);
    expect(log).not.toContain(idNumber);
  });

  it('writes the image to --out, and a different resident for another seed; --apps health a plain health-card image', async () => {
    const file = join(dir, 'card-8.json');
    const result = await runHcard(['card', 'new', '--seed', '8', '--apps', 'health', '--out', file]);
    expect([result.code, result.stdout]).toEqual([0, '']);
    expect(result.stderr).toContain(`→ ${file}`);
    const image = JSON.parse(readFileSync(file, 'utf8'));
    expect(image).toEqual(generateCard(8).image);
    expect(() => validateCardImage(image)).not.toThrow();
    expect(image.atr).not.toBe(generateCard(7).image.atr);
  });

  it('writes the applications --apps names, and refuses unknown ones', async () => {
    const two = await runHcard(['card', 'new', '--seed', '9', '--apps', 'bank,ssse']);
    expect(two.code).toBe(0);
    expect(chipApplications(JSON.parse(two.stdout))).toEqual(['ssse', 'bank']);
    const bad = await runHcard(['card', 'new', '--apps', 'health,pension']);
    expect(bad.code).toBe(ERROR_CATALOGUE.HCARD_E_ARG_INVALID.exit);
    expect(oneErrorLine(bad)).toContain('--apps takes health, ssse, bank (comma-separated), not pension');
  }, 30_000);
});

describe('emulate with a bad image', () => {
  it.each([
    ['an invalid image', JSON.stringify({ format: 'hcard-card-image/1', profile: 'nope' }), /profile nope/],
    ['a file that is not JSON', 'this is not json', /is not JSON/],
  ])('rejects %s with HCARD_E_IMAGE_INVALID and its exit code', async (_what, contents, detail) => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, contents);
    const result = await runHcard(['emulate', '--card', file], NO_PCSC);
    expect(result.code).toBe(ERROR_CATALOGUE.HCARD_E_IMAGE_INVALID.exit);
    const line = oneErrorLine(result);
    expect(line).toMatch(/^hcard: HCARD_E_IMAGE_INVALID: Invalid card image: /);
    expect(line).toMatch(detail);
    expect(result.stdout).toBe('');
  });

  it('names a card image that cannot be read', async () => {
    const result = await runHcard(['emulate', '--card', join(dir, 'missing.json')], NO_PCSC);
    expect(result.code).toBe(2);
    expect(oneErrorLine(result)).toMatch(/cannot read the card image .*missing\.json \(ENOENT\)/);
  });
});

describe('demo without pcscd', () => {
  it('--in-process --json prints the card read in-process', async () => {
    const result = await runHcard(['demo', '--in-process', '--json', '--seed', '5']);
    expect(result.code, result.stderr).toBe(0);
    const out = JSON.parse(result.stdout);
    const built = generateCard(5);
    expect(out.items.name).toBe(built.items.name);
    expect(out.items).toEqual(built.items);
    expect(out.photo).toBe(toHex(built.resident.photo));
    expect(out.read).toMatchObject({ path: 'in-process', reason: '--in-process was given' });
    expect(out.read.apdus).toBeGreaterThan(50);
    expect(out.seed).toBe(5);
  });

  it('says it read in-process because the PC/SC service is not running', async () => {
    const result = await runHcard(['demo', '--seed', '3'], NO_PCSC);
    expect(result.code, result.stderr).toBe(0);
    const built = generateCard(3);
    const [path, counts] = result.stdout.split('\n');
    expect(path).toBe('read in-process: the PC/SC service is not running');
    expect(counts).toMatch(/^\d+ APDUs in \d+\.\d ms; synthetic resident from seed 3$/);
    // The registration view shows the values in full.
    expect(result.stdout).toMatch(new RegExp(`姓名\\s+${built.items.name}`));
    expect(result.stdout).toContain(built.items.idNumber);
    expect(result.stderr).toBe('');
  });
});

describe('PC/SC commands without the service', () => {
  it.each([[['readers']], [['read']], [['read', '--json', '--sections', 'basic']], [['watch']]])(
    'hcard %j prints HCARD_E_PCSC_NO_SERVICE with its hint and exits with its code',
    async (args) => {
      const result = await runHcard(args, NO_PCSC);
      expect(result.code).toBe(ERROR_CATALOGUE.HCARD_E_PCSC_NO_SERVICE.exit);
      expect(oneErrorLine(result)).toBe(
        'hcard: HCARD_E_PCSC_NO_SERVICE: The PC/SC service is not running: PC/SC service: SCARD_E_NO_SERVICE' +
          ` — ${ERROR_CATALOGUE.HCARD_E_PCSC_NO_SERVICE.hint}`,
      );
      expect(result.stdout).toBe('');
    },
  );
});
