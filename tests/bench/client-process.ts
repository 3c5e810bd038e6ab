/** Forks the benchmarks' HIS process (gateway-client.ts) and talks to it one job at a time. */
import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ClientJob } from './gateway-client.js';

export interface ClientProcess {
  readonly child: ChildProcess;
  /** Settles once the process is ready for jobs. */
  readonly ready: Promise<unknown>;
  /** Sends one job and resolves with its answer. */
  run<T>(job: ClientJob): Promise<T>;
  /** Asks the process to quit and waits (at most 5 s) before killing it. */
  stop(): Promise<void>;
}

export function startClient(): ClientProcess {
  const here = fileURLToPath(new URL('.', import.meta.url));
  const child = fork(join(here, 'gateway-client.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: 'inherit',
  });
  let pending: ((m: { ok: boolean; value?: unknown; error?: string }) => void) | undefined;
  child.on('message', (m: { ok: boolean; value?: unknown; error?: string }) => pending?.(m));
  const answer = () =>
    new Promise<unknown>((resolve, reject) => {
      pending = (m) => (m.ok ? resolve(m.value) : reject(new Error(`client: ${m.error}`)));
    });
  const ready = answer();
  return {
    child,
    ready,
    run: <T>(job: ClientJob) => {
      const a = answer() as Promise<T>;
      child.send(job);
      return a;
    },
    stop: async () => {
      if (child.connected) child.send({ job: 'quit' } satisfies ClientJob);
      await Promise.race([
        new Promise((r) => child.once('exit', r)),
        new Promise((r) => setTimeout(r, 5000)),
      ]);
      if (child.exitCode === null) child.kill();
    },
  };
}
