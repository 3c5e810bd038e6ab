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

/** Builds a channel that forwards everything to `inner` except what `overrides` replaces. */
export function forwardChannel(
  inner: CardChannel,
  transmit: (command: Uint8Array) => Promise<Uint8Array>,
): CardChannel {
  return {
    get atr() {
      return inner.atr;
    },
    get protocol() {
      return inner.protocol;
    },
    transmit,
    close: () => inner.close(),
  };
}
