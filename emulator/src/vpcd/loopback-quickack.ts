/**
 * Loopback quick-ACK for vpcd (testing/virtual-pcsc.md, "Latency trap"): vpcd writes each
 * message's length and payload in two `send()` calls, so Nagle on its side and delayed ACKs on
 * ours cost ~40 ms per APDU on loopback. The `quickack 1` attribute on the loopback routes of
 * the local table removes the stall (~0.3 ms per APDU). Changing a route needs root or
 * CAP_NET_ADMIN; without it everything still works, only slower.
 *
 * `enableLoopbackQuickAck()` turns it on where it is off and says what it did; `restore()` puts
 * back exactly the routes it changed, unless someone else has turned quick-ACK off since. The
 * test rig, `hcard demo` and `hcard emulate` all go through here. The `ip` command is behind
 * the `IpCommand` interface so that the decisions can be tested without touching the machine.
 */
import { execFileSync } from 'node:child_process';

/** Runs `ip` with these arguments and returns its stdout; throws an `IpCommandError` on failure. */
export type IpCommand = (args: readonly string[]) => string;

export class IpCommandError extends Error {
  /** `ENOENT` when there is no `ip` command; undefined when `ip` ran and failed. */
  readonly code: string | undefined;
  constructor(message: string, code?: string) {
    super(message);
    this.name = 'IpCommandError';
    this.code = code;
  }
}

/** The real `ip` (iproute2). */
export const runIp: IpCommand = (args) => {
  try {
    return execFileSync('ip', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: string | Buffer };
    if (err.code === 'ENOENT')
      throw new IpCommandError('the ip command (iproute2) is not installed', 'ENOENT');
    const stderr = String(err.stderr ?? '').trim();
    throw new IpCommandError(stderr.split('\n')[0] || err.message.split('\n')[0]!);
  }
};

/** The loopback routes vpcd's connections use (127.0.0.1 goes by the /32, the rest by the /8). */
export const LOOPBACK_QUICKACK_ROUTES = ['127.0.0.0/8', '127.0.0.1'] as const;

/** One route of the local table, as `ip route show table local` prints it. */
export interface LocalRoute {
  /** The route's words as printed, e.g. `local 127.0.0.1 dev lo proto kernel scope host src 127.0.0.1`. */
  readonly words: readonly string[];
  readonly type: string;
  readonly dst: string;
  readonly dev: string | undefined;
  /** Whether the route carries `quickack` with a non-zero value. */
  readonly quickAck: boolean;
}

// Flags `ip route show` prints that `ip route change` does not take.
const OUTPUT_ONLY_FLAGS = new Set([
  'linkdown',
  'dead',
  'offload',
  'trap',
  'rt_offload',
  'rt_trap',
  'rt_offload_failed',
]);

/** Parses the output of `ip route show table local` (one route per line). */
export function parseLocalRoutes(output: string): LocalRoute[] {
  const routes: LocalRoute[] = [];
  for (const line of output.split('\n')) {
    const words = line.trim().split(/\s+/).filter(Boolean);
    if (words.length < 2) continue;
    const [type, dst] = words as [string, string];
    const after = (key: string) => {
      const i = words.indexOf(key, 2);
      return i < 0 ? undefined : words[i + 1];
    };
    const quickAck = after('quickack');
    routes.push({
      words,
      type,
      dst,
      dev: after('dev'),
      quickAck: quickAck !== undefined && quickAck !== '0',
    });
  }
  return routes;
}

/** The loopback routes quick-ACK goes on (the local-type routes of `lo` for 127.0.0.0/8 and 127.0.0.1). */
export function loopbackRoutes(routes: readonly LocalRoute[]): LocalRoute[] {
  return routes.filter(
    (r) =>
      r.type === 'local' && r.dev === 'lo' && (LOOPBACK_QUICKACK_ROUTES as readonly string[]).includes(r.dst),
  );
}

/**
 * The `ip` arguments that set `route` again in the local table, with quick-ACK on (`true`),
 * without any quickack attribute (`false`), or exactly as it was (`'as-is'`).
 */
export function routeChangeArgs(route: LocalRoute, quickAck: boolean | 'as-is'): string[] {
  const words: string[] = [];
  for (let i = 0; i < route.words.length; i++) {
    const word = route.words[i]!;
    if (word === 'quickack' && quickAck !== 'as-is') {
      i++; // and its value
      continue;
    }
    if (i >= 2 && OUTPUT_ONLY_FLAGS.has(word)) continue;
    words.push(word);
  }
  // `ip route show table local` leaves the table out; put it after the device, as the docs do.
  const at = route.dev === undefined ? 2 : words.indexOf('dev', 2) + 2;
  words.splice(at, 0, 'table', 'local');
  if (quickAck === true) words.push('quickack', '1');
  return ['route', 'change', ...words];
}

