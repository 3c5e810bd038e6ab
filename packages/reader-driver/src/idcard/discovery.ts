/**
 * Candidate serial ports for an ID-card reader. `SerialPort.list()` asks udevadm, which minimal
 * Debian images lack (it fails with `spawn udevadm ENOENT`); then the ports are found by
 * scanning /dev/serial/by-id and /dev/tty{USB,ACM,S}* instead. Built-in UARTs (ttyS*) count
 * only when the kernel says a UART is there (/sys/class/tty/ttySn/type is not 0): Linux makes
 * ttyS0–ttyS31 on every PC.
 *
 * When the caller gives candidate paths (a test, a configured list), those are used as they
 * are, whatever they look like (a pty link under /tmp is fine), if they exist.
 */
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { hcardError } from '@hcard/card-core';

export interface SerialPortCandidate {
  readonly path: string;
  /** How it was found. */
  readonly source: 'given' | 'serialport' | 'by-id' | 'dev-scan';
  readonly manufacturer?: string;
  readonly vendorId?: string;
  readonly productId?: string;
}

interface ListedPort {
  readonly path: string;
  readonly manufacturer?: string | undefined;
  readonly vendorId?: string | undefined;
  readonly productId?: string | undefined;
}

export interface DiscoveryOptions {
  /** Use these paths instead of scanning (those that exist). */
  readonly candidates?: readonly string[];
  /** Replaces `SerialPort.list()` (tests). */
  readonly list?: () => Promise<readonly ListedPort[]>;
  readonly devDir?: string;
  readonly sysTtyDir?: string;
}

const DEVICE_PATTERN = /^tty(USB|ACM|S)\d+$/;

export async function listSerialPorts(options: DiscoveryOptions = {}): Promise<SerialPortCandidate[]> {
  if (options.candidates) {
    return options.candidates.filter((path) => existsSync(path)).map((path) => ({ path, source: 'given' }));
  }
  try {
    const listed = await (options.list ?? serialportList)();
    return listed.map((p) => ({
      path: p.path,
      source: 'serialport',
      ...(p.manufacturer ? { manufacturer: p.manufacturer } : {}),
      ...(p.vendorId ? { vendorId: p.vendorId } : {}),
      ...(p.productId ? { productId: p.productId } : {}),
    }));
  } catch {
    // No udevadm (or no binding): scan the device directories instead.
    return scanDevices(options.devDir ?? '/dev', options.sysTtyDir ?? '/sys/class/tty');
  }
}

/**
 * The one port to use: `explicit` when given (any path), else the only candidate. None or
 * several are catalogue errors that say what was found.
 */
export async function chooseIdCardPort(
  explicit: string | undefined,
  options: DiscoveryOptions = {},
): Promise<string> {
  if (explicit !== undefined) return explicit;
  const found = await listSerialPorts(options);
  if (found.length === 0) throw hcardError('HCARD_E_IDCARD_READER_NOT_FOUND', 'no serial port found');
  if (found.length > 1) {
    const paths = found.map((p) => p.path);
    throw hcardError('HCARD_E_IDCARD_READER_AMBIGUOUS', `found ${paths.join(', ')}`, { ports: paths });
  }
  return found[0]!.path;
}

async function serialportList(): Promise<readonly ListedPort[]> {
  const { SerialPort } = await import('serialport');
  return SerialPort.list();
}

function scanDevices(devDir: string, sysTtyDir: string): SerialPortCandidate[] {
  const byIdDir = join(devDir, 'serial', 'by-id');
  const byId = safeReaddir(byIdDir).map((name) => join(byIdDir, name));
  // A by-id link names the same device as its ttyUSBn: list the device once, by its stable link.
  const linked = new Set(byId.map((link) => safeRealpath(link)));
  const scanned = safeReaddir(devDir)
    .filter((name) => DEVICE_PATTERN.test(name))
    .filter((name) => !name.startsWith('ttyS') || uartPresent(sysTtyDir, name))
    .map((name) => join(devDir, name))
    .filter((path) => !linked.has(safeRealpath(path)))
    .sort(naturalOrder);
  return [
    ...byId.sort().map((path): SerialPortCandidate => ({ path, source: 'by-id' })),
    ...scanned.map((path): SerialPortCandidate => ({ path, source: 'dev-scan' })),
  ];
}

/** /sys/class/tty/ttySn/type is the UART type; 0 means no UART at that port. */
function uartPresent(sysTtyDir: string, name: string): boolean {
  try {
    return readFileSync(join(sysTtyDir, name, 'type'), 'utf8').trim() !== '0';
  } catch {
    return false;
  }
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function safeRealpath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

const naturalOrder = (a: string, b: string): number => a.localeCompare(b, 'en', { numeric: true });
