/**
 * The snapshot-diff monitor every driver shares: a driver reports what it sees (readers, card
 * present, ATR) and the monitor turns differences into events with per-reader counters, and
 * hands them to every watch. Counters are never reset.
 */
import { equalBytes } from '@hcard/card-core';
import type { DriverKind, ReaderEvent, ReaderInfo, ReaderWatch } from './driver.js';

export interface ReaderState {
  readonly cardPresent: boolean;
  readonly atr?: Uint8Array;
  /**
   * The reader's own count of card insertions and removals, when the driver has one (pcsc-lite:
   * the high word of `dwEventState`). A card taken out and put back between two reports, or
   * swapped for one with the same ATR (cards of one batch often share it), shows only here.
   */
  readonly cardEvents?: number;
}

export class ReaderMonitor {
  readonly kind: DriverKind;
  readonly #readers = new Map<string, ReaderState>();
  readonly #counters = new Map<string, number>();
  readonly #watches = new Set<{ deliver: (event: ReaderEvent) => void; close: () => void }>();

  constructor(kind: DriverKind) {
    this.kind = kind;
  }

  list(): ReaderInfo[] {
    return [...this.#readers].map(([name, s]) => ({
      name,
      kind: this.kind,
      cardPresent: s.cardPresent,
      ...(s.atr ? { atr: s.atr } : {}),
      counter: this.#counters.get(name) ?? 0,
    }));
  }

  has(reader: string): boolean {
    return this.#readers.has(reader);
  }

  state(reader: string): ReaderState | undefined {
    return this.#readers.get(reader);
  }

  /** Reports a reader's current state; emits reader-added and card events as needed. */
  update(reader: string, state: ReaderState): void {
    const before = this.#readers.get(reader);
    this.#readers.set(reader, state);
    if (!before) this.#emit({ type: 'reader-added', reader });
    const wasPresent = before?.cardPresent ?? false;
    const sameCard =
      wasPresent &&
      state.cardPresent &&
      before?.atr &&
      state.atr &&
      equalBytes(before.atr, state.atr) &&
      (before.cardEvents === undefined ||
        state.cardEvents === undefined ||
        before.cardEvents === state.cardEvents);
    if (wasPresent && (!state.cardPresent || !sameCard)) this.#emit({ type: 'card-removed', reader });
    if (state.cardPresent && !sameCard)
      this.#emit({ type: 'card-inserted', reader, atr: state.atr ?? new Uint8Array() });
  }

  /** Reports that a reader is gone (a card in it counts as removed first). */
  remove(reader: string): void {
    const before = this.#readers.get(reader);
    if (!before) return;
    if (before.cardPresent) this.#emit({ type: 'card-removed', reader });
    this.#readers.delete(reader);
    this.#emit({ type: 'reader-removed', reader });
  }

  /** Keeps only `readers`, removing the rest. */
  retain(readers: ReadonlySet<string>): void {
    for (const name of [...this.#readers.keys()]) if (!readers.has(name)) this.remove(name);
  }

  #emit(event: DistributiveOmit<ReaderEvent, 'counter'>): void {
    const counter = (this.#counters.get(event.reader) ?? 0) + 1;
    this.#counters.set(event.reader, counter);
    const full = { ...event, counter } as ReaderEvent;
    for (const w of this.#watches) w.deliver(full);
  }

  /** A watch that starts with the current state and then receives every event. */
  watch(): ReaderWatch {
    const queue: ReaderEvent[] = [];
    let wake: (() => void) | undefined;
    let closed = false;
    const deliver = (e: ReaderEvent) => {
      queue.push(e);
      wake?.();
    };
    for (const info of this.list()) {
      queue.push({ type: 'reader-added', reader: info.name, counter: info.counter });
      if (info.cardPresent) {
        queue.push({
          type: 'card-inserted',
          reader: info.name,
          counter: info.counter,
          atr: info.atr ?? new Uint8Array(),
        });
      }
    }
    const close = () => {
      closed = true;
      this.#watches.delete(entry);
      wake?.();
    };
    const entry = { deliver, close };
    this.#watches.add(entry);
    return {
      close,
      [Symbol.asyncIterator]: () => ({
        next: async (): Promise<IteratorResult<ReaderEvent>> => {
          while (queue.length === 0 && !closed) await new Promise<void>((r) => (wake = r));
          wake = undefined;
          const value = queue.shift();
          return value ? { value, done: false } : { value: undefined, done: true };
        },
        return: async () => {
          close();
          return { value: undefined, done: true };
        },
      }),
    };
  }

  /** Ends every watch (the driver is closing). */
  closeAll(): void {
    for (const w of [...this.#watches]) w.close();
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
