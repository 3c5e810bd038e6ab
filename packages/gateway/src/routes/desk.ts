/**
 * The desk page at /desk: static files from ../desk (index.html, desk.js, desk.css, icon.svg), read
 * once at start and served from a fixed table (no file-system paths from the URL). The page
 * holds no secret, so its routes are public; it authenticates like any client, with a token the
 * operator pastes in. Every answer carries a strict Content-Security-Policy (own origin only, no
 * inline script or style, no string-to-HTML sinks) and is never cached.
 */
import { readFileSync } from 'node:fs';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

const DIR = new URL('../desk/', import.meta.url);

export const DESK_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  // The card photo is shown through a blob: URL, revoked when the card goes.
  "img-src 'self' blob:",
  "connect-src 'self'",
  "base-uri 'none'",
  // The login form is handled by script; without it the token must not go anywhere.
  "form-action 'none'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  "trusted-types 'none'",
].join('; ');

const FILES = {
  'index.html': 'text/html; charset=utf-8',
  'desk.js': 'text/javascript; charset=utf-8',
  'desk.css': 'text/css; charset=utf-8',
  'icon.svg': 'image/svg+xml',
} as const;

export const deskRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const files = Object.entries(FILES).map(([name, type]) => ({
    name,
    type,
    body: readFileSync(new URL(name, DIR)),
  }));
  for (const { name, type, body } of files) {
    const urls = name === 'index.html' ? ['/desk', '/desk/'] : [`/desk/${name}`];
    for (const url of urls)
      app.get(url, { config: { scope: 'public' }, schema: { hide: true } }, async (_request, reply) =>
        reply
          .header('content-type', type)
          .header('content-security-policy', DESK_CSP)
          .header('cache-control', 'no-store')
          .header('x-content-type-options', 'nosniff')
          .header('referrer-policy', 'no-referrer')
          .header('cross-origin-opener-policy', 'same-origin')
          .send(body),
      );
  }
};
