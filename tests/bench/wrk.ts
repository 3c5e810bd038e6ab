/**
 * `wrk` (Debian's package) as the throughput benchmarks' load generator, in its own process:
 * one thread, keep-alive connections, a given number of seconds.
 */
import { execFile, execFileSync } from 'node:child_process';

export interface WrkRound {
  readonly seconds: number;
  readonly connections: number;
  readonly headers?: Record<string, string>;
}

/** One round against `url`: requests per second; rejects on any non-2xx answer. */
export function wrk(url: string, round: WrkRound): Promise<number> {
  const args = ['-t1', `-c${round.connections}`, `-d${round.seconds}s`];
  for (const [k, v] of Object.entries(round.headers ?? {})) args.push('-H', `${k}: ${v}`);
  // Asynchronously: the calling process is often the server being measured.
  return new Promise((resolve, reject) => {
    execFile('wrk', [...args, url], { encoding: 'utf8' }, (error, out) => {
      if (error) return reject(error);
      const bad = /Non-2xx or 3xx responses: (\d+)/.exec(out);
      if (bad) return reject(new Error(`wrk: ${bad[1]} failed requests against ${url}`));
      resolve(Number(/Requests\/sec:\s+([\d.]+)/.exec(out)![1]));
    });
  });
}

/** Whether `wrk` is installed. */
export const hasWrk = (() => {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' });
    return true;
  } catch (e) {
    // wrk prints its version and exits 1.
    return (e as { status?: number }).status === 1;
  }
})();
