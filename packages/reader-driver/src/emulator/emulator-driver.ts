/**
 * In-process driver: named slots that hold emulated cards (any CardChannel that can be reset).
 * Same interface and events as the PC/SC driver, without a daemon: for unit tests and for
 * machines without PC/SC.
 */
import { type CardChannel, forwardChannel, hcardError, withSerialize } from '@hcard/card-core';
import type { ConnectOptions, ReaderDriver, ReaderInfo, ReaderWatch } from '../driver.js';
import { ReaderMonitor } from '../monitor.js';

/** What a slot can hold: an emulated card (EmulatedHealthCard, EmulatedPsam …). */
export interface InsertableCard extends CardChannel {
  reset(): Uint8Array;
}

export class EmulatorDriver implements ReaderDriver {
  readonly kind = 'emulator' as const;
  readonly #monitor = new ReaderMonitor('emulator');
  readonly #cards = new Map<string, InsertableCard | undefined>();
  readonly #open = new Set<string>();

  /** Adds an empty reader slot. */
  addReader(name: string): void {
    if (!this.#cards.has(name)) this.#cards.set(name, undefined);
    this.#monitor.update(name, { cardPresent: false });
  }

  removeReader(name: string): void {
    this.#cards.delete(name);
    this.#monitor.remove(name);
  }

  /** Puts a card into a slot (adding the slot if needed); the card is reset, as on insertion. */
  insert(name: string, card: InsertableCard): void {
    this.#cards.set(name, card);
    this.#monitor.update(name, { cardPresent: true, atr: card.reset() });
  }

  /** Takes the card out: open channels fail from now on. */
  remove(name: string): void {
    if (!this.#cards.has(name)) return;
    this.#cards.set(name, undefined);
    this.#monitor.update(name, { cardPresent: false });
  }

  async list(): Promise<ReaderInfo[]> {
    return this.#monitor.list();
  }

  watch(): ReaderWatch {
    return this.#monitor.watch();
  }

  async connect(name: string, _options: ConnectOptions = {}): Promise<CardChannel> {
    if (!this.#cards.has(name)) throw hcardError('HCARD_E_READER_NOT_FOUND', `"${name}"`, { reader: name });
    const card = this.#cards.get(name);
    if (!card) throw hcardError('HCARD_E_NO_CARD', `"${name}"`, { reader: name });
    if (this.#open.has(name))
      throw hcardError('HCARD_E_READER_BUSY', `"${name}" already has a channel`, { reader: name });
    this.#open.add(name);
    let closed = false;
    const channel = forwardChannel(card, async (command) => {
      if (closed) throw hcardError('HCARD_E_CHANNEL_CLOSED', `"${name}"`, { reader: name });
      // The card object stays the same while it is in the slot; a removal breaks the channel.
      if (this.#cards.get(name) !== card) {
        throw hcardError('HCARD_E_CARD_REMOVED', `"${name}"`, { reader: name, disconnected: true });
      }
      return card.transmit(command);
    });
    return withSerialize({
      ...channel,
      atr: card.atr,
      protocol: card.protocol,
      close: async () => {
        closed = true;
        this.#open.delete(name);
      },
    });
  }

  async close(): Promise<void> {
    this.#monitor.closeAll();
  }
}
