/**
 * PC/SC driver over the `pcsclite` binding (pcscd on Linux, WinSCard on Windows). It keeps a
 * snapshot of readers and cards in a ReaderMonitor, connects cards as CardChannels, maps
 * SCARD_* failures to catalogue errors, and re-establishes its context by itself when the
 * service goes away (pcscd restart, last reader unplugged on Windows) and comes back.
 */
import { type CardChannel, type HcardError, hcardError, withSerialize } from '@hcard/card-core';
import type { ConnectOptions, ReaderDriver, ReaderInfo, ReaderWatch } from '../driver.js';
import { ReaderMonitor } from '../monitor.js';
import { pcscError } from './pcsc-errors.js';
import { loadPcsclite, type PcscContext, type PcscFactory, type PcscReader } from './pcsclite-binding.js';

export interface PcscDriverOptions {
  /** Delay before trying to reach the service again after it went away. */
  readonly restartDelayMs?: number;
  /** How long `list()` waits for the first reader scan. */
  readonly readyTimeoutMs?: number;
  /** The binding (tests may pass another implementation of the same shape). */
  readonly factory?: PcscFactory;
}

/** Largest response we accept: extended Le 65536 + SW1 SW2. */
const MAX_RESPONSE = 65538;

export class PcscDriver implements ReaderDriver {
  readonly kind = 'pcsc' as const;
  readonly #monitor = new ReaderMonitor('pcsc');
  readonly #options: Required<Omit<PcscDriverOptions, 'factory'>>;
  readonly #factory: PcscFactory;
  #context: PcscContext | undefined;
  readonly #readers = new Map<string, PcscReader>();
  /** Readers whose first status has not arrived yet. */
  readonly #pendingStatus = new Set<string>();
  #scanned = false;
  #serviceError: HcardError | undefined;
  #readyWaiters: (() => void)[] = [];
  #restartTimer: NodeJS.Timeout | undefined;
  readonly #open = new Set<string>();
  #closed = false;

