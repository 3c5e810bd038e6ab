/**
 * What the ID-card reader needs from a connection: write a frame, receive the next response
 * frame within a time limit, drop stale input, close. Serial ports and HID devices implement it
 * by feeding their bytes to a FrameReceiver.
 */
import { type HcardError, hcardError } from '@hcard/card-core';
import { FrameDecoder, parseResponseBody, type ResponseFrame } from './frame.js';

export interface IdCardTransport {
  /** Where the reader is (a port path), for messages. */
  readonly description: string;
  write(frame: Uint8Array): Promise<void>;
  /**
   * The next response frame. Rejects with HCARD_E_IDCARD_TIMEOUT after `timeoutMs`, with the
   * decoder's catalogue error (wrong checksum, malformed frame) when one comes first, and with
   * HCARD_E_IDCARD_PORT_FAILED once the connection is gone.
   */
  receive(timeoutMs: number): Promise<ResponseFrame>;
  /** Forgets frames and bytes received so far: they answer an earlier command. */
  discardPending(): void;
  close(): Promise<void>;
}

type Received = { readonly frame: ResponseFrame } | { readonly error: HcardError };

/** Turns a byte stream into queued response frames and errors, served to `receive` in order. */
export class FrameReceiver {
  readonly #decoder = new FrameDecoder();
  readonly #queue: Received[] = [];
  #waiter: ((item: Received) => void) | undefined;
  #closed: HcardError | undefined;

  constructor(readonly description: string) {}

  push(chunk: Uint8Array): void {
    for (const item of this.#decoder.push(chunk)) {
      if (item.kind === 'error') this.#deliver({ error: item.error });
      else {
        try {
          this.#deliver({ frame: parseResponseBody(item.body) });
        } catch (e) {
          this.#deliver({ error: e as HcardError });
        }
      }
    }
  }

  /** The connection is gone: every receive from now on fails with `error`. */
  fail(error: HcardError): void {
    this.#closed ??= error;
    this.#deliver({ error: this.#closed });
  }

  discardPending(): void {
    this.#queue.length = 0;
    this.#decoder.reset();
  }

  receive(timeoutMs: number): Promise<ResponseFrame> {
    const queued = this.#queue.shift();
    if (queued) return settle(queued);
    if (this.#closed) return Promise.reject(this.#closed);
    if (this.#waiter) {
      return Promise.reject(hcardError('HCARD_E_INTERNAL', 'two receives at once on one ID-card transport'));
    }
    return new Promise<ResponseFrame>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiter = undefined;
        reject(
          hcardError('HCARD_E_IDCARD_TIMEOUT', `no answer within ${timeoutMs} ms on ${this.description}`, {
            timeoutMs,
            port: this.description,
            bytesPending: this.#decoder.pending,
          }),
        );
      }, timeoutMs);
      this.#waiter = (item) => {
        clearTimeout(timer);
        this.#waiter = undefined;
        settle(item).then(resolve, reject);
      };
    });
  }

  #deliver(item: Received): void {
    if (this.#waiter) this.#waiter(item);
    else if (!('error' in item && item.error === this.#closed)) this.#queue.push(item);
  }
}

function settle(item: Received): Promise<ResponseFrame> {
  return 'frame' in item ? Promise.resolve(item.frame) : Promise.reject(item.error);
}
