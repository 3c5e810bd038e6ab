/**
 * Test rig for the real PC/SC stack (testing/virtual-pcsc.md): uses a running pcscd, or starts
 * one with vpcd readers when none runs; applies loopback quick-ACK when permitted (the
 * emulator's `enableLoopbackQuickAck`, shared with `hcard demo` and `hcard emulate`; it only
 * changes speed, never results); connects emulated cards to vpcd ports; and cleans up only what
 * it started. pcscd's own readers: "Virtual PCD 00 00" on port 35963 and "… 00 01" on 35964
 * (the same as Debian's /etc/reader.conf.d/vpcd).
 *
 * With `replaceForeignDaemon` (the tests turn it on under CI) a pcscd the rig did not start is
 * stopped for the rig's lifetime and the rig runs its own, so that every test, the pcscd
 * restart included, runs; `stop()` starts the previous daemon again the way it was started
 * (its systemd units, or its own command line).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  enableLoopbackQuickAck,
  type LoopbackQuickAck,
  type QuickAckState,
  VpcdCard,
  type VpcdCardLike,
} from '@hcard/emulator';

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

export interface PcscRigOptions {
  /**
   * When a pcscd the rig did not start is running: stop it and run the rig's own instead (and
   * start it again in `stop()`), rather than use it. Off by default: a developer's daemon may
   * serve real readers.
   */
  readonly replaceForeignDaemon?: boolean;
  /**
   * More vpcd devices when the rig runs its own pcscd (issuance with several encoders): each adds
   * "<name> 00 00" and "… 00 01" on the next two ports after 35964. vpcd keeps its slots in the
   * library's globals, so each extra device loads its own copy of the driver (a second device on
   * the same library would answer on the first one's sockets).
   */
  readonly extraVpcdDevices?: readonly string[];
}

/** Debian's pcscd reader configuration (the rig's own folder replaces it when it runs pcscd). */
export const SYSTEM_READER_CONFIG = '/etc/reader.conf.d';

/** A pcscd the rig found running, and how to start it again. */
export interface ForeignDaemon {
  readonly pid: number;
  /** Its command line, e.g. `pcscd` or `pcscd --foreground --auto-exit`. */
  readonly command: readonly string[];
  /** The systemd units that were active for it (socket activation), if systemd runs it. */
  readonly systemdUnits: readonly string[];
}

export class PcscRig {
  readonly #options: PcscRigOptions;
  #child: ChildProcess | undefined;
  #configDir: string | undefined;
  #driverCopies: string | undefined;
  readonly cards: VpcdCard[] = [];
  /** Whether this rig started pcscd (and so may restart and must stop it). */
  ownsDaemon = false;
  /** The pcscd that was running when the rig started, if any (stopped if the rig replaced it). */
  foreignDaemon: ForeignDaemon | undefined;
  /** Whether the rig stopped the foreign daemon (and so must start it again). */
  #replaced = false;
  /**
   * Loopback quick-ACK (emulator `loopback-quickack.ts`): `applied` when it is on for the rig's
   * lifetime, `changed` when the rig turned it on (and turns it off again in `stop()`).
   */
  quickAck: { applied: boolean; changed: boolean; state?: QuickAckState; reason?: string } = {
    applied: false,
    changed: false,
  };
  #quickAck: LoopbackQuickAck | undefined;
  /** The tail of the output of the pcscd the rig started. */
  log = '';

  constructor(options: PcscRigOptions = {}) {
    this.#options = options;
  }

