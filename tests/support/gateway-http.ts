/**
 * Helpers for gateway tests over real sockets: a `node:http` request that may send any Host
 * header (fetch cannot), with a timeout on every wait; the check every error body must pass
 * (`{ error: { code, message, hint? } }`, a catalogue code with its HTTP status, no stack); token
 * entries for made-up clients; and a card wrapper that can hold, count or pull itself out of
 * the reader in the middle of a read.
 */
import { createHash } from 'node:crypto';
import { request } from 'node:http';
import type { CardProtocol } from '@hcard/card-core';
import { ERROR_CATALOGUE } from '@hcard/card-core';
import type { EmulatedHealthCard } from '@hcard/emulator';
import type { Scope, TokenEntry } from '@hcard/gateway';
import type { InsertableCard } from '@hcard/reader-driver';
import { expect } from 'vitest';
import { type GatewayRig, USER_READER } from './gateway-rig.js';

export interface RawResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
  /** The body parsed as JSON (undefined when it is not JSON). */
  readonly json: unknown;
}

export interface RawRequest {
  /** 127.0.0.1 or ::1 only. */
  readonly address?: '127.0.0.1' | '::1';
  readonly port: number;
  readonly path: string;
  readonly method?: string;
  readonly headers?: Record<string, string>;
  readonly body?: string | Buffer;
  readonly timeoutMs?: number;
}

/** One HTTP request over a fresh socket; the Host header is whatever `headers.host` says. */
export function rawRequest(options: RawRequest): Promise<RawResponse> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: options.address ?? '127.0.0.1',
        port: options.port,
        path: options.path,
        method: options.method ?? 'GET',
        headers: options.headers ?? {},
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          clearTimeout(timer);
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
      },
    );
    const timer = setTimeout(
      () => req.destroy(new Error(`no answer within ${timeoutMs} ms: ${options.path}`)),
      timeoutMs,
    );
    req.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

export const portOf = (url: string): number => Number(new URL(url).port);

/** fetch with a timeout. */
export function fetchWithin(url: string, init: RequestInit = {}, timeoutMs = 10_000): Promise<Response> {
  return fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
}

/** Rejects when `promise` has not settled within `ms`. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: not done within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The one shape of every error answer: `{ error: { code, message, hint? } }`, a catalogue code
 * whose HTTP status is the one answered, the catalogue's message, and nothing that looks like a
 * stack trace.
 */
export function expectErrorBody(status: number, body: unknown, code: string, text?: string): void {
  expect(body, `body of a ${status}`).toMatchObject({ error: { code } });
  const error = (body as { error: Record<string, unknown> }).error;
  expect(Object.keys(body as object)).toEqual(['error']);
  for (const key of Object.keys(error)) expect(['code', 'message', 'hint']).toContain(key);
  expect(Object.keys(ERROR_CATALOGUE)).toContain(code);
  const entry = ERROR_CATALOGUE[code as keyof typeof ERROR_CATALOGUE];
  expect(status).toBe(entry.http);
  expect(typeof error.message).toBe('string');
  expect(String(error.message).startsWith(entry.message)).toBe(true);
  if ('hint' in error) expect(typeof error.hint).toBe('string');
  const raw = text ?? JSON.stringify(body);
  expect(raw).not.toMatch(/\bstack\b/i);
  expect(raw).not.toMatch(/\n\s+at |\bat .*\.(ts|js):\d+/);
  expect(raw).not.toMatch(/node_modules|\/work\//);
}

export async function expectErrorResponse(
  res: Response | RawResponse,
  status: number,
  code: string,
): Promise<void> {
  if (res instanceof Response) {
    const text = await res.text();
    expect(res.status, text).toBe(status);
    expect(res.headers.get('content-type') ?? '').toMatch(/^application\/json/);
    expectErrorBody(res.status, JSON.parse(text), code, text);
  } else {
    expect(res.status, res.text).toBe(status);
    expect(String(res.headers['content-type'] ?? '')).toMatch(/^application\/json/);
    expectErrorBody(res.status, res.json, code, res.text);
  }
}

/** A config token entry for `token` (any string starting hcard_). */
export function tokenEntry(
  client: string,
  scopes: readonly Scope[],
  token = `hcard_test-${client}`,
): TokenEntry {
  const sha256 = createHash('sha256').update(token).digest('hex');
  return {
    id: sha256.slice(0, 12),
    client,
    scopes: [...scopes],
    sha256,
    created: '2026-01-01T00:00:00.000Z',
  };
}

/**
 * A card in a slot that forwards to an emulated card and can be told to wait before an APDU
 * (`hold()` … `release()`), or to run something after the n-th APDU of its life (`after(n, fn)`),
 * e.g. pull itself out of the reader. Counts what it forwarded.
 *
 * The emulated card answers within the same turn of the event loop, so without `latencyMs` a
 * whole card read runs before the server even accepts the next request: nothing would overlap.
 * A real reader takes milliseconds per APDU; `latencyMs` (default 1) gives each APDU a timer.
 */
export class ControlledCard {
  transmits = 0;
  #gate: Promise<void> | undefined;
  #open: (() => void) | undefined;
  #waiting: (() => void) | undefined;
  #actions = new Map<number, () => void>();

  constructor(
    readonly inner: EmulatedHealthCard,
    readonly latencyMs = 1,
  ) {}

  get atr(): Uint8Array {
    return this.inner.atr;
  }

  get protocol(): CardProtocol {
    return this.inner.protocol;
  }

  reset(): Uint8Array {
    return this.inner.reset();
  }

  async close(): Promise<void> {}

  /** From now on every APDU waits until `release()`. Resolves once one is waiting. */
  hold(): Promise<void> {
    this.#gate = new Promise((resolve) => {
      this.#open = resolve;
    });
    return new Promise((resolve) => {
      this.#waiting = resolve;
    });
  }

  release(): void {
    this.#open?.();
    this.#gate = undefined;
  }

  /** Runs `action` right after the `n`-th APDU (counted from creation) got its answer. */
  after(n: number, action: () => void): void {
    this.#actions.set(n, action);
  }

  async transmit(command: Uint8Array): Promise<Uint8Array> {
    if (this.#gate) {
      this.#waiting?.();
      await this.#gate;
    }
    if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
    const answer = await this.inner.transmit(command);
    this.transmits++;
    const action = this.#actions.get(this.transmits);
    if (action) {
      this.#actions.delete(this.transmits);
      action();
    }
    return answer;
  }
}

/** Takes out whatever card is in `reader` and puts `card` in, as a person would; waits for the events. */
export async function putCard(r: GatewayRig, card: InsertableCard, reader = USER_READER): Promise<void> {
  const counter = r.service.counter(reader);
  const present = (await r.driver.list()).some((info) => info.name === reader && info.cardPresent);
  const events = present ? 2 : 1;
  r.driver.remove(reader);
  r.driver.insert(reader, card);
  for (let i = 0; i < 200 && r.service.counter(reader) < counter + events; i++)
    await new Promise((resolve) => setTimeout(resolve, 5));
  expect(r.service.counter(reader), 'the service saw removal and insertion').toBeGreaterThanOrEqual(
    counter + events,
  );
}

/** Polls `condition` every 5 ms for up to `ms`; fails the test naming `what` if it never holds. */
export async function until(condition: () => boolean, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!condition() && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(condition(), what).toBe(true);
}
