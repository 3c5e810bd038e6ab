/** The gateway benchmarks' config: loopback only, rate limits out of the way, one read:basic token. */
import { createHash } from 'node:crypto';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export const BENCH_TOKEN = `hcard_${'b'.repeat(43)}`;
/** The seed of the emulated card the latency parts read without pcscd, in either process. */
export const BENCH_CARD_SEED = 'benchmark';

/** Writes the config into a fresh temporary folder: its folder and file. */
export function writeBenchConfig(prefix: string): { dir: string; configFile: string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const configFile = join(dir, 'gateway.json');
  const token = {
    id: 'bbbb00000000',
    client: 'bench',
    scopes: ['read:basic'],
    sha256: createHash('sha256').update(BENCH_TOKEN).digest('hex'),
    created: new Date().toISOString(),
  };
  writeFileSync(
    configFile,
    JSON.stringify({ listen: ['127.0.0.1'], rateLimit: { max: 10_000_000 }, tokens: [token] }),
    { mode: 0o600 },
  );
  return { dir, configFile };
}

/**
 * Resolves once the gateway trusts the config file's times (file-change.ts): until then its
 * token store reads the file again in every turn of the event loop, which a desk's config,
 * written long before, never costs. The benchmarks wait for it before they measure.
 */
export async function configSettled(configFile: string): Promise<void> {
  // Imported here: the client process (the HIS) takes this file's constants, not the gateway.
  const { TIMESTAMP_TICK_MS } = await import('@hcard/gateway');
  const waitMs = statSync(configFile).ctimeMs + TIMESTAMP_TICK_MS - Date.now();
  if (waitMs >= 0) await sleep(waitMs + 10);
}
