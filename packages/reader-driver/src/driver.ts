/**
 * The one interface every reader technology implements (architecture.md §3): list readers,
 * connect to a card, watch reader and card events, close.
 */
import type { CardChannel } from '@hcard/card-core';

export type DriverKind = 'pcsc' | 'emulator';

export interface ReaderInfo {
  /** Stable name the driver knows the reader by (PC/SC reader name). */
  readonly name: string;
  readonly kind: DriverKind;
  readonly cardPresent: boolean;
  /** ATR of the card in the reader, when there is one. */
  readonly atr?: Uint8Array;
  /** Events seen for this reader so far (the counter of its latest event). */
  readonly counter: number;
}

/**
 * Reader and card events. `counter` increases by one with every event of that reader and never
 * goes back, not even across a reader's removal or a pcscd restart, so a client can order
 * events and spot ones it missed.
 */
export type ReaderEvent =
  | { readonly type: 'reader-added'; readonly reader: string; readonly counter: number }
  | { readonly type: 'reader-removed'; readonly reader: string; readonly counter: number }
  | {
      readonly type: 'card-inserted';
      readonly reader: string;
      readonly counter: number;
      readonly atr: Uint8Array;
    }
  | { readonly type: 'card-removed'; readonly reader: string; readonly counter: number };

export type ShareMode = 'shared' | 'exclusive';
/** What happens to the card when the channel closes. */
export type Disposition = 'leave' | 'reset' | 'unpower' | 'eject';

export interface ConnectOptions {
  readonly shareMode?: ShareMode;
  /** Protocols the caller accepts; default both. */
  readonly protocols?: readonly ('T=0' | 'T=1')[];
  readonly disposition?: Disposition;
}

/** A watch: an async iterable of events that stops when `close()` is called. */
export interface ReaderWatch extends AsyncIterable<ReaderEvent> {
  close(): void;
}

export interface ReaderDriver {
  readonly kind: DriverKind;
  list(): Promise<ReaderInfo[]>;
  connect(reader: string, options?: ConnectOptions): Promise<CardChannel>;
  /** A new watch first receives the current state (reader-added, card-inserted), then changes. */
  watch(): ReaderWatch;
  close(): Promise<void>;
}
