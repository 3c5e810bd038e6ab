/**
 * The desk's resident ID-card reader (GA 467, serial; `idCardReader` in the config), owned by
 * the gateway as ReaderService owns the PC/SC readers: one port, one command sequence at a time.
 *
 * It polls as desk software does (find → select → read). The SAM lets a card be read once per
 * placement, so the card read last is kept as a snapshot for the routes (`GET /v1/idcard`, the
 * identity check) and an `idcard-placed` event goes to the event hub. The snapshot is personal
 * data: it is dropped after `keepMs` (default 2 minutes), when another card is read, and when
 * a health card leaves its reader (the visit is over).
 */
import { hcardError, isHcardError } from '@hcard/card-core';
import {
  type IdCardData,
  IdCardReader,
  type IdCardRefusal,
  openSerialTransport,
  readIdCard,
  sw3Hex,
} from '@hcard/reader-driver';
import type { EventHub } from '../events/event-hub.js';
import { KeyedFifo } from './fifo.js';

export interface IdCardServiceOptions {
  readonly port: string;
  readonly baudRate?: number;
  /** How often to look for a card; default 300 ms. */
  readonly pollMs?: number;
  /** How long a read card is kept for the routes; default 120 s. */
  readonly keepMs?: number;
}

export interface IdCardSnapshot {
  readonly data: IdCardData;
  /** The port's event counter when the card was read (its placement). */
  readonly counter: number;
  readonly readAt: Date;
}

/** What the driver's refusal means to a caller: no card, or a card that moved. */
function refusalError(refusal: IdCardRefusal, port: string) {
  const why = `${refusal.command} → SW3 ${sw3Hex(refusal.sw3)} (${refusal.meaning})`;
  return refusal.kind === 'no-card'
    ? hcardError('HCARD_E_NO_CARD', `no ID card on the reader at ${port}`, { port, sw3: refusal.sw3 })
    : hcardError('HCARD_E_CARD_REMOVED', `the ID card moved during the read: ${why}`, {
        port,
        sw3: refusal.sw3,
      });
}

export class IdCardService {
  readonly port: string;
  readonly #options: IdCardServiceOptions;
  readonly #fifo = new KeyedFifo();
  #reader: IdCardReader | undefined;
  #snapshot: IdCardSnapshot | undefined;
  #counter = 0;
  #timer: NodeJS.Timeout | undefined;
  #stopped = false;
  /** The last poll's problem (reader silent, SAM error), for the reader list. */
  lastProblem: string | undefined;

  constructor(
    options: IdCardServiceOptions,
    readonly events?: EventHub,
  ) {
    this.port = options.port;
    this.#options = options;
    // A visit ends when its health card leaves: the ID card read for it is forgotten then, so
    // the next patient's check never meets it.
    this.#unsubscribe = events?.subscribe((e) => {
      if (e.type === 'card-removed') this.#snapshot = undefined;
    });
  }

  readonly #unsubscribe: (() => void) | undefined;

  /** Starts polling for cards. */
  start(): void {
    this.#stopped = false;
    const poll = async () => {
      if (this.#stopped) return;
      await this.#poll().catch(() => undefined);
      if (!this.#stopped) this.#timer = setTimeout(poll, this.#options.pollMs ?? 300);
    };
    this.#timer = setTimeout(poll, 0);
  }

  async close(): Promise<void> {
    this.#stopped = true;
    this.#unsubscribe?.();
    clearTimeout(this.#timer);
    await this.#fifo.run([this.port], async () => {
      await this.#reader?.close();
      this.#reader = undefined;
    });
    this.#snapshot = undefined;
  }

  get counter(): number {
    return this.#counter;
  }

  /** The card read since it was placed, if it is still kept. */
  snapshot(): IdCardSnapshot | undefined {
    const s = this.#snapshot;
    if (s && Date.now() - s.readAt.getTime() > (this.#options.keepMs ?? 120_000)) this.#snapshot = undefined;
    return this.#snapshot;
  }

  /**
   * The card on the reader: the snapshot of the card read since it was placed, else a read now
   * (HCARD_E_NO_CARD when there is none).
   */
  async read(options: { fresh?: boolean } = {}): Promise<IdCardSnapshot & { cached: boolean }> {
    const kept = options.fresh ? undefined : this.snapshot();
    if (kept) return { ...kept, cached: true };
    const read = await this.#readOnce(3);
    if (!read.ok) throw refusalError(read.refusal, this.port);
    return { ...this.#placed(read.value), cached: false };
  }

  async #poll(): Promise<void> {
    try {
      const read = await this.#readOnce(1);
      this.lastProblem = undefined;
      if (read.ok) this.#placed(read.value);
    } catch (e) {
      this.lastProblem = isHcardError(e) ? e.code : 'HCARD_E_INTERNAL';
    }
  }

  #placed(data: IdCardData): IdCardSnapshot {
    this.#counter++;
    const snapshot = { data, counter: this.#counter, readAt: new Date() };
    this.#snapshot = snapshot;
    this.events?.publish({ type: 'idcard-placed', reader: this.port, counter: this.#counter });
    return snapshot;
  }

  #readOnce(findAttempts: number) {
    return this.#fifo.run([this.port], async () => {
      this.#reader ??= new IdCardReader(
        await openSerialTransport(
          this.port,
          this.#options.baudRate ? { baudRate: this.#options.baudRate } : {},
        ),
      );
      try {
        return await readIdCard(this.#reader, { findAttempts, appendedAddress: true });
      } catch (e) {
        // A port that failed is opened again on the next try.
        if (isHcardError(e, 'HCARD_E_IDCARD_PORT_FAILED')) {
          await this.#reader.close().catch(() => undefined);
          this.#reader = undefined;
        }
        throw e;
      }
    });
  }
}
