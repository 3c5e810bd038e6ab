/**
 * Closing the PC/SC driver ends even when a cancel is lost. node-pcsclite's status threads wait
 * in SCardGetStatusChange, and close() cancels that wait and joins them. A SCardCancel sent
 * while a thread is between two calls reaches no call; close() gave up after five such tries in
 * 50 ms, and the thread then waited for ever (an empty reader never changes), and close() with it:
 * `hcard read` on an empty reader never exited (seen once in CI). patches/pcsclite@1.0.1.patch
 * cancels until the thread answers or ends. A shim (tests/support/pcsc-late-wait.c, LD_PRELOAD)
 * starts every blocking wait 200 ms late, so the race is lost every time, not once in a while;
 * without the patch this test's `hcard read` is killed after 12 s.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ERROR_CATALOGUE } from '@hcard/card-core';
import { TEST_PSAM_PIN } from '@hcard/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHcard } from '../support/cli-process.js';
import { PcscRig, pcscUnavailable } from '../support/pcsc-rig.js';

const unavailable = pcscUnavailable();
const SHIM_SOURCE = fileURLToPath(new URL('../support/pcsc-late-wait.c', import.meta.url));

describe.skipIf(unavailable).sequential('closing the PC/SC driver when a cancel is lost', () => {
  const rig = new PcscRig({ replaceForeignDaemon: Boolean(process.env.CI) });
  const dir = mkdtempSync(join(tmpdir(), 'hcard-late-wait-'));
  const shim = join(dir, 'late-wait.so');

  beforeAll(async () => {
    execFileSync('cc', ['-shared', '-fPIC', '-I/usr/include/PCSC', '-o', shim, SHIM_SOURCE, '-ldl']);
    await rig.start();
  }, 20_000);

  afterAll(async () => {
    await rig.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('hcard read on an empty reader says so and exits, with every status wait starting late', async () => {
    const started = performance.now();
    const result = await runHcard(['read'], {
      env: { LD_PRELOAD: shim, HCARD_PSAM_PIN: TEST_PSAM_PIN, XDG_CONFIG_HOME: dir },
      timeoutMs: 12_000,
    });
    const ms = performance.now() - started;
    expect(result.signal, JSON.stringify(result)).toBeNull();
    expect(result.code, JSON.stringify(result)).toBe(ERROR_CATALOGUE.HCARD_E_NO_CARD.exit);
    expect(result.stderr).toMatch(/^hcard: HCARD_E_NO_CARD: /);
    // Three threads (the reader list and two readers), each cancelled once it is 200 ms late.
    expect(ms).toBeLessThan(8000);
  }, 20_000);
});
