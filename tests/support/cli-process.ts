/**
 * For tests: runs the real `hcard` executable (bin/hcard.js, which loads the sources through
 * tsx) as a child process, always asynchronously, so that an emulated card served by the test
 * process itself can answer while the CLI waits.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const HCARD_BIN = fileURLToPath(new URL('../../packages/cli/bin/hcard.js', import.meta.url));

export interface CliOptions {
  /** Added to the test process's environment. */
  readonly env?: Readonly<Record<string, string>>;
  /** Killed (SIGKILL) after this long; default 20 s. */
  readonly timeoutMs?: number;
}

export interface CliResult {
  /** Exit code, or null when a signal ended the process. */
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** A running `hcard`: its output so far, a way to wait for a line, stdin, and stopping it. */
export class HcardProcess {
  readonly child: ChildProcess;
  stdout = '';
  stderr = '';
  readonly exited: Promise<CliResult>;
  #listeners = new Set<() => void>();

  constructor(args: readonly string[], options: CliOptions = {}) {
    this.child = spawn(process.execPath, [HCARD_BIN, ...args], {
      env: { ...process.env, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      this.stdout += chunk;
      for (const notify of this.#listeners) notify();
    });
    this.child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      this.stderr += chunk;
    });
    // Writing to a child that has already exited must not crash the test process.
    this.child.stdin!.on('error', () => undefined);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), options.timeoutMs ?? 20_000);
    this.exited = new Promise((resolve) => {
      this.child.on('close', (code, signal) => {
        clearTimeout(timer);
        for (const notify of this.#listeners) notify();
        resolve({ code, signal, stdout: this.stdout, stderr: this.stderr });
      });
    });
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Complete stdout lines so far. */
  lines(): string[] {
    const lines = this.stdout.split('\n');
    lines.pop();
    return lines;
  }

  /** Waits for a stdout line that matches; fails with the output so far if none comes in `ms`. */
  waitForLine(match: RegExp | ((line: string) => boolean), ms = 10_000): Promise<string> {
    const test = typeof match === 'function' ? match : (line: string) => match.test(line);
    return new Promise((resolve, reject) => {
      const check = () => {
        const line = this.lines().find(test);
        if (line !== undefined) done(() => resolve(line));
        else if (!this.running) done(() => reject(this.#failure(`exited before printing ${String(match)}`)));
      };
      const timer = setTimeout(() => done(() => reject(this.#failure(`no line ${String(match)}`))), ms);
      const done = (settle: () => void) => {
        clearTimeout(timer);
        this.#listeners.delete(check);
        settle();
      };
      this.#listeners.add(check);
      check();
    });
  }

  /** Writes one line to the process's stdin. */
  send(line: string): void {
    this.child.stdin!.write(`${line}\n`);
  }

  /** Sends `signal` and waits for the exit; SIGKILL if it has not exited after `ms`. */
  async stop(signal: NodeJS.Signals = 'SIGTERM', ms = 5000): Promise<CliResult> {
    if (this.running) this.child.kill(signal);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), ms);
    try {
      return await this.exited;
    } finally {
      clearTimeout(timer);
    }
  }

  #failure(what: string): Error {
    return new Error(`hcard ${what}\n--- stdout:\n${this.stdout}\n--- stderr:\n${this.stderr}`);
  }
}

/** Starts `hcard …` and returns at once (for long-running commands: watch, emulate). */
export function startHcard(args: readonly string[], options: CliOptions = {}): HcardProcess {
  return new HcardProcess(args, options);
}

/** Runs `hcard …` to its end, with stdin closed. */
export function runHcard(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  const cli = new HcardProcess(args, options);
  cli.child.stdin!.end();
  return cli.exited;
}
