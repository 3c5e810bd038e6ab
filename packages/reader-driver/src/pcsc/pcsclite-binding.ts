/**
 * Types for the parts of the `pcsclite` npm binding the driver uses (it ships loose d.ts), and
 * its loader. Loading is lazy so that hosts without libpcsclite can still use other drivers.
 * The binding is patched (patches/pcsclite@1.0.1.patch, compiled at install): its close() ended
 * neither itself nor the process when a status thread lost a race, and it kept its context (one
 * of pcscd's 200 client slots) until garbage collection. tests/pcsc/pcsc-close.e2e proves both.
 */

import type { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';

export interface PcscReader extends EventEmitter {
  readonly name: string;
  readonly connected: boolean;
  readonly SCARD_SHARE_SHARED: number;
  readonly SCARD_SHARE_EXCLUSIVE: number;
  readonly SCARD_PROTOCOL_T0: number;
  readonly SCARD_PROTOCOL_T1: number;
  readonly SCARD_LEAVE_CARD: number;
  readonly SCARD_RESET_CARD: number;
  readonly SCARD_UNPOWER_CARD: number;
  readonly SCARD_EJECT_CARD: number;
  readonly SCARD_STATE_PRESENT: number;
  connect(
    options: { share_mode: number; protocol: number },
    cb: (err: Error | null, protocol: number) => void,
  ): void;
  transmit(
    data: Buffer,
    resLen: number,
    protocol: number,
    cb: (err: Error | null, data: Buffer) => void,
  ): void;
  disconnect(disposition: number, cb: (err: Error | null) => void): void;
  close(): void;
}

export interface PcscContext extends EventEmitter {
  start(cb: (err: Error | null, readers: Buffer) => void): void;
  close(): void;
}

export type PcscFactory = () => PcscContext;

let factory: PcscFactory | undefined;

export function loadPcsclite(): PcscFactory {
  factory ??= createRequire(import.meta.url)('pcsclite') as PcscFactory;
  return factory;
}