/** The shell commands that turn quick-ACK on, for a user who has to run them as root. */
export function quickAckCommands(routes: readonly LocalRoute[] = DEFAULT_ROUTES): string[] {
  return routes.map((r) => ['ip', ...routeChangeArgs(r, true)].join(' '));
}

// The routes of a Debian machine, for the hint when the real ones cannot be read.
const DEFAULT_ROUTES = parseLocalRoutes(
  LOOPBACK_QUICKACK_ROUTES.map((dst) => `local ${dst} dev lo proto kernel scope host src 127.0.0.1`).join(
    '\n',
  ),
);

/**
 * - `already-on`: every loopback route had quick-ACK; nothing was changed (nor will be restored);
 * - `turned-on`: this call turned it on for at least one route; `restore()` turns that back;
 * - `unavailable`: it is off and could not be turned on (`reason` says why, `commands` what to run).
 */
export type QuickAckState = 'already-on' | 'turned-on' | 'unavailable';

export interface QuickAckRestore {
  /** The routes set back as they were. */
  readonly restored: readonly string[];
  /** Routes left alone because their quick-ACK was already off again (someone else's change). */
  readonly skipped: readonly string[];
  /** Why restoring failed, if it did (the rest of the routes are still tried). */
  readonly error?: string;
}

export interface LoopbackQuickAck {
  readonly state: QuickAckState;
  /** Why it is unavailable. */
  readonly reason?: string;
  /** The commands that turn it on (run as root), e.g. for the hint when it is unavailable. */
  readonly commands: readonly string[];
  /** The routes this call changed (`turned-on` only). */
  readonly changed: readonly string[];
  /** Sets the changed routes back as they were; later calls do nothing. Never throws. */
  restore(): QuickAckRestore;
}

function showLocalRoutes(ip: IpCommand): LocalRoute[] {
  return parseLocalRoutes(ip(['route', 'show', 'table', 'local']));
}

function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof IpCommandError && error.code === 'ENOENT') return message;
  if (/operation not permitted|permission denied|EPERM|EACCES/i.test(message))
    return 'not permitted to change routes: needs root or CAP_NET_ADMIN';
  return message;
}

/** Turns loopback quick-ACK on where it is off, and says what it did. Never throws. */
export function enableLoopbackQuickAck(ip: IpCommand = runIp): LoopbackQuickAck {
  let routes: LocalRoute[];
  try {
    routes = loopbackRoutes(showLocalRoutes(ip));
  } catch (e) {
    return unavailable(reasonOf(e), quickAckCommands());
  }
  if (routes.length === 0)
    return unavailable('no loopback route (local 127.0.0.0/8 or 127.0.0.1 dev lo) in the local table', []);
  const commands = quickAckCommands(routes);
  const off = routes.filter((r) => !r.quickAck);
  if (off.length === 0) return { state: 'already-on', commands, changed: [], restore: nothingToRestore };
  const changed: LocalRoute[] = [];
  try {
    for (const route of off) {
      ip(routeChangeArgs(route, true));
      changed.push(route);
    }
  } catch (e) {
    // Put back what did change, so that a refusal leaves the routes as they were.
    restoreRoutes(ip, changed);
    return unavailable(reasonOf(e), commands);
  }
  let restored: QuickAckRestore | undefined;
  return {
    state: 'turned-on',
    commands,
    changed: changed.map((r) => r.dst),
    restore: () => {
      restored ??= restoreRoutes(ip, changed);
      return restored;
    },
  };
}

function unavailable(reason: string, commands: readonly string[]): LoopbackQuickAck {
  return { state: 'unavailable', reason, commands, changed: [], restore: nothingToRestore };
}

function nothingToRestore(): QuickAckRestore {
  return { restored: [], skipped: [] };
}

function restoreRoutes(ip: IpCommand, changed: readonly LocalRoute[]): QuickAckRestore {
  const restored: string[] = [];
  const skipped: string[] = [];
  let error: string | undefined;
  let current: LocalRoute[] | undefined;
  try {
    current = loopbackRoutes(showLocalRoutes(ip));
  } catch (e) {
    error = reasonOf(e);
  }
  for (const route of changed) {
    const now = current?.find((r) => r.dst === route.dst);
    // Someone turned it off again (or the route is gone): not ours to touch any more.
    if (current !== undefined && !now?.quickAck) {
      skipped.push(route.dst);
      continue;
    }
    try {
      ip(routeChangeArgs(route, 'as-is'));
      restored.push(route.dst);
    } catch (e) {
      error ??= reasonOf(e);
    }
  }
  return error === undefined ? { restored, skipped } : { restored, skipped, error };
}
