/**
 * The one contract every card path implements: PC/SC, serial readers, the emulator, a
 * transcript replayer. One exchange at a time; bytes passed in are never mutated. `transmit`
 * returns the raw response (data ‖ SW1 SW2) and rejects only for transport failures.
 */
export type CardProtocol = 'T=0' | 'T=1' | 'T=CL' | 'raw';

export interface CardChannel {
  readonly atr: Uint8Array;
  readonly protocol: CardProtocol;
  transmit(command: Uint8Array): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** A decorator takes a channel and returns one with extra behaviour. */
export type ChannelDecorator = (inner: CardChannel) => CardChannel;

/** Builds a channel that forwards everything to `inner` except `transmit`. */
export function forwardChannel(
  inner: CardChannel,
  transmit: (command: Uint8Array) => Promise<Uint8Array>,
): CardChannel {
  return new ForwardedChannel(inner, transmit);
}

// A class, not an object literal with getters: one is built per connection and decorator, and
// the literals' allocations were kept past scavenges (BENCHMARKS.md, "what each scavenge kept").
class ForwardedChannel implements CardChannel {
  readonly #inner: CardChannel;
  readonly transmit: (command: Uint8Array) => Promise<Uint8Array>;

  constructor(inner: CardChannel, transmit: (command: Uint8Array) => Promise<Uint8Array>) {
    this.#inner = inner;
    this.transmit = transmit;
  }

  get atr(): Uint8Array {
    return this.#inner.atr;
  }

  get protocol(): CardProtocol {
    return this.#inner.protocol;
  }

  close(): Promise<void> {
    return this.#inner.close();
  }
}
