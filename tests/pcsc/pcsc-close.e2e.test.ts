/**
 * Closing the PC/SC driver ends, and the process with it. node-pcsclite's status threads wait in
 * SCardGetStatusChange; close() cancels that wait and joins them. patches/pcsclite@1.0.1.patch
 * mends two races there, and a shim (tests/support/pcsc-late-wait.c, LD_PRELOAD) makes `hcard read`
 * on an empty reader lose both every time:
 * - A SCardCancel sent while a thread is between two calls reaches no call. close() gave up after
 *   five tries in 50 ms, the thread then waited for ever (an empty reader never changes), and
 *   close() with it. The patch cancels until the thread answers or ends. Without it every run
 *   under the shim hangs.
 * - When close() ran between a reader thread's last event and its loop test, the thread ended
 *   without telling the main thread to close its event handle, and that open handle kept the
 *   process alive for ever (seen with gdb: the one active handle was the reader's). The patch
 *   sends that last message. The shim also pauses a status thread right after it has sent an
 *   event; without the patch every run then hangs.
 * The same patch releases the binding's own context when it is done with, not when collected,
 * and after its last use: a second shim (tests/support/pcsc-count-free.c) counts the frees that
 * pcsc-lite refused.
 */
import { execFile, execFileSync } from 'node:child_process';
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
const COUNT_FREE_SOURCE = fileURLToPath(new URL('../support/pcsc-count-free.c', import.meta.url));
/** Runs at once: the shim makes each run lose both races, so a few are plenty. */
const RUNS = 3;
const DRIVER_CYCLES = fileURLToPath(new URL('../support/driver-cycles.ts', import.meta.url));

describe.skipIf(unavailable).sequential('closing the PC/SC driver', () => {
  const rig = new PcscRig({ replaceForeignDaemon: Boolean(process.env.CI) });
  const dir = mkdtempSync(join(tmpdir(), 'hcard-late-wait-'));
  const shim = join(dir, 'late-wait.so');
  const countFree = join(dir, 'count-free.so');

  beforeAll(async () => {
    const compile = (source: string, out: string) =>
      execFileSync('cc', ['-shared', '-fPIC', '-I/usr/include/PCSC', '-o', out, source, '-ldl']);
    compile(SHIM_SOURCE, shim);
    compile(COUNT_FREE_SOURCE, countFree);
    await rig.start();
  }, 20_000);

  afterAll(async () => {
    await rig.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('hcard read on an empty reader says so and exits, with both races lost every time', async () => {
    // A hung run is killed at 20 s and shows as a signal (the slowest of three in CI took 8.2 s).
    const runs = await Promise.all(
      Array.from({ length: RUNS }, () =>
        runHcard(['read'], {
          env: { LD_PRELOAD: shim, HCARD_PSAM_PIN: TEST_PSAM_PIN, XDG_CONFIG_HOME: dir },
          timeoutMs: 20_000,
        }),
      ),
    );
    const failed = runs.filter((r) => r.signal !== null || r.code !== ERROR_CATALOGUE.HCARD_E_NO_CARD.exit);
    expect(failed, JSON.stringify(failed)).toEqual([]);
    for (const r of runs) expect(r.stderr).toMatch(/^hcard: HCARD_E_NO_CARD: /);
  }, 40_000);

  it('lets one process open and close more drivers than pcscd has client slots (200)', async () => {
    // Each context holds one of pcscd's client slots until it is released; the binding released
    // a context only when it was garbage-collected, and pcscd answered no one after about 200.
    // Released too early, pcsc-lite refuses to free the reader list through it (a leak).
    const out = await new Promise<{ error: Error | null; stdout: string; stderr: string }>((resolve) =>
      execFile(
        process.execPath,
        ['--import', 'tsx', DRIVER_CYCLES, '250'],
        { timeout: 30_000, killSignal: 'SIGKILL', env: { ...process.env, LD_PRELOAD: countFree } },
        (error, stdout, stderr) => resolve({ error, stdout, stderr }),
      ),
    );
    expect(out.error, out.stderr).toBeNull();
    expect(out.stdout.trim()).toBe('closed 250 drivers');
    const [, calls, refused] = /SCardFreeMemory: (\d+) calls, (\d+) refused/.exec(out.stderr) ?? [];
    expect(Number(calls), out.stderr).toBeGreaterThanOrEqual(250);
    expect(Number(refused), out.stderr).toBe(0);
  }, 40_000);
});