  async start(): Promise<void> {
    const quickAck = enableLoopbackQuickAck();
    this.#quickAck = quickAck;
    this.quickAck = {
      applied: quickAck.state !== 'unavailable',
      changed: quickAck.state === 'turned-on',
      state: quickAck.state,
      ...(quickAck.reason === undefined ? {} : { reason: quickAck.reason }),
    };
    const pid = runningPcscdPid();
    if (pid !== undefined) {
      this.foreignDaemon = describeDaemon(pid);
      if (!this.#options.replaceForeignDaemon) return;
      await stopForeignDaemon(this.foreignDaemon);
      this.#replaced = true;
    }
    this.#configDir = mkdtempSync(join(tmpdir(), 'hcard-pcscd-'));
    // pcscd reads every file in its --config folder, so driver copies live in a folder of their own.
    const extra = this.#options.extraVpcdDevices ?? [];
    if (extra.length > 0) this.#driverCopies = mkdtempSync(join(tmpdir(), 'hcard-vpcd-drivers-'));
    const devices = ['Virtual PCD', ...extra].map((name, i) => {
      const hex = `0x${(READERS.user.port + 2 * i).toString(16).toUpperCase()}`;
      let library = VPCD_DRIVER;
      if (i > 0) {
        library = join(this.#driverCopies!, `libifdvpcd-${i}.so`);
        copyFileSync(VPCD_DRIVER, library);
      }
      return `FRIENDLYNAME "${name}"\nDEVICENAME /dev/null:${hex}\nLIBPATH ${library}\nCHANNELID ${hex}\n`;
    });
    writeFileSync(join(this.#configDir, 'vpcd'), devices.join('\n'));
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

  /** The reader configuration pcscd runs with (for HCARD_VPCD_CONFIG: which vpcd port is which reader). */
  get readerConfig(): string {
    return this.#configDir ?? SYSTEM_READER_CONFIG;
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
    if (this.#driverCopies) rmSync(this.#driverCopies, { recursive: true, force: true });
    this.#quickAck?.restore();
    if (this.#replaced && this.foreignDaemon) {
      this.#replaced = false;
      await startForeignDaemon(this.foreignDaemon);
    }
  }
}

const SYSTEMD_UNITS = ['pcscd.socket', 'pcscd.service'];

function describeDaemon(pid: number): ForeignDaemon {
  let command: string[] = ['pcscd'];
  try {
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    if (argv.length > 0) command = argv;
  } catch {
    // gone already, or not ours to read: start it again plainly
  }
  let systemdUnits: string[] = [];
  if (existsSync('/run/systemd/system')) {
    systemdUnits = SYSTEMD_UNITS.filter((unit) => {
      try {
        execFileSync('systemctl', ['is-active', '--quiet', unit], { stdio: 'ignore' });
        return true;
      } catch {
        return false;
      }
    });
  }
  return { pid, command, systemdUnits };
}

async function stopForeignDaemon(daemon: ForeignDaemon): Promise<void> {
  if (daemon.systemdUnits.length > 0) {
    // The socket first, or a client's connection would start the service again.
    execFileSync('systemctl', ['stop', ...SYSTEMD_UNITS], { stdio: 'pipe' });
  } else {
    try {
      process.kill(daemon.pid, 'SIGTERM');
    } catch (e) {
      throw new Error(`cannot stop the running pcscd (pid ${daemon.pid}): ${(e as Error).message}`);
    }
  }
  for (let i = 0; i < 100 && runningPcscdPid() !== undefined; i++) await sleep(50);
  if (runningPcscdPid() !== undefined) throw new Error(`the running pcscd (pid ${daemon.pid}) did not stop`);
}

async function startForeignDaemon(daemon: ForeignDaemon): Promise<void> {
  if (daemon.systemdUnits.length > 0) {
    execFileSync('systemctl', ['start', ...daemon.systemdUnits], { stdio: 'pipe' });
    return;
  }
  // Without its --foreground flag pcscd detaches by itself (in the foreground it would quit with
  // no one reading its output), keeping the rest of its options.
  const [file, ...args] = daemon.command;
  const child = spawn(
    file!,
    args.filter((a) => a !== '-f' && a !== '--foreground'),
    { stdio: 'ignore', detached: true },
  );
  child.unref();
  for (let i = 0; i < 100 && runningPcscdPid() === undefined; i++) await sleep(50);
  if (runningPcscdPid() === undefined)
    throw new Error(`could not start the previous pcscd again: ${daemon.command.join(' ')}`);
}

/** Polls `condition` every 20 ms until it holds or `ms` pass. */
export async function waitFor(condition: () => boolean | Promise<boolean>, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error('timed out waiting for a condition');
    await sleep(20);
  }
}
