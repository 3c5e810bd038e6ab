/**
 * In-process driver: named slots that hold emulated cards (any CardChannel that can be reset).
 * Same interface and events as the PC/SC driver, without a daemon: for unit tests and for
 * machines without PC/SC.
 *
 * Connect options mean what they mean through pcscd (checked against pcsc-lite 1.9.9 with vpcd,
 * tests/pcsc/driver-parity.e2e.test.ts runs the same cases through both drivers):
 *
 * - Disposition on close: `leave` keeps the card powered with its selection and security state;
 *   `reset` and `unpower` reset it (an emulated card's `reset()`: selection and security state
 *   lost), and any other connection still open to it then fails with HCARD_E_CARD_REMOVED, as
 *   pcscd answers SCARD_W_RESET_CARD to the other handles until they reconnect. `eject` leaves
 *   the card as it is: pcscd asks the reader to eject with a CT-BCS command only IFD-handler-v2
 *   readers receive; vpcd and ordinary contact readers cannot eject, so pcscd logs "Error
 *   ejecting card." and the card stays powered with its state.
 * - Share mode: an `exclusive` connection is refused while any other connection to the reader
 *   is open, and while it is open every other connect is refused (HCARD_E_READER_BUSY, what
 *   SCARD_E_SHARING_VIOLATION maps to); `shared` connections coexist. "Other connection" means
 *   another application, as another PcscDriver (another PC/SC context) is to pcscd: use `peer()`
 *   for one. Like a PcscDriver, one driver holds at most one channel per reader.
 *
 * Not modelled: pcscd powers down a card no connection uses after a grace period (two status
 * polls, 0.4–0.8 s with vpcd), so through pcscd `leave` keeps the state only for a connection
 * that follows promptly; here it keeps it until the next reset.
 */
import { type CardChannel, hcardError, withSerialize } from '@hcard/card-core';
import type { ConnectOptions, ReaderDriver, ReaderInfo, ReaderWatch, ShareMode } from '../driver.js';
import { ReaderMonitor } from '../monitor.js';

/** What a slot can hold: an emulated card (EmulatedHealthCard, EmulatedPsam …). */
export interface InsertableCard extends CardChannel {
  reset(): Uint8Array;
}

/** One open connection to a reader, whichever driver (peer) opened it. */
interface Connection {
  readonly shareMode: ShareMode;
  /** Set when another connection reset the card: this one fails until it is closed. */
  resetByOther?: boolean;
}

/** The readers themselves, shared by peer drivers as pcscd's readers are by its clients. */
class Slots {
  readonly monitor = new ReaderMonitor('emulator');
  readonly cards = new Map<string, InsertableCard | undefined>();
  readonly connections = new Map<string, Set<Connection>>();
}

export class EmulatorDriver implements ReaderDriver {
  readonly kind = 'emulator' as const;
  #slots = new Slots();
  /** Readers this driver has a channel to. */
  readonly #open = new Set<string>();
  readonly #watches = new Set<ReaderWatch>();

  /**
   * Another application on the same readers: a driver that sees the same slots, cards and
   * events, and competes for the readers under the share modes as a second PcscDriver does
   * through pcscd.
   */
  peer(): EmulatorDriver {
    const other = new EmulatorDriver();
    other.#slots = this.#slots;
    return other;
  }

  /** Adds an empty reader slot. */
  addReader(name: string): void {
    if (!this.#slots.cards.has(name)) this.#slots.cards.set(name, undefined);
    this.#slots.monitor.update(name, { cardPresent: false });
  }

  removeReader(name: string): void {
    this.#slots.cards.delete(name);
    this.#slots.monitor.remove(name);
  }

  /** Puts a card into a slot (adding the slot if needed); the card is reset, as on insertion. */
  insert(name: string, card: InsertableCard): void {
    this.#slots.cards.set(name, card);
    this.#slots.monitor.update(name, { cardPresent: true, atr: card.reset() });
  }

  /** Takes the card out: open channels fail from now on. */
  remove(name: string): void {
    if (!this.#slots.cards.has(name)) return;
    this.#slots.cards.set(name, undefined);
    this.#slots.monitor.update(name, { cardPresent: false });
  }

  async list(): Promise<ReaderInfo[]> {
    return this.#slots.monitor.list();
  }

  watch(): ReaderWatch {
    const inner = this.#slots.monitor.watch();
    const watch: ReaderWatch = {
      close: () => {
        this.#watches.delete(watch);
        inner.close();
      },
      [Symbol.asyncIterator]: () => {
        const events = inner[Symbol.asyncIterator]();
        return {
          next: () => events.next(),
          return: async () => {
            watch.close();
            return { value: undefined, done: true };
          },
        };
      },
    };
    this.#watches.add(watch);
    return watch;
  }

  async connect(name: string, options: ConnectOptions = {}): Promise<CardChannel> {
    const slots = this.#slots;
    if (!slots.cards.has(name)) throw hcardError('HCARD_E_READER_NOT_FOUND', `"${name}"`, { reader: name });
    const card = slots.cards.get(name);
    if (!card) throw hcardError('HCARD_E_NO_CARD', `"${name}"`, { reader: name });
    if (this.#open.has(name))
      throw hcardError('HCARD_E_READER_BUSY', `"${name}" already has a channel`, { reader: name });
    const shareMode = options.shareMode ?? 'shared';
    // Every connection open to this reader, from this driver or a peer: pcscd's sharing state.
    const others = slots.connections.get(name) ?? new Set<Connection>();
    const exclusiveHeld = [...others].some((c) => c.shareMode === 'exclusive');
    if (others.size > 0 && (shareMode === 'exclusive' || exclusiveHeld)) {
      const why = exclusiveHeld
        ? 'another connection holds it exclusively'
        : 'exclusive access while another connection is open';
      throw hcardError('HCARD_E_READER_BUSY', `"${name}": ${why}`, { reader: name });
    }
    slots.connections.set(name, others);
    const connection: Connection = { shareMode };
    others.add(connection);
    this.#open.add(name);
    const disposition = options.disposition ?? 'leave';
    let closed = false;
    const transmit = async (command: Uint8Array): Promise<Uint8Array> => {
      if (closed) throw hcardError('HCARD_E_CHANNEL_CLOSED', `"${name}"`, { reader: name });
      // The card object stays the same while it is in the slot; a removal breaks the channel.
      if (slots.cards.get(name) !== card) {
        throw hcardError('HCARD_E_CARD_REMOVED', `"${name}"`, { reader: name, disconnected: true });
      }
      // pcscd answers SCARD_W_RESET_CARD to every other handle until it reconnects.
      if (connection.resetByOther) {
        throw hcardError('HCARD_E_CARD_REMOVED', `"${name}": another connection reset the card`, {
          reader: name,
          disconnected: true,
        });
      }
      return card.transmit(command);
    };
    return withSerialize({
      atr: card.atr,
      protocol: card.protocol,
      transmit,
      close: async () => {
        if (closed) return;
        closed = true;
        this.#open.delete(name);
        others.delete(connection);
        // A card that is already gone cannot be disposed of; that is not the caller's problem.
        if ((disposition === 'reset' || disposition === 'unpower') && slots.cards.get(name) === card) {
          const atr = card.reset();
          for (const other of others) other.resetByOther = true;
          slots.monitor.update(name, { cardPresent: true, atr });
        }
      },
    });
  }

  /** Ends this driver's watches; its channels, like a PcscDriver's, stay usable until closed. */
  async close(): Promise<void> {
    for (const watch of [...this.#watches]) watch.close();
  }
}
