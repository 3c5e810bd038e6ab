/**
 * A connected pair of pseudo-terminals made by socat
 * (`socat -d -d pty,raw,echo=0,link=A pty,raw,echo=0,link=B`): bytes written to one end come
 * out of the other, and each end is a serial port to whoever opens it. The emulated ID-card
 * reader opens one end, the driver the other (shared/testing/virtual-pcsc.md).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hcardError } from '@hcard/card-core';

export interface PtyPair {
  /** Link to the first end (the driver's, by convention). */
  readonly a: string;
  /** Link to the second end (the emulated device's). */
  readonly b: string;
  /** Stops socat (it removes the links) and the temporary directory, if one was made. */
  stop(): Promise<void>;
}

export interface PtyPairOptions {
  /** Where to link the ends; default: a new directory under the system's temp dir. */
  readonly linkA?: string;
  readonly linkB?: string;
  /** How long socat may take to make the pair; default 5 s. */
  readonly timeoutMs?: number;
}

export async function startPtyPair(options: PtyPairOptions = {}): Promise<PtyPair> {
  const dir = options.linkA && options.linkB ? undefined : mkdtempSync(join(tmpdir(), 'hcard-pty-'));
  const a = options.linkA ?? join(dir!, 'ttyA');
  const b = options.linkB ?? join(dir!, 'ttyB');
  const cleanDir = () => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  };
  let child: ChildProcess;
  try {
    child = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
  } catch (e) {
    cleanDir();
    throw ptyFailed(`socat cannot be started (${(e as Error).message})`, e);
  }
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  try {
    await waitUntilReady(child, [a, b], options.timeoutMs ?? 5000);
  } catch (e) {
    child.kill('SIGKILL');
    await exited;
    cleanDir();
    throw e;
  }
  let stopping: Promise<void> | undefined;
  return {
    a,
    b,
    stop: () => {
      stopping ??= (async () => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
        await exited;
        cleanDir();
      })();
      return stopping;
    },
  };
}

/** socat logs "starting data transfer loop" once both ptys exist (with -d -d). */
function waitUntilReady(child: ChildProcess, links: readonly string[], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let log = '';
    const timer = setTimeout(
      () => finish(ptyFailed(`socat did not make the pair within ${timeoutMs} ms`)),
      timeoutMs,
    );
    const finish = (error?: Error) => {
      clearTimeout(timer);
      child.stderr!.removeListener('data', onData);
      child.removeListener('error', onError);
      child.removeListener('close', onClose);
      // Keep draining socat's log so that it never blocks on a full pipe.
      child.stderr!.resume();
      if (error) reject(error);
      else resolve();
    };
    const onData = (chunk: Buffer) => {
      log += chunk.toString('utf8');
      if (log.includes('starting data transfer loop') && links.every((l) => existsSync(l))) finish();
    };
    const onError = (e: NodeJS.ErrnoException) =>
      finish(ptyFailed(e.code === 'ENOENT' ? 'socat is not installed' : `socat failed (${e.message})`, e));
    const onClose = () => finish(ptyFailed(`socat exited: ${lastLine(log)}`));
    child.stderr!.on('data', onData);
    child.on('error', onError);
    child.on('close', onClose);
  });
}

const lastLine = (log: string): string =>
  log
    .trim()
    .split('\n')
    .filter((l) => / [EW] /.test(l))
    .pop()
    ?.replace(/^.*? [EW] /, '') ?? 'no message';

function ptyFailed(detail: string, cause?: unknown) {
  return hcardError('HCARD_E_IDCARD_PTY_FAILED', detail, {}, cause);
}
