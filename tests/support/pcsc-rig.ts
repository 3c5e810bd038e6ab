/**
 * Test rig for the real PC/SC stack (testing/virtual-pcsc.md): uses a running pcscd, or starts
 * one with vpcd readers when none runs; applies loopback quick-ACK when permitted (it only
 * changes speed, never results); connects emulated cards to vpcd ports; and cleans up only what
 * it started. pcscd's own readers: "Virtual PCD 00 00" on port 35963 and "… 00 01" on 35964
 * (the same as Debian's /etc/reader.conf.d/vpcd).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { VpcdCard, type VpcdCardLike } from '@hcard/emulator';

const PID_FILE = '/run/pcscd/pcscd.pid';
const VPCD_DRIVER = '/usr/lib/pcsc/drivers/serial/libifdvpcd.so';

export const READERS = {
  user: { name: 'Virtual PCD 00 00', port: 35963 },
  psam: { name: 'Virtual PCD 00 01', port: 35964 },
} as const;

/**
 * Why the rig cannot run here (no pcscd or vpcd installed), or undefined when it can. Under CI
 * the answer is always undefined: the setup installs both, so a missing one must fail the run
 * instead of skipping the real-stack tests.
 */
export function pcscUnavailable(): string | undefined {
  if (process.env.CI) return undefined;
  if (!existsSync('/usr/sbin/pcscd')) return 'pcscd is not installed';
  if (!existsSync(VPCD_DRIVER)) return 'vsmartcard-vpcd is not installed';
  return undefined;
}

function runningPcscdPid(): number | undefined {
  try {
    // pcscd writes the pid followed by a newline and a NUL byte.
    const pid = Number.parseInt(readFileSync(PID_FILE, 'utf8'), 10);
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}

const LOOPBACK_ROUTES = ['127.0.0.0/8', '127.0.0.1'];

function setQuickAck(on: boolean): void {
  for (const dst of LOOPBACK_ROUTES) {
    const route = [
      'local',
      dst,
      'dev',
      'lo',
      'table',
      'local',
      'proto',
      'kernel',
      'scope',
      'host',
      'src',
      '127.0.0.1',
    ];
    execFileSync('ip', ['route', 'change', ...route, ...(on ? ['quickack', '1'] : [])], { stdio: 'pipe' });
  }
}

/**
 * Loopback quick-ACK removes vpcd's ~40 ms Nagle/delayed-ACK stall per APDU (needs root).
 * `changed` says whether this call turned it on (and so whether to turn it off again).
 */
export function applyQuickAck(): { applied: boolean; changed: boolean; reason?: string } {
  try {
    const before = execFileSync('ip', ['route', 'show', 'table', 'local', 'dev', 'lo'], { encoding: 'utf8' });
    if (/^local 127\.0\.0\.0\/8 .*quickack 1/m.test(before)) return { applied: true, changed: false };
    setQuickAck(true);
    return { applied: true, changed: true };
  } catch (e) {
    return { applied: false, changed: false, reason: (e as Error).message.split('\n')[0] };
  }
}

export class PcscRig {
  #child: ChildProcess | undefined;
  #configDir: string | undefined;
  readonly cards: VpcdCard[] = [];
  /** Whether this rig started pcscd (and so may restart and must stop it). */
  ownsDaemon = false;
  quickAck: { applied: boolean; changed: boolean; reason?: string } = { applied: false, changed: false };
  /** The tail of the output of the pcscd the rig started. */
  log = '';

  async start(): Promise<void> {
    this.quickAck = applyQuickAck();
    if (runningPcscdPid() !== undefined) return;
    this.#configDir = mkdtempSync(join(tmpdir(), 'hcard-pcscd-'));
    // One vpcd device gives two readers (two ports); pcscd names a second device's readers
    // like the first one's, so the rig keeps to one.
    const hex = `0x${READERS.user.port.toString(16).toUpperCase()}`;
    writeFileSync(
      join(this.#configDir, 'vpcd'),
      `FRIENDLYNAME "Virtual PCD"\nDEVICENAME /dev/null:${hex}\nLIBPATH ${VPCD_DRIVER}\nCHANNELID ${hex}\n`,
    );
    this.ownsDaemon = true;
    await this.#spawn();
  }

  async #spawn(): Promise<void> {
    // pcscd --foreground quits when its stdout is /dev/null, so give it pipes and keep the tail.
    const child = spawn('pcscd', ['--foreground', '--config', this.#configDir!], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.#child = child;
    const keep = (chunk: Buffer) => {
      this.log = (this.log + chunk.toString()).slice(-4000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    for (let i = 0; i < 100 && runningPcscdPid() === undefined; i++) await sleep(50);
    if (runningPcscdPid() === undefined) throw new Error(`pcscd did not start:\n${this.log}`);
    await sleep(300); // let it load the vpcd drivers and open their ports
  }

  /** Stops and starts the daemon the rig owns (the cards reconnect by themselves). */
  async restartDaemon(): Promise<void> {
    if (!this.ownsDaemon) throw new Error('the rig did not start pcscd, so it will not restart it');
    await this.#stopDaemon();
    await this.#spawn();
  }

  async #stopDaemon(): Promise<void> {
    const child = this.#child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, sleep(5000)]);
    if (child.exitCode === null) child.kill('SIGKILL');
  }

  /** Connects an emulated card to a vpcd port ("inserts" it). */
  async insert(card: VpcdCardLike, port: number): Promise<VpcdCard> {
    const vpcd = new VpcdCard(card, { port });
    this.cards.push(vpcd);
    await vpcd.insert();
    return vpcd;
  }

  async stop(): Promise<void> {
    for (const c of this.cards.splice(0)) c.remove();
    if (this.ownsDaemon) await this.#stopDaemon();
    if (this.#configDir) rmSync(this.#configDir, { recursive: true, force: true });
    if (this.quickAck.changed) setQuickAck(false);
  }
}

/** Polls `condition` every 20 ms until it holds or `ms` pass. */
export async function waitFor(condition: () => boolean | Promise<boolean>, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error('timed out waiting for a condition');
    await sleep(20);
  }
}
