/**
 * Listening: the app from buildApp on every address of `config.listen` (127.0.0.1 and ::1 by
 * default, so loopback only unless the config says otherwise), one port. Extra addresses get
 * their own server sharing the app's handler (and its WebSocket upgrades), as Fastify does
 * for "localhost". An address the machine lacks (no IPv6) is skipped with a warning; a port
 * in use fails the start.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hcardError } from '@hcard/card-core';
import { buildApp, type GatewayDeps } from './app.js';
import type { GatewayConfig } from './config/config.js';

export interface RunningGateway {
  readonly app: Awaited<ReturnType<typeof buildApp>>;
  /** URLs served, e.g. http://127.0.0.1:7130 and http://[::1]:7130. */
  readonly urls: readonly string[];
  /** Addresses configured but not available on this machine, with the reason. */
  readonly skipped: readonly { address: string; reason: string }[];
  readonly port: number;
  close(): Promise<void>;
}

const urlOf = (address: string, port: number) =>
  `http://${address.includes(':') ? `[${address}]` : address}:${port}`;

function listenFailed(address: string, port: number, e: unknown) {
  const code = (e as NodeJS.ErrnoException).code ?? 'failed';
  return hcardError(
    'HCARD_E_LISTEN_FAILED',
    `${urlOf(address, port)} (${code})`,
    { address, port, reason: code },
    e,
  );
}

/** Builds the app and listens; `config.port` 0 picks a free port (tests). */
export async function startServer(config: GatewayConfig, deps: GatewayDeps): Promise<RunningGateway> {
  const app = await buildApp(config, deps);
  const [first, ...rest] = config.listen;
  try {
    await app.listen({ host: first!, port: config.port });
  } catch (e) {
    await app.close();
    throw listenFailed(first!, config.port, e);
  }
  const port = (app.server.address() as AddressInfo).port;
  const urls = [urlOf(first!, port)];
  const skipped: { address: string; reason: string }[] = [];
  const extra: Server[] = [];
  const handler = app.server.listeners('request')[0] as Parameters<typeof createServer>[1];
  for (const address of rest) {
    const server = createServer(handler);
    server.on('upgrade', (...args) => app.server.emit('upgrade', ...args));
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen({ host: address, port }, () => resolve());
      });
      extra.push(server);
      urls.push(urlOf(address, port));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // No such address here (IPv6 off): serve the others. Anything else is a failed start.
      if (code === 'EADDRNOTAVAIL' || code === 'EAFNOSUPPORT') {
        skipped.push({ address, reason: code });
        continue;
      }
      await Promise.all(extra.map((s) => new Promise((r) => s.close(r))));
      await app.close();
      throw listenFailed(address, port, e);
    }
  }
  return {
    app,
    urls,
    skipped,
    port,
    close: async () => {
      // Together: an extra server's close waits for its upgraded sockets (WebSockets), which
      // only the app's close ends. Like Fastify's, it closes idle keep-alive connections and
      // lets a request in flight finish.
      await Promise.all([app.close(), ...extra.map((s) => new Promise((r) => s.close(r)))]);
    },
  };
}
