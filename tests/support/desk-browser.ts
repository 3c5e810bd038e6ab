/**
 * What the desk page's browser tests share: Debian's Chromium and its flags, bounded waits, and
 * watching the page for a condition from inside it (a MutationObserver, so that the time the
 * page first showed something is the page's own), and a gateway without the events route.
 */
import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
// testing/virtual-pcsc.md: flags that avoid the closed network's stalls.
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Why Chromium cannot run here, or undefined (under CI a missing Chromium fails instead). */
export const chromiumUnavailable = (): string | undefined =>
  process.env.CI || existsSync(CHROMIUM) ? undefined : 'chromium is not installed';

/** 1406**********5929: the first and last four characters, as the page masks numbers. */
export const masked = (id: string): string => `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;

/** `promise`, or undefined (with a warning naming `what`) when it takes longer than `ms`. */
export async function bounded<T>(promise: Promise<T>, ms: number, what: string): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => {
      console.warn(`desk e2e: ${what} took longer than ${ms} ms; going on`);
      resolve(undefined);
    }, ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

let watches = 0;

/**
 * Starts watching the page for `condition` (a JS expression), on every DOM change and every
 * load event (the photo); the returned function gives the page's Date.now() when it first held,
 * or throws when it did not hold within `ms`.
 */
export async function watchFor(page: Page, condition: string) {
  const key = `__deskWatch${++watches}`;
  await page.evaluate(`void (window.${key} = new Promise((resolve) => {
    const check = () => {
      if (!(${condition})) return;
      observer.disconnect();
      document.removeEventListener('load', check, true);
      resolve(Date.now());
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    document.addEventListener('load', check, true);
    check();
  }))`); // void: evaluate would wait for the promise
  return async (ms = 5000): Promise<number> => {
    const at = await bounded(page.evaluate<number>(`window.${key}`), ms, `waiting for ${condition}`);
    if (at === undefined) throw new Error(`the page never showed: ${condition}`);
    return at;
  };
}

/**
 * The browser gets 404 for GET /v1/events, as from a gateway without that route, so the page
 * falls back to polling GET /v1/readers.
 */
export async function withoutEventsRoute(page: Page): Promise<void> {
  await page.route('**/v1/events', (route) =>
    route.fulfill({
      status: 404,
      contentType: 'application/json',
      body: JSON.stringify({ error: { code: 'HCARD_E_NOT_FOUND', message: 'No such route' } }),
    }),
  );
}
