/**
 * The latency benchmarks' lean HTTP client (tests/bench/lean-http.ts) against a real
 * `node:http` server on 127.0.0.1: what it sends, answers split over several packets, and the
 * answers it must not take for a success.
 */
import { createServer, type IncomingHttpHeaders, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { LeanHttpClient } from './lean-http.js';

let server: Server | undefined;
let client: LeanHttpClient | undefined;
afterEach(async () => {
  client?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = client = undefined;
});

async function serve(listener: RequestListener): Promise<string> {
  server = createServer(listener);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('LeanHttpClient', () => {
  it('sends its path, query and headers on one keep-alive connection, and times each answer', async () => {
    const seen: { url?: string; headers: IncomingHttpHeaders; socket: unknown }[] = [];
    const base = await serve((req, res) => {
      seen.push({ url: req.url, headers: req.headers, socket: req.socket });
      res.writeHead(200, { 'content-length': 2 }).end('{}');
    });
    client = await LeanHttpClient.connect(`${base}/v1/x?sections=a,b`, {
      host: 'ignored.example',
      authorization: 'Bearer t0k',
    });
    for (let i = 0; i < 3; i++) expect(await client.timedGet()).toBeGreaterThan(0);
    expect(seen.map((s) => s.url)).toEqual(Array(3).fill('/v1/x?sections=a,b'));
    expect(seen[0]!.headers.host).toBe(new URL(base).host);
    expect(seen[0]!.headers.authorization).toBe('Bearer t0k');
    expect(new Set(seen.map((s) => s.socket)).size).toBe(1);
  });

  it('waits for the last byte of an answer that arrives in pieces', async () => {
    const base = await serve((_req, res) => {
      res.writeHead(200, { 'content-length': 8 });
      res.flushHeaders();
      res.write('1234');
      setTimeout(() => res.end('5678'), 60);
    });
    client = await LeanHttpClient.connect(base);
    expect(await client.timedGet()).toBeGreaterThanOrEqual(50);
  });

  it('rejects an answer other than 200, and one without Content-Length', async () => {
    const base = await serve((req, res) => {
      if (req.url === '/missing') res.writeHead(404, { 'content-length': 0 }).end();
      else res.writeHead(200).end('chunked');
    });
    client = await LeanHttpClient.connect(`${base}/missing`);
    await expect(client.timedGet()).rejects.toThrow('answered 404');
    client.close();
    client = await LeanHttpClient.connect(`${base}/chunked`);
    await expect(client.timedGet()).rejects.toThrow('without Content-Length');
  });
});
