/**
 * `hcard gateway` and `hcard gateway token …` as a user runs them (child processes), without
 * PC/SC (the gateway serves anyway and says so per request): the config created on first start
 * (0600), tokens created and revoked while it runs taking effect at once, a bad config refused
 * in one line, --help for the group.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ERROR_CATALOGUE } from '@hcard/card-core';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { type HcardProcess, runHcard, startHcard } from '../support/cli-process.js';

const dir = mkdtempSync(join(tmpdir(), 'hcard-gateway-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const NO_PCSC = { PCSCLITE_CSOCK_NAME: '/nonexistent/hcard-test/pcscd.comm', HCARD_PSAM_PIN: '' };

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

const children: HcardProcess[] = [];
afterEach(async () => {
  await Promise.all(children.splice(0).map((c) => c.stop('SIGTERM')));
});

describe('hcard gateway', () => {
  it('creates its config on first start (0600), serves /v1/health, and honours tokens created and revoked while it runs', async () => {
    const config = join(dir, 'first', 'gateway.json');
    const port = await freePort();
    const gateway = startHcard(['gateway', '--port', String(port), '--config', config], { env: NO_PCSC });
    children.push(gateway);
    await gateway.waitForLine(/^hcard gateway listening on /, 20_000);
    expect(gateway.lines()[0]).toBe(`created ${config} with safe defaults (mode 0600)`);
    expect(gateway.lines()[1]).toMatch(
      new RegExp(
        `^hcard gateway listening on http://127\\.0\\.0\\.1:${port}( and http://\\[::1\\]:${port})? `,
      ),
    );
    expect(statSync(config).mode & 0o777).toBe(0o600);
    // No PC/SC here: it says so at start, and serves anyway.
    await vi.waitFor(() =>
      expect(gateway.stderr).toMatch(
        /^hcard: HCARD_E_PCSC_NO_SERVICE: .* The gateway serves readers as soon as PC\/SC answers\.$/m,
      ),
    );

    const base = `http://127.0.0.1:${port}`;
    const health = await fetch(`${base}/v1/health`);
    expect(await health.json()).toEqual({ status: 'ok', version: expect.any(String) });

    const readers = (token?: string) =>
      fetch(`${base}/v1/readers`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
    expect((await readers()).status).toBe(401);

    const created = await runHcard([
      'gateway',
      'token',
      'create',
      '--client',
      'his',
      '--scopes',
      'read:basic',
      '--config',
      config,
    ]);
    expect(created.code, created.stderr).toBe(0);
    const token = created.stdout.trim();
    expect(token).toMatch(/^hcard_[A-Za-z0-9_-]{43}$/);
    expect(created.stderr).toMatch(
      /^token [0-9a-f]{12} for client "his" \(read:basic\) stored as a hash in /,
    );
    expect(readFileSync(config, 'utf8')).not.toContain(token);

    // Accepted at once by the running gateway: not 401 (503: no PC/SC here).
    const accepted = await readers(token);
    expect(accepted.status).toBe(503);
    expect(((await accepted.json()) as { error: { code: string } }).error.code).toBe(
      'HCARD_E_PCSC_NO_SERVICE',
    );

    const list = await runHcard(['gateway', 'token', 'list', '--json', '--config', config]);
    const entry = (JSON.parse(list.stdout) as { id: string }[])[0]!;
    expect(entry).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{12}$/),
      client: 'his',
      scopes: ['read:basic'],
      created: expect.any(String),
    });
    expect(list.stdout).not.toContain(token);

    const revoked = await runHcard(['gateway', 'token', 'revoke', '--client', 'his', '--config', config]);
    expect(revoked.stdout).toBe(`revoked ${entry.id} (his)\n`);
    expect((await readers(token)).status).toBe(401);

    const stopped = await gateway.stop('SIGTERM');
    expect(stopped.code).toBe(0);
    expect(stopped.stdout).toMatch(/^stopped \(SIGTERM\)$/m);
  }, 60_000);

  it('refuses a bad config in one line with HCARD_E_CONFIG_INVALID naming the field, and never starts', async () => {
    const config = join(dir, 'bad.json');
    writeFileSync(
      config,
      JSON.stringify({ port: 7130, readers: [{ reader: 'X 00 00', psam: 'X 00 01', psamPin: '12a' }] }),
    );
    const result = await runHcard(['gateway', '--config', config], { env: NO_PCSC });
    expect(result.code).toBe(ERROR_CATALOGUE.HCARD_E_CONFIG_INVALID.exit);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^hcard: HCARD_E_CONFIG_INVALID: Invalid configuration: .*bad\.json: readers\.0\.psamPin /,
    );
    expect(result.stderr).not.toContain('12a');
  });

  it('names a port already in use', async () => {
    const busy = createServer();
    await new Promise<void>((r) => busy.listen(0, '127.0.0.1', r));
    const { port } = busy.address() as { port: number };
    try {
      const result = await runHcard(['gateway', '--port', String(port), '--config', join(dir, 'busy.json')], {
        env: NO_PCSC,
      });
      expect(result.code).toBe(ERROR_CATALOGUE.HCARD_E_LISTEN_FAILED.exit);
      expect(result.stderr).toMatch(
        new RegExp(`^hcard: HCARD_E_LISTEN_FAILED: .*127\\.0\\.0\\.1:${port} \\(EADDRINUSE\\)`),
      );
    } finally {
      await new Promise((r) => busy.close(r));
    }
  });

  it('token create refuses unknown scopes and a missing client; revoke names what it did not find', async () => {
    const config = join(dir, 'tokens.json');
    const bad = await runHcard([
      'gateway',
      'token',
      'create',
      '--client',
      'x',
      '--scopes',
      'read:everything',
      '--config',
      config,
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(
      /unknown scope "read:everything"; scopes: read:basic, read:clinical, write:encounters, settle/,
    );
    const noClient = await runHcard(['gateway', 'token', 'create', '--scopes', 'settle', '--config', config]);
    expect(noClient.stderr).toMatch(/--client is required/);
    await runHcard([
      'gateway',
      'token',
      'create',
      '--client',
      'desk',
      '--scopes',
      'read:basic',
      '--config',
      config,
    ]);
    const none = await runHcard(['gateway', 'token', 'revoke', '--id', '000000000000', '--config', config]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/no token with id "000000000000"/);
  });

  it('lists the token subcommands in hcard gateway token --help', async () => {
    const result = await runHcard(['gateway', 'token', '--help']);
    expect(result.code).toBe(0);
    for (const sub of ['create', 'list', 'revoke'])
      expect(result.stdout).toMatch(new RegExp(`^  gateway token ${sub} +`, 'm'));
  });
});
