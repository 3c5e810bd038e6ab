/**
 * The desk page (/desk) in Debian's Chromium, driven by playwright-core, against the gateway
 * built on the real PC/SC driver, with emulated cards in pcscd's vpcd readers: log in with a
 * token, insert a card, see who it is, register a visit, take the card out and find nothing of
 * it left on the page. The page follows GET /v1/events; a gateway without that route gets
 * polled instead (tested with the route answered 404 in the browser). This gateway has no ID-card
 * reader: the page shows the identity verdict and no ID-card panel, and asks nothing of
 * /v1/idcard (desk-identity.e2e.test.ts has the ID-card reader). Every wait is bounded. The
 * screenshot goes to tests/artifacts/desk.png (not committed).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HEALTH_CARD_PROFILE, IDENTITY_CHECKS } from '@hcard/card-core';
import {
  buildPsamImage,
  EmulatedHealthCard,
  EmulatedPsam,
  generateCard,
  TEST_PSAM_PIN,
} from '@hcard/emulator';
import { buildApp, createToken, eventId, ReaderService, readConfigFile } from '@hcard/gateway';
import { PcscDriver } from '@hcard/reader-driver';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  bounded,
  CHROMIUM,
  CHROMIUM_FLAGS,
  chromiumUnavailable,
  masked,
  watchFor,
  withoutEventsRoute,
} from '../support/desk-browser.js';
import { PcscRig, pcscUnavailable, READERS, waitFor } from '../support/pcsc-rig.js';

const SCREENSHOT = fileURLToPath(new URL('../artifacts/desk.png', import.meta.url));
const DESK_FILES = fileURLToPath(new URL('../../packages/gateway/src/desk/', import.meta.url));
const HOSPITAL = '示例市第一人民医院';
const READER = READERS.user.name;
/** Seconds a desk user may wait for the card to show after it goes in. */
const SHOW_WITHIN_MS = 1000;

const unavailable = pcscUnavailable() ?? chromiumUnavailable();

