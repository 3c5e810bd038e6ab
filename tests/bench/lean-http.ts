/**
 * A lean HTTP/1.1 client for the latency benchmarks: one keep-alive socket, the request's bytes
 * built once, the answer read by its Content-Length. A round trip to a `node:http` server
 * through `node:http`'s own client takes two to three times as long, at p50 and p99, as through
 * this one (http-floor.ts, BENCHMARKS.md): that is the client's cost, not the gateway's, and an
 * HIS's own client does not share it.
 */
import { connect, type Socket } from 'node:net';

const HEAD_END = Buffer.from('\r\n\r\n');

export class LeanHttpClient {
  private readonly request: Buffer;
  private received: Buffer[] = [];
  private size = 0;
  private waiting?: { resolve: (status: number) => void; reject: (e: Error) => void };

  private constructor(
    private readonly socket: Socket,
    url: URL,
    headers: Record<string, string>,
  ) {
    const lines = [`GET ${url.pathname}${url.search} HTTP/1.1`, `host: ${url.host}`];
    for (const [name, value] of Object.entries(headers))
      if (name.toLowerCase() !== 'host') lines.push(`${name}: ${value}`);
    this.request = Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1');
    socket.on('data', (chunk) => this.onData(chunk));
    socket.on('error', (e) => this.fail(e));
    socket.on('close', () => this.fail(new Error(`${url.host} closed the connection`)));
  }

  /** A client that sends `GET url` with `headers` (a `host` header in them is ignored). */
  static connect(url: string, headers: Record<string, string> = {}): Promise<LeanHttpClient> {
    const target = new URL(url);
    return new Promise((resolve, reject) => {
      const socket = connect(Number(target.port), target.hostname.replace(/^\[|\]$/g, ''));
      socket.setNoDelay(true);
      socket.once('error', reject);
      socket.once('connect', () => {
        socket.off('error', reject);
        resolve(new LeanHttpClient(socket, target, headers));
      });
    });
  }

  /** Milliseconds from sending the request to the answer's last byte; throws unless 200. */
  async timedGet(): Promise<number> {
    const started = performance.now();
    const status = await new Promise<number>((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.socket.write(this.request);
    });
    const elapsed = performance.now() - started;
    if (status !== 200) throw new Error(`answered ${status}`);
    return elapsed;
  }

  close(): void {
    this.socket.destroy();
  }

  private onData(chunk: Buffer): void {
    this.received.push(chunk);
    this.size += chunk.length;
    const all = this.received.length === 1 ? chunk : Buffer.concat(this.received, this.size);
    const headEnd = all.indexOf(HEAD_END);
    if (headEnd < 0) return;
    const head = all.subarray(0, headEnd).toString('latin1');
    const length = /\r\ncontent-length: *(\d+)/i.exec(head);
    if (!length) {
      this.fail(new Error(`an answer without Content-Length: ${head.split('\r\n')[0]}`));
      return;
    }
    const end = headEnd + HEAD_END.length + Number(length[1]);
    if (all.length < end) return;
    if (all.length > end) {
      this.fail(new Error('more bytes than one answer'));
      return;
    }
    this.received = [];
    this.size = 0;
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.resolve(Number(head.slice(9, 12)));
  }

  private fail(e: Error): void {
    this.received = [];
    this.size = 0;
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.reject(e);
  }
}