  constructor(options: PcscDriverOptions = {}) {
    this.#options = {
      restartDelayMs: options.restartDelayMs ?? 500,
      readyTimeoutMs: options.readyTimeoutMs ?? 3000,
    };
    this.#factory = options.factory ?? loadPcsclite();
    this.#start();
  }

  /** Whether the service is reachable right now. */
  get serviceAvailable(): boolean {
    return this.#context !== undefined && this.#serviceError === undefined;
  }

  async list(): Promise<ReaderInfo[]> {
    await this.#ready();
    if (this.#serviceError) throw this.#serviceError;
    return this.#monitor.list();
  }

  watch(): ReaderWatch {
    return this.#monitor.watch();
  }

  async connect(name: string, options: ConnectOptions = {}): Promise<CardChannel> {
    await this.#ready();
    if (this.#serviceError) throw this.#serviceError;
    const reader = this.#readers.get(name);
    if (!reader) throw hcardError('HCARD_E_READER_NOT_FOUND', `"${name}"`, { reader: name });
    const state = this.#monitor.state(name);
    if (!state?.cardPresent) throw hcardError('HCARD_E_NO_CARD', `"${name}"`, { reader: name });
    if (this.#open.has(name))
      throw hcardError('HCARD_E_READER_BUSY', `"${name}" already has a channel`, { reader: name });
    const protocols = options.protocols ?? ['T=0', 'T=1'];
    const protocolMask =
      (protocols.includes('T=0') ? reader.SCARD_PROTOCOL_T0 : 0) |
      (protocols.includes('T=1') ? reader.SCARD_PROTOCOL_T1 : 0);
    const shareMode =
      options.shareMode === 'exclusive' ? reader.SCARD_SHARE_EXCLUSIVE : reader.SCARD_SHARE_SHARED;
    const protocol = await new Promise<number>((resolve, reject) =>
      reader.connect({ share_mode: shareMode, protocol: protocolMask }, (err, p) =>
        err ? reject(pcscError(err, { operation: 'connect', reader: name })) : resolve(p),
      ),
    );
    this.#open.add(name);
    const disposition = {
      leave: reader.SCARD_LEAVE_CARD,
      reset: reader.SCARD_RESET_CARD,
      unpower: reader.SCARD_UNPOWER_CARD,
      eject: reader.SCARD_EJECT_CARD,
    }[options.disposition ?? 'leave'];
    let closed = false;
    const channel: CardChannel = {
      atr: state.atr ?? new Uint8Array(),
      protocol: protocol === reader.SCARD_PROTOCOL_T1 ? 'T=1' : 'T=0',
      transmit: (command) =>
        new Promise<Uint8Array>((resolve, reject) => {
          if (closed) return reject(hcardError('HCARD_E_CHANNEL_CLOSED', `"${name}"`, { reader: name }));
          reader.transmit(Buffer.from(command), MAX_RESPONSE, protocol, (err, data) => {
            if (err) return reject(pcscError(err, { operation: 'transmit', reader: name }));
            // Every card answer has a status word. Nothing at all means the card left mid-command:
            // vpcd answers so when its card disconnects, where a real reader reports the removal.
            if (data.length < 2)
              return reject(
                hcardError('HCARD_E_CARD_REMOVED', `"${name}" answered ${data.length} bytes`, {
                  reader: name,
                }),
              );
            resolve(new Uint8Array(data));
          });
        }),
      close: async () => {
        if (closed) return;
        closed = true;
        this.#open.delete(name);
        // A card that is already gone cannot be disposed of; that is not the caller's problem.
        await new Promise<void>((resolve) => reader.disconnect(disposition, () => resolve()));
      },
    };
    return withSerialize(channel);
  }

  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#restartTimer);
    this.#stopContext();
    this.#monitor.closeAll();
  }

  // ---- service lifecycle -------------------------------------------------------------------

  #start(): void {
    if (this.#closed) return;
    this.#scanned = false;
    let context: PcscContext;
    try {
      context = this.#factory();
    } catch (e) {
      this.#serviceLost(e);
      return;
    }
    this.#context = context;
    this.#serviceError = undefined;
    // The binding scans on the next tick; wrap its callback to learn when a scan is complete.
    const start = context.start.bind(context);
    context.start = (cb) =>
      start((err, names) => {
        cb(err, names);
        if (!err && this.#context === context) {
          this.#scanned = true;
          this.#checkReady();
        }
      });
    context.on('reader', (reader: PcscReader) => this.#attach(context, reader));
    context.on('error', (e: unknown) => {
      if (this.#context === context) this.#serviceLost(e);
    });
  }

  #attach(context: PcscContext, reader: PcscReader): void {
    const name = reader.name;
    this.#readers.set(name, reader);
    this.#pendingStatus.add(name);
    reader.on('status', (status: { state: number; atr?: Buffer }) => {
      if (this.#context !== context) return;
      const present = (status.state & reader.SCARD_STATE_PRESENT) !== 0;
      // pcsc-lite counts card insertions and removals in the high word of the event state.
      const cardEvents = status.state >>> 16;
      this.#monitor.update(
        name,
        present && status.atr
          ? { cardPresent: true, atr: new Uint8Array(status.atr), cardEvents }
          : { cardPresent: false, cardEvents },
      );
      this.#pendingStatus.delete(name);
      this.#checkReady();
    });
    reader.on('end', () => {
      if (this.#context !== context) return;
      this.#readers.delete(name);
      this.#pendingStatus.delete(name);
      this.#open.delete(name);
      this.#monitor.remove(name);
      this.#checkReady();
    });
    // Errors of a reader's status loop come with the context's own error; nothing to add.
    reader.on('error', () => undefined);
  }

  #serviceLost(error: unknown): void {
    this.#serviceError = pcscError(error, { operation: 'PC/SC service' });
    this.#stopContext();
    this.#monitor.retain(new Set());
    this.#checkReady();
    if (!this.#closed) this.#restartTimer = setTimeout(() => this.#start(), this.#options.restartDelayMs);
  }

  #stopContext(): void {
    const context = this.#context;
    this.#context = undefined;
    for (const reader of this.#readers.values()) {
      try {
        reader.close();
      } catch {
        // already closed by the binding
      }
    }
    this.#readers.clear();
    this.#pendingStatus.clear();
    this.#open.clear();
    try {
      context?.close();
    } catch {
      // the context died with the service
    }
  }

  // ---- readiness ---------------------------------------------------------------------------

  #isReady(): boolean {
    return this.#serviceError !== undefined || (this.#scanned && this.#pendingStatus.size === 0);
  }

  #checkReady(): void {
    if (this.#isReady()) for (const resolve of this.#readyWaiters.splice(0)) resolve();
  }

  /** Waits for the first complete scan (or a service error), bounded by readyTimeoutMs. */
  async #ready(): Promise<void> {
    if (this.#isReady()) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, this.#options.readyTimeoutMs);
      this.#readyWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}