describe.skipIf(unavailable).sequential('the desk page in Chromium, through pcscd and vpcd', () => {
  const rig = new PcscRig({ replaceForeignDaemon: Boolean(process.env.CI) });
  const dir = mkdtempSync(join(tmpdir(), 'hcard-desk-e2e-'));
  let service: ReaderService;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let browser: Browser;
  let url = '';
  let token = '';
  /** Whether the gateway has GET /v1/events (without it the page polls GET /v1/readers). */
  let eventsRoute = false;

  beforeAll(async () => {
    await rig.start();
    // The test PSAM stays in its slot for the whole file.
    await rig.insert(new EmulatedPsam(buildPsamImage()), READERS.psam.port);
    service = new ReaderService(new PcscDriver({ restartDelayMs: 200 }), { psamPin: TEST_PSAM_PIN });
    await service.start();
    await waitFor(async () =>
      (await service.list()).some((r) => r.name === READERS.psam.name && r.cardPresent),
    );
    // A token as `hcard gateway token create --client desk --scopes read:basic,write:encounters` makes it.
    const configFile = join(dir, 'gateway.json');
    token = createToken(configFile, 'desk', ['read:basic', 'write:encounters']).token;
    app = await buildApp(readConfigFile(configFile)!, { service });
    eventsRoute = app.hasRoute({ method: 'GET', url: '/v1/events' });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    // Generous bounds: this file may run first, while the unit project loads both cores.
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS, timeout: 60_000 });
  }, 120_000);

  afterAll(async () => {
    if (browser) await bounded(browser.close(), 5000, 'closing Chromium');
    if (app) {
      app.server.closeAllConnections();
      await bounded(app.close(), 5000, 'closing the gateway');
    }
    if (service) await bounded(service.close(), 5000, 'closing the reader service');
    await rig.stop();
    rmSync(dir, { recursive: true, force: true });
  }, 30_000);

  const contexts: BrowserContext[] = [];
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => bounded(c.close(), 5000, 'closing a browser context')));
    // Every test ends with the user slot empty (the PSAM stays).
    for (const c of rig.cards.splice(1)) c.remove();
    await waitFor(async () => !(await service.list()).find((r) => r.name === READER)?.cardPresent);
  });

  /** A fresh browser context and page; console errors and page errors are collected. */
  async function openDesk(options: { eventsMissing?: boolean } = {}) {
    const context = await browser.newContext({ viewport: { width: 1024, height: 700 }, locale: 'zh-CN' });
    contexts.push(context);
    context.setDefaultTimeout(5000);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      // A 404 from the mocked events route is expected in the fallback test.
      if (m.type() === 'error' && !(options.eventsMissing && m.text().includes('404')))
        problems.push(`console: ${m.text()} (${m.location().url})`);
    });
    if (options.eventsMissing) await withoutEventsRoute(page);
    await page.goto(`${url}/desk`);
    return { page, problems };
  }

  async function logIn(page: Page, connection: string) {
    await page.fill('#token', token);
    await page.click('#login button[type=submit]');
    await page.locator('#connection', { hasText: connection }).waitFor();
    await page.locator('#reader-status', { hasText: '未插卡' }).waitFor();
  }

  /** Inserts a generated card; resolves when the page shows its holder and photo, with the time it took. */
  async function insertAndSee(page: Page, seed: string) {
    const built = generateCard(seed, { encounters: { inpatient: 0, outpatient: 0 } });
    const shown = await watchFor(
      page,
      `document.querySelector('#card .name')?.textContent === ${JSON.stringify(built.items.name)} &&
       document.querySelector('#card img')?.complete && document.querySelector('#card img').naturalWidth > 0`,
    );
    let eventAt = Number.NaN;
    const stop = service.events.subscribe((e) => {
      if (e.reader === READER && e.type === 'card-inserted') eventAt = Date.now();
    });
    const insertedAt = Date.now();
    const vCard = await rig.insert(new EmulatedHealthCard(built.image), READERS.user.port);
    try {
      const shownMs = (await shown()) - insertedAt;
      // Then the identity verdict, which the operator reads before the card goes out. (Taken out
      // during the gateway's identity read, the card makes it answer 503 HCARD_E_TRANSPORT: the
      // page drops that answer, but Chromium logs the status as a console error.)
      await page.locator('#identity .verdict').waitFor({ timeout: 15_000 });
      return { built, vCard, shownMs, eventMs: eventAt - insertedAt };
    } finally {
      stop();
    }
  }

  async function removeAndSeeCleared(page: Page, vCard: { remove(): void }, items: Record<string, string>) {
    const cleared = await watchFor(
      page,
      `!document.body.innerText.includes(${JSON.stringify(items.name)}) && !!document.querySelector('#card .placeholder')`,
    );
    const removedAt = Date.now();
    vCard.remove();
    const clearedMs = (await cleared()) - removedAt;
    // What the operator (or a screenshot) could see; the HTML below is checked as well.
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point here
    const text = await page.locator('body').innerText();
    const html = await page.content();
    expect(text).toContain('请插入居民健康卡');
    for (const secret of [items.name!, items.idNumber!, masked(items.idNumber!)]) {
      expect(text).not.toContain(secret);
      expect(html).not.toContain(secret);
    }
    expect(await page.locator('#card img').count()).toBe(0);
    expect(await page.locator('#register').isDisabled()).toBe(true);
    // No verdict and no ID card of it either: both panels are hidden and empty.
    for (const panel of ['#identity', '#idcard']) {
      expect(await page.locator(panel).isHidden(), panel).toBe(true);
      expect(await page.locator(panel).innerHTML(), panel).toBe('');
    }
    return clearedMs;
  }

  it('serves the page, its script, style and icon publicly with a strict CSP, no caching and no token in them', async () => {
    let source = '';
    for (const [path, type] of [
      ['/desk', 'text/html; charset=utf-8'],
      ['/desk/', 'text/html; charset=utf-8'],
      ['/desk/desk.js', 'text/javascript; charset=utf-8'],
      ['/desk/desk.css', 'text/css; charset=utf-8'],
      ['/desk/icon.svg', 'image/svg+xml'],
    ] as const) {
      const response = await fetch(`${url}${path}`, { signal: AbortSignal.timeout(5000) });
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type'), path).toBe(type);
      expect(response.headers.get('cache-control'), path).toBe('no-store');
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      // The page's URL (the reader name, say) never goes to another site, and no opener reaches it.
      expect(response.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(response.headers.get('cross-origin-opener-policy'), path).toBe('same-origin');
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
      source += await response.text();
    }
    // The page is served as it is in the repository, and holds no token of any kind.
    expect(source).toContain(readFileSync(join(DESK_FILES, 'desk.js'), 'utf8'));
    expect(source).not.toContain(token);
    expect(source).not.toMatch(/hcard_[A-Za-z0-9_-]{16,}/);
    expect(source).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script
    // The API behind it is not public.
    const readers = await fetch(`${url}/v1/readers`, { signal: AbortSignal.timeout(5000) });
    expect(readers.status).toBe(401);
  });

  it('logs in, shows the inserted card within a second, registers a visit, and forgets the card on removal', async () => {
    const { page, problems } = await openDesk();
    const idCardAsked: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/v1/idcard') idCardAsked.push(r.url());
    });
    await page.locator('#login').waitFor();
    await logIn(page, eventsRoute ? '实时事件' : '轮询');
    await page.click('summary'); // 设置
    await page.fill('#hospital', HOSPITAL);

    const { built, vCard, shownMs, eventMs } = await insertAndSee(page, 'desk-e2e');
    const items = built.items;
    console.log(
      `desk e2e: card shown ${shownMs.toFixed(0)} ms after the insert (gateway event after ${eventMs.toFixed(0)} ms; ${eventsRoute ? 'events' : 'polling: the gateway has no /v1/events'}; quick-ACK ${rig.quickAck.applied ? 'on' : 'off'})`,
    );
    expect(shownMs).toBeLessThan(SHOW_WITHIN_MS);

    const card = await page.locator('#card').textContent();
    expect(card).toContain(masked(items.idNumber!));
    expect(card).not.toContain(items.idNumber!);
    expect(card).toContain({ '01': '男', '02': '女' }[items.sex!] ?? '未');
    expect(card).toContain(`${ageOn(items.birthDate!, new Date())} 岁`);
    const labels = HEALTH_CARD_PROFILE.codeTables.paymentScheme!.codes;
    for (const k of ['paymentScheme1', 'paymentScheme2', 'paymentScheme3'])
      if (items[k]) expect(card).toContain(labels[String(Number(items[k]))]);
    expect(card).toContain(
      items.ruralInsuranceNumber === items.idNumber ? '同身份证号' : masked(items.ruralInsuranceNumber!),
    );
    // The age turns on the birthday itself, whatever today's date and the card's birth date are.
    expect(
      await page.evaluate<string[]>(`import('/desk/desk.js').then((m) => [
        m.age('19900615', new Date(2026, 5, 14)), m.age('19900615', new Date(2026, 5, 15)),
        m.age('19900615', new Date(2026, 0, 1)), m.age('20251231', new Date(2026, 11, 30)),
        m.age('20261231', new Date(2026, 11, 30)), m.age('', new Date(2026, 0, 1)),
      ])`),
    ).toEqual(['35 岁', '36 岁', '35 岁', '不满 1 岁', '', '']);
    // The page's copy of the payment-scheme labels is card-core's code table.
    expect(await page.evaluate<unknown>("import('/desk/desk.js').then((m) => m.PAYMENT_SCHEMES)")).toEqual(
      labels,
    );
    // Its identity checks in words are card-core's checks, in order.
    expect(
      Object.keys(
        await page.evaluate<Record<string, string>>(
          "import('/desk/desk.js').then((m) => m.IDENTITY_CHECK_LABELS)",
        ),
      ),
    ).toEqual([...IDENTITY_CHECKS]);

    // The identity verdict follows the card: every check a row with its verdict and reason. This
    // gateway has no ID-card reader: no ID-card panel, and the page never asked for one.
    const rows = await page.evaluate<[string, string][]>(
      `[...document.querySelectorAll('#identity tbody tr')].map((tr) => [tr.dataset.check, tr.querySelector('code')?.textContent])`,
    );
    expect(rows.map(([check]) => check)).toEqual([...IDENTITY_CHECKS]);
    expect(Object.fromEntries(rows).id_card_matches).toBe('NO_ID_CARD');
    expect(await page.locator('#idcard').isHidden()).toBe(true);
    expect(idCardAsked).toEqual([]);
    expect(await page.locator('#message').isHidden()).toBe(true);

    // The token lives in this tab's sessionStorage only, never in the page or localStorage.
    expect(await page.evaluate<unknown>("sessionStorage.getItem('hcard.desk.token')")).toBe(token);
    expect(await page.evaluate<string>('JSON.stringify(localStorage)')).not.toContain(token);
    expect(await page.content()).not.toContain(token);

    const clickedAt = new Date();
    await page.click('#register');
    const result = page.locator('#result', { hasText: '已登记门诊' });
    await result.waitFor();
    const record = Number(((await result.textContent()) ?? '').match(/第 (\d) 条/)?.[1]);
    expect(record).toBeGreaterThanOrEqual(1);
    expect(await page.locator('#register').isDisabled()).toBe(true); // once per card
    mkdirSync(join(SCREENSHOT, '..'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });

    // The record is on the card, read back through pcscd.
    const back = await service.readCard(READER, ['encounters'], { fresh: true });
    expect(back.data.outpatientFlags?.[record - 1]).toBe(true);
    const written = back.data.outpatient?.find((r) => r.number === record)?.items ?? {};
    expect(written.visitHospitalName).toBe(HOSPITAL);
    expect(Math.abs(fromCardDateTime(written.visitDateTime ?? '') - clickedAt.getTime())).toBeLessThan(
      60_000,
    );
    expect(written.visitSignature).toMatch(/^[0-9A-F]{128}$/);

    const clearedMs = await removeAndSeeCleared(page, vCard, items);
    console.log(`desk e2e: screen cleared ${clearedMs.toFixed(0)} ms after the removal`);
    expect(problems).toEqual([]);
  });

  it('falls back to polling GET /v1/readers where the gateway has no events route', async () => {
    const { page, problems } = await openDesk({ eventsMissing: true });
    await logIn(page, '轮询');
    const { built, vCard, shownMs } = await insertAndSee(page, 'desk-poll');
    const clearedMs = await removeAndSeeCleared(page, vCard, built.items);
    console.log(
      `desk e2e (polling): card shown ${shownMs} ms after the insert, cleared ${clearedMs} ms after the removal`,
    );
    expect(problems).toEqual([]);
  });

  it('says the reader lacks its PSAM, and reads the card by itself once the PSAM goes in', async () => {
    const { page } = await openDesk();
    await logIn(page, '实时事件');
    const psamOut = async () => {
      const [psam] = rig.cards.splice(0, 1);
      psam!.remove();
      await waitFor(
        async () => !(await service.list()).find((r) => r.name === READERS.psam.name)?.cardPresent,
      );
    };
    /** The PSAM back in its slot, first in rig.cards again (afterEach keeps the first card). */
    let psamBack = false;
    const psamIn = async () => {
      psamBack = true;
      const psam = await rig.insert(new EmulatedPsam(buildPsamImage()), READERS.psam.port);
      rig.cards.splice(rig.cards.indexOf(psam), 1);
      rig.cards.unshift(psam);
    };
    await psamOut();
    try {
      const built = generateCard('desk-no-psam', { encounters: { inpatient: 0, outpatient: 0 } });
      const vCard = await rig.insert(new EmulatedHealthCard(built.image), READERS.user.port);
      // Not "insert the card": the card is in, the terminal lacks its PSAM.
      await page.locator('#message', { hasText: '读卡终端未插入 PSAM 卡' }).waitFor();
      await page.locator('#card .placeholder', { hasText: '未能读卡' }).waitFor();
      // The PSAM put in: the page reads the card without it going in again.
      await psamIn();
      await page.locator('#card .name', { hasText: built.items.name! }).waitFor();
      expect(await page.locator('#message').isHidden()).toBe(true);
      await removeAndSeeCleared(page, vCard, built.items);
    } finally {
      if (!psamBack) await psamIn();
      await waitFor(async () =>
        Boolean((await service.list()).find((r) => r.name === READERS.psam.name)?.cardPresent),
      );
    }
  });

  it('reconnects after the event stream drops, with Last-Event-ID, and catches up', async (ctx) => {
    if (!eventsRoute) ctx.skip();
    const { page, problems } = await openDesk();
    const asked: (string | undefined)[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/v1/events') asked.push(r.headers()['last-event-id']);
    });
    await logIn(page, '实时事件');
    const first = await insertAndSee(page, 'desk-drop-1');
    const seen = service.events.history.filter((e) => e.reader === READER).at(-1)!;
    expect(seen.type).toBe('card-inserted');
    // The gateway drops every connection; the card goes out while the page is disconnected.
    app.server.closeAllConnections();
    first.vCard.remove();
    await waitFor(() => asked.length >= 2, 10_000);
    expect(asked[0]).toBeUndefined();
    expect(asked[1]).toBe(eventId(READER, seen.counter));
    await page.locator('#connection', { hasText: '实时事件' }).waitFor();
    await page.locator('#card .placeholder', { hasText: '请插入居民健康卡' }).waitFor();
    expect(await page.locator('body').textContent()).not.toContain(first.built.items.name!);
    // Live again: the next card shows as before.
    const second = await insertAndSee(page, 'desk-drop-2');
    await removeAndSeeCleared(page, second.vCard, second.built.items);
    expect(problems.filter((p) => !/ERR_(CONNECTION|INCOMPLETE_CHUNKED|NETWORK)/.test(p))).toEqual([]);
  });

  it('says in plain words when the token is not valid', async () => {
    const { page } = await openDesk();
    await page.fill('#token', 'hcard_not-a-token');
    await page.click('#login button[type=submit]');
    await page.locator('#message', { hasText: '令牌无效，请重新登录' }).waitFor();
    expect(await page.locator('#desk').isHidden()).toBe(true);
    expect(await page.evaluate<unknown>("sessionStorage.getItem('hcard.desk.token')")).toBeNull();
  });
});

function ageOn(birthDate: string, today: Date): number {
  const [y, m, d] = [birthDate.slice(0, 4), birthDate.slice(4, 6), birthDate.slice(6, 8)].map(Number);
  const before = (today.getMonth() + 1) * 100 + today.getDate() < m! * 100 + d!;
  return today.getFullYear() - y! - (before ? 1 : 0);
}

/** YYYYMMDDhhmmss (local time) → epoch ms. */
function fromCardDateTime(s: string): number {
  const p = s
    .match(/^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/)
    ?.slice(1)
    .map(Number);
  return p ? new Date(p[0]!, p[1]! - 1, p[2]!, p[3]!, p[4]!, p[5]!).getTime() : Number.NaN;
}
