/**
 * `hcard emulate --card FILE` with a malformed image: one error line naming the field,
 * HCARD_E_IMAGE_INVALID's exit code, no stack trace, nothing served. The commands are given a
 * vpcd port nobody listens on (and no PSAM), so that even an image wrongly accepted can never
 * reach a running pcscd.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ERROR_CATALOGUE } from '@hcard/card-core';
import { generateCard } from '@hcard/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHcard } from '../support/cli-process.js';

const NO_PCSC = { env: { PCSCLITE_CSOCK_NAME: '/nonexistent/hcard-test/pcscd.comm' }, timeoutMs: 15_000 };
const dir = mkdtempSync(join(tmpdir(), 'hcard-image-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A TCP port that was free a moment ago: nothing answers there. */
async function unusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

let port: number;
beforeAll(async () => {
  port = await unusedPort();
});

// biome-ignore lint/suspicious/noExplicitAny: the tests break an image on purpose
type Json = any;
const IMAGE = generateCard('cli-image-validation').image;

describe('hcard emulate --card with a malformed image', () => {
  it.each([
    ['a file entry that is not an object', (i: Json) => (i.files['DDF1/EF05'] = 3), 'files["DDF1/EF05"]'],
    ['a retry counter of -1', (i: Json) => (i.keys.RK_DDF1.remaining = -1), 'keys.RK_DDF1.remaining'],
    ['a retry counter of "x"', (i: Json) => (i.keys.UK_DF01.remaining = 'x'), 'keys.UK_DF01.remaining'],
    ['an empty ATR', (i: Json) => (i.atr = ''), 'atr'],
    ['a misspelt field', (i: Json) => (i.keyset = i.keySet), 'keyset'],
  ])('rejects %s in one line naming the field, exit 65', async (_what, change, field) => {
    const image = JSON.parse(JSON.stringify(IMAGE));
    change(image);
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(image));
    const result = await runHcard(['emulate', '--card', file, '--port', String(port), '--no-psam'], NO_PCSC);
    expect(result.code, result.stderr).toBe(ERROR_CATALOGUE.HCARD_E_IMAGE_INVALID.exit);
    expect(result.code).toBe(65);
    const lines = result.stderr.split('\n').filter((l) => l !== '');
    expect(lines, result.stderr).toHaveLength(1);
    expect(
      lines[0]!.startsWith(`hcard: HCARD_E_IMAGE_INVALID: Invalid card image: ${field} `),
      lines[0],
    ).toBe(true);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.stderr).not.toMatch(/bug|HCARD_E_INTERNAL/);
    expect(result.stdout).toBe('');
  });
});
