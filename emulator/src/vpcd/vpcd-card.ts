/**
 * Serves an emulated card to pcscd's vpcd driver (vsmartcard), so PC/SC applications see it in a
 * "Virtual PCD" reader. The card is the TCP client: it connects to the reader's port; every
 * message is a 2-byte big-endian length and a payload. A 1-byte payload is a control code
 * (00 power off, 01 power on, 02 reset, 04 get ATR); anything longer is a command APDU, answered
 * with the response APDU (testing/virtual-pcsc.md).
 *
 * "Inserting" the card is connecting; "removing" it is closing the socket. When pcscd restarts
 * the socket drops and the card reconnects by itself until it is removed.
 */
import { Socket } from 'node:net';

/** What the bridge needs from an emulated card. */
export interface VpcdCardLike {
  readonly atr: Uint8Array;
  process(command: Uint8Array): Uint8Array;
  reset(): Uint8Array;
}

export interface VpcdCardOptions {
  readonly host?: string;
  /** vpcd's port: 35963 for "Virtual PCD 00 00", 35964 for "… 00 01" with Debian's config. */
  readonly port?: number;
  /** Delay between reconnection attempts while pcscd is away. */
  readonly retryMs?: number;
}

export const VPCD_DEFAULT_PORT = 35963;

const CONTROL = { POWER_OFF: 0x00, POWER_ON: 0x01, RESET: 0x02, GET_ATR: 0x04 } as const;

export class VpcdCard {
  readonly card: VpcdCardLike;
  readonly host: string;
  readonly port: number;
  readonly #retryMs: number;
  #socket: Socket | undefined;
  #inserted = false;
  #buffer = Buffer.alloc(0);
  #retry: NodeJS.Timeout | undefined;
  #connectedWaiters: (() => void)[] = [];
  /** APDUs answered since creation. */
  apduCount = 0;

  constructor(card: VpcdCardLike, options: VpcdCardOptions = {}) {
    this.card = card;
    this.host = options.host ?? '127.0.0.1';
    this.port = options.port ?? VPCD_DEFAULT_PORT;
    this.#retryMs = options.retryMs ?? 200;
  }

  get connected(): boolean {
    return this.#socket !== undefined && !this.#socket.connecting && !this.#socket.destroyed;
  }

  /** Puts the card in the reader; resolves once vpcd has accepted the connection. */
  insert(): Promise<void> {
    this.#inserted = true;
    const connected = new Promise<void>((resolve) => this.#connectedWaiters.push(resolve));
    if (!this.#socket) this.#connect();
    else if (this.connected) this.#notifyConnected();
    return connected;
  }

  /** Takes the card out: closes the connection and stops reconnecting. */
  remove(): void {
    this.#inserted = false;
    clearTimeout(this.#retry);
    this.#socket?.destroy();
    this.#socket = undefined;
  }

  #notifyConnected(): void {
    for (const resolve of this.#connectedWaiters.splice(0)) resolve();
  }

  #connect(): void {
    const socket = new Socket();
    this.#socket = socket;
    this.#buffer = Buffer.alloc(0);
    socket.setNoDelay(true);
    socket.on('connect', () => this.#notifyConnected());
    socket.on('data', (chunk) => this.#onData(socket, chunk));
    socket.on('error', () => undefined); // 'close' follows and decides what to do
    socket.on('close', () => {
      if (this.#socket !== socket) return;
      this.#socket = undefined;
      if (this.#inserted) this.#retry = setTimeout(() => this.#connect(), this.#retryMs);
    });
    socket.connect(this.port, this.host);
  }

  #onData(socket: Socket, chunk: Buffer): void {
    this.#buffer = Buffer.concat([this.#buffer, chunk]);
    while (this.#buffer.length >= 2) {
      const length = this.#buffer.readUInt16BE(0);
      if (this.#buffer.length < 2 + length) return;
      const payload = new Uint8Array(this.#buffer.subarray(2, 2 + length));
      this.#buffer = this.#buffer.subarray(2 + length);
      const answer = this.#answer(payload);
      if (answer) socket.write(frame(answer));
    }
  }

  #answer(payload: Uint8Array): Uint8Array | undefined {
    if (payload.length === 1) {
      switch (payload[0]) {
        case CONTROL.POWER_OFF:
        case CONTROL.POWER_ON:
        case CONTROL.RESET:
          this.card.reset();
          return undefined;
        case CONTROL.GET_ATR:
          return this.card.atr;
        default:
          return undefined;
      }
    }
    this.apduCount++;
    return this.card.process(payload);
  }
}

function frame(payload: Uint8Array): Buffer {
  const out = Buffer.alloc(2 + payload.length);
  out.writeUInt16BE(payload.length, 0);
  out.set(payload, 2);
  return out;
}
