/**
 * The README's curl walkthrough, run as written (the shell block under "Walkthrough with
 * curl"): `hcard emulate` serves a synthetic card through pcscd + vpcd, `hcard gateway` starts
 * with no flags on port 7130 (creating its config), a token is created while it runs, and curl
 * reads the card. The config directory is a temporary one; everything started is stopped.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCard } from '@hcard/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PcscRig, pcscUnavailable } from '../support/pcsc-rig.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function walkthrough(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### Walkthrough with curl'));
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block) throw new Error('README has no walkthrough block');
  return block;
}

describe.skipIf(pcscUnavailable()).sequential('the README walkthrough', () => {
  const rig = new PcscRig();
  const home = mkdtempSync(join(tmpdir(), 'hcard-walkthrough-'));

  beforeAll(() => rig.start(), 20_000);
  afterAll(async () => {
    await rig.stop();
    rmSync(home, { recursive: true, force: true });
  });

  it('serves /v1/health from a gateway started with no flags and reads the emulated card with curl', async () => {
    const script = walkthrough();
    expect(script).toMatch(/\$hcard gateway >/); // started with no flags
    const { stdout, stderr, code } = await new Promise<{ stdout: string; stderr: string; code: number }>(
      (resolve) => {
        execFile(
          'bash',
          ['-c', `set -e\ntrap 'kill $(jobs -p) 2>/dev/null; exit 1' TERM\n${script}\nwait`],
          { cwd: ROOT, env: { ...process.env, XDG_CONFIG_HOME: home, HCARD_PSAM_PIN: '' }, timeout: 90_000 },
          (error, out, err) =>
            resolve({ stdout: out, stderr: err, code: error ? Number(error.code ?? 1) : 0 }),
        );
      },
    );
    expect(code, stderr).toBe(0);
    const lines = stdout.split('\n').filter((l) => l.startsWith('{'));
    const [health, readers, card, insurance] = lines.map((l) => JSON.parse(l));
    expect(health).toEqual({ status: 'ok', version: expect.any(String) });
    expect(readers.readers).toContainEqual(
      expect.objectContaining({ name: 'Virtual PCD 00 00', cardPresent: true, psam: 'Virtual PCD 00 01' }),
    );
    const built = generateCard(7);
    expect(card.card.holder).toMatchObject({ name: built.items.name, idNumber: built.items.idNumber });
    expect(card.card.insurance.ruralInsuranceNumber).toBe(built.items.ruralInsuranceNumber);
    // Read ahead when the gateway saw the card (the config's default "readAhead"), before curl asked.
    expect(card.cached).toBe(true);
    expect(insurance.lookup).toMatchObject({ certno: built.items.idNumber, psn_name: built.items.name });
    // The registration read too ("applications" in the default "readAhead").
    expect(insurance.cached).toBe(true);
    // The first start created the config, readable by its owner only, holding the token's hash only.
    const config = join(home, 'hcard', 'gateway.json');
    expect(statSync(config).mode & 0o777).toBe(0o600);
    const gatewayLog = readFileSync('/tmp/gateway.log', 'utf8');
    expect(gatewayLog).toContain('listening on http://127.0.0.1:7130');
    // Its request log goes there too (2>&1), and the holder's name and ID number do not.
    expect(gatewayLog).toContain('"msg":"request completed"');
    expect(gatewayLog).not.toContain(built.items.idNumber);
    expect(gatewayLog).not.toContain(built.items.name);
    // pcscd ran, so no start-up notice that it does not.
    expect(gatewayLog).not.toContain('HCARD_E_PCSC_NO_SERVICE');
    expect(readFileSync(config, 'utf8')).not.toMatch(/hcard_[A-Za-z0-9_-]{20,}/);
    expect(JSON.parse(readFileSync(config, 'utf8')).readAhead).toEqual([
      'issuer',
      'holder',
      'insurance',
      'photo',
      'applications',
    ]);
  }, 120_000);
});
