/** Serialize decorator: one exchange at a time per channel, in call order (FIFO). */
import { type CardChannel, forwardChannel } from './card-channel.js';

export function withSerialize(inner: CardChannel): CardChannel {
  let tail: Promise<unknown> = Promise.resolve();
  return forwardChannel(inner, (command) => {
    const run = tail.then(
      () => inner.transmit(command),
      () => inner.transmit(command),
    );
    tail = run.catch(() => undefined);
    return run;
  });
}
