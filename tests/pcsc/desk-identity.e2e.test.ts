/**
 * The desk page (/desk) in Debian's Chromium with the identity verdict and the ID card: the
 * gateway on the real PC/SC driver holds the three-in-one chip in pcscd's vpcd reader and the test
 * PSAM in its slot, has an ID-card reader (its IdCardService on one end of a socat pty pair, the
 * emulated GA 467 reader on the other) and the test root trusted. The page shows the verdict with
 * every check's reason, the ID card beside the health card, follows `idcard-placed` events to a
 * new verdict (or, without the events route, the ID-card counter of GET /v1/readers), and
 * forgets all of it when the health card is taken out. Every wait is bounded.
 * The screenshot goes to tests/artifacts/desk-identity.png (not committed).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IDENTITY_CHECKS, toHex } from '@hcard/card-core';
import {
  buildPsamImage,
  EmulatedIdCardReader,
  EmulatedPsam,
  generateChip,
  generateIdCard,
  loadEmulatedChip,
  type PtyPair,
  type ServedIdCardReader,
  type SyntheticIdCard,
  serveIdCardReader,
  startPtyPair,
  TEST_PSAM_PIN,
  testPublicKey,
} from '@hcard/emulator';
import {
  buildApp,
  createToken,
  Hotlist,
  hotlistFile,
  IdCardService,
  ReaderService,
  readConfigFile,
} from '@hcard/gateway';
import { coded, ETHNICITY_CODES, ethnicityDisplay, PcscDriver, SEX_CODES } from '@hcard/reader-driver';
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

const SCREENSHOT = fileURLToPath(new URL('../artifacts/desk-identity.png', import.meta.url));
const READER = READERS.user.name;
const NO_ID_CARD = '身份证阅读器上没有身份证';
/** The identity check reads the whole chip through the PSAM: more than the card panel's read. */
const VERDICT_WITHIN_MS = 20_000;

const unavailable = pcscUnavailable() ?? chromiumUnavailable();

/** A JS string literal for page conditions. */
const js = (s: string) => JSON.stringify(s);

interface PageCheck {
  check: string;
  verdict: string;
  reason: string;
  words: string;
  detail?: string;
}

describe
  .skipIf(unavailable)
  .sequential('the identity verdict and the ID card on the desk page, in Chromium', () => {
    const rig = new PcscRig({ replaceForeignDaemon: Boolean(process.env.CI) });
    const dir = mkdtempSync(join(tmpdir(), 'hcard-desk-identity-e2e-'));
    const device = new EmulatedIdCardReader();
    let pair: PtyPair;
    let served: ServedIdCardReader;
    let service: ReaderService;
    let idCards: IdCardService;
    let app: Awaited<ReturnType<typeof buildApp>>;
    let browser: Browser;
    let url = '';
    let token = '';

    beforeAll(async () => {
      await rig.start();
      // The test PSAM stays in its slot for the whole file.
      await rig.insert(new EmulatedPsam(buildPsamImage()), READERS.psam.port);
      service = new ReaderService(new PcscDriver({ restartDelayMs: 200 }), { psamPin: TEST_PSAM_PIN });
      await service.start();
      await waitFor(async () =>
        (await service.list()).some((r) => r.name === READERS.psam.name && r.cardPresent),
      );
      // The desk's ID-card reader: the emulated one on one end of a pty pair, the gateway's on the other.
      pair = await startPtyPair();
      served = serveIdCardReader(device, pair.b);
      idCards = new IdCardService({ port: pair.a, pollMs: 100 }, service.events);
      idCards.start();
      // The desk's token, and the test root trusted, as an administrator writes them.
      const configFile = join(dir, 'gateway.json');
      token = createToken(configFile, 'desk', ['read:basic', 'write:encounters']).token;
      const json = JSON.parse(readFileSync(configFile, 'utf8'));
      json.identity = { trustedRoot: toHex(testPublicKey('root')) };
      writeFileSync(configFile, JSON.stringify(json, null, 2));
      const config = readConfigFile(configFile)!;
      app = await buildApp(config, {
        service,
        idCards,
        hotlist: new Hotlist(hotlistFile(config, configFile)),
      });
      await app.listen({ host: '127.0.0.1', port: 0 });
      const address = app.server.address();
      url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS, timeout: 60_000 });
    }, 120_000);

    afterAll(async () => {
      if (browser) await bounded(browser.close(), 5000, 'closing Chromium');
      if (app) {
        app.server.closeAllConnections();
        await bounded(app.close(), 5000, 'closing the gateway');
      }
      if (idCards) await bounded(idCards.close(), 5000, 'closing the ID-card service');
      await served?.close();
      await pair?.stop();
      if (service) await bounded(service.close(), 5000, 'closing the reader service');
      await rig.stop();
      rmSync(dir, { recursive: true, force: true });
    }, 30_000);

    const contexts: BrowserContext[] = [];
    afterEach(async () => {
      await Promise.all(contexts.splice(0).map((c) => bounded(c.close(), 5000, 'closing a browser context')));
      // Every test ends with the user slot empty (the PSAM stays) and no ID card in the field.
      for (const c of rig.cards.splice(1)) c.remove();
      device.remove();
      await waitFor(async () => !(await service.list()).find((r) => r.name === READER)?.cardPresent);
    });

    /**
     * A fresh page, logged in; console errors, page errors and identity requests are collected.
     * `eventsMissing`: the browser gets 404 for GET /v1/events, as from a gateway without the
     * route, and the page polls GET /v1/readers.
     */
    async function openDesk(options: { eventsMissing?: boolean } = {}) {
      const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, locale: 'zh-CN' });
      contexts.push(context);
      context.setDefaultTimeout(5000);
      const page = await context.newPage();
      const problems: string[] = [];
      const asked: string[] = [];
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('console', (m) => {
        // The mocked events route's 404 is expected.
        if (m.type() === 'error' && !(options.eventsMissing && m.text().includes('404')))
          problems.push(`console: ${m.text()} (${m.location().url})`);
      });
      page.on('request', (r) => {
        const path = new URL(r.url()).pathname;
        if (path.endsWith('/identity') || path === '/v1/idcard') asked.push(r.url());
      });
      if (options.eventsMissing) await withoutEventsRoute(page);
      await page.goto(`${url}/desk`);
      await page.fill('#token', token);
      await page.click('#login button[type=submit]');
      await page.locator('#connection', { hasText: options.eventsMissing ? '轮询' : '实时事件' }).waitFor();
      await page.locator('#reader-status', { hasText: '未插卡' }).waitFor();
      return { page, problems, asked };
    }

    /** Serves the three-in-one chip of `seed` in the user reader; resolves once the page shows its holder. */
    async function insertChip(page: Page, seed: string) {
      const built = generateChip(seed);
      const holder = built.resident.items;
      const shown = await watchFor(
        page,
        `document.querySelector('#card .name')?.textContent === ${js(holder.name!)}`,
      );
      const chip = loadEmulatedChip(JSON.parse(JSON.stringify(built.image)));
      const vCard = await rig.insert(chip, READERS.user.port);
      await shown(10_000);
      return { built, holder, vCard };
    }

    /** A page condition: the overall verdict is `verdict` and the ID-card row says `reason`. */
    const verdictIs = (verdict: string, reason: string) =>
      `document.querySelector('#identity .verdict')?.dataset.verdict === ${js(verdict)} &&
       document.querySelector('#identity tr[data-check="id_card_matches"] code')?.textContent === ${js(reason)}`;

    /** A page condition: the ID-card panel shows this card's holder. */
    const idCardShows = (card: SyntheticIdCard) =>
      `document.querySelector('#idcard .name')?.textContent === ${js(card.fields.name!)}`;

    /** The check rows as the page shows them. */
    const pageChecks = (page: Page) =>
      page.evaluate<PageCheck[]>(`[...document.querySelectorAll('#identity tbody tr')].map((row) => {
        const words = row.cells[3].cloneNode(true);
        const detail = words.querySelector('.detail');
        detail?.remove();
        return {
          check: row.dataset.check ?? '',
          verdict: row.dataset.verdict ?? '',
          reason: row.querySelector('code')?.textContent ?? '',
          words: words.textContent ?? '',
          ...(detail ? { detail: detail.textContent.replace(/^（|）$/g, '') } : {}),
        };
      })`);

    /** The verdict as the gateway gives it (the page must show the same). */
    async function gatewayVerdict(): Promise<{ verdict: string; checks: PageCheck[] }> {
      const res = await fetch(`${url}/v1/readers/${encodeURIComponent(READER)}/identity`, {
        headers: { authorization: `Bearer ${token}` },
        signal: AbortSignal.timeout(VERDICT_WITHIN_MS),
      });
      expect(res.status).toBe(200);
      return (await res.json()) as { verdict: string; checks: PageCheck[] };
    }

    /** Places `card` on the ID-card reader; resolves with the gateway's idcard-placed event for it. */
    async function placeIdCard(card: SyntheticIdCard) {
      const before = idCards.counter;
      device.insert(card);
      await waitFor(() => idCards.counter > before, 10_000);
      const event = service.events.history.filter((e) => e.type === 'idcard-placed').at(-1)!;
      expect(event).toMatchObject({ reader: pair.a, counter: idCards.counter });
      return event;
    }

    /** Takes the chip out; checks that nothing of it, of the ID cards or of the verdict stays. */
    async function removeAndSeeCleared(
      page: Page,
      vCard: { remove(): void },
      secrets: readonly string[],
      names: readonly string[],
    ) {
      const cleared = await watchFor(
        page,
        `${names.map((n) => `!document.body.innerText.includes(${js(n)})`).join(' && ')} &&
         !!document.querySelector('#card .placeholder') && document.querySelector('#identity').hidden &&
         document.querySelector('#idcard').hidden`,
      );
      vCard.remove();
      await cleared();
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point here
      const text = await page.locator('body').innerText();
      const html = await page.content();
      expect(text).toContain('请插入居民健康卡');
      for (const secret of secrets) {
        expect(text).not.toContain(secret);
        expect(html).not.toContain(secret);
      }
      for (const word of ['PASS', 'FAIL', '身份核验', NO_ID_CARD, 'ID_CARD_M'])
        expect(html).not.toContain(word);
      for (const panel of ['#identity', '#idcard']) {
        expect(await page.locator(panel).isHidden(), panel).toBe(true);
        expect(await page.locator(panel).innerHTML(), panel).toBe('');
      }
      expect(await page.locator('#card img').count()).toBe(0);
      expect(await page.locator('#register').isDisabled()).toBe(true);
    }

    /** Everything of the health card's holder that the page may show, and must forget. */
    const secretsOfHolder = (holder: { name?: string; idNumber?: string }) => [
      holder.name!,
      holder.idNumber!,
      masked(holder.idNumber!),
    ];

    /** Everything of an ID card that the page may show, and must forget. */
    const secretsOf = (card: SyntheticIdCard) => [
      card.fields.name!,
      card.fields.idNumber!,
      masked(card.fields.idNumber!),
      card.fields.address!,
    ];

    it('shows the verdict and the ID card beside the health card, follows a new ID card to FAIL, and forgets all on removal', async () => {
      const { page, problems, asked } = await openDesk();
      const seed = 'desk-identity';
      const { holder, vCard } = await insertChip(page, seed);

      // No ID card on the reader yet: the verdict says so, the ID-card panel quietly too.
      const noIdCard = await watchFor(
        page,
        `${verdictIs('pass', 'ID_CARD_NOT_READ')} && document.querySelector('#idcard .placeholder')?.textContent === ${js(NO_ID_CARD)}`,
      );
      await noIdCard(VERDICT_WITHIN_MS);
      expect(await page.locator('#message').isHidden()).toBe(true);

      // The holder's own ID card goes on the reader: the page hears idcard-placed and asks again.
      const own = generateIdCard(seed);
      expect(own.fields.name).toBe(holder.name);
      const asking = asked.length;
      const passed = await watchFor(page, `${verdictIs('pass', 'ID_CARD_MATCHES')} && ${idCardShows(own)}`);
      await placeIdCard(own);
      await passed(VERDICT_WITHIN_MS);
      expect(asked.length).toBeGreaterThan(asking); // only an event makes the page ask again
      expect(asked.every((u) => new URL(u).search === '')).toBe(true); // nothing in a query

      // The verdict, prominent, in words as well as colour; every check a row, as the gateway says.
      const verdict = page.locator('#identity .verdict');
      expect(await verdict.textContent()).toContain('PASS');
      expect(await verdict.textContent()).toContain('身份核验通过');
      const fromGateway = await gatewayVerdict();
      expect(fromGateway.verdict).toBe('pass');
      const shownChecks = await pageChecks(page);
      expect(shownChecks.map((c) => c.check)).toEqual([...IDENTITY_CHECKS]);
      expect(shownChecks).toEqual(fromGateway.checks);
      expect(shownChecks.find((c) => c.check === 'id_card_matches')).toMatchObject({
        verdict: 'pass',
        reason: 'ID_CARD_MATCHES',
      });
      expect(
        await page.locator('#identity tr[data-check="id_card_matches"] .result').textContent(),
      ).toContain('通过');

      // The ID card beside the health card: same name, its fields, the photo that cannot be shown.
      expect(await page.locator('#card .name').textContent()).toBe(holder.name);
      expect(await page.locator('#idcard .name').textContent()).toBe(own.fields.name);
      const cardBox = (await page.locator('#card').boundingBox())!;
      const idBox = (await page.locator('#idcard').boundingBox())!;
      expect(idBox.x).toBeGreaterThanOrEqual(cardBox.x + cardBox.width);
      expect(Math.abs(idBox.y - cardBox.y)).toBeLessThan(2);
      const f = own.fields;
      const idText = (await page.locator('#idcard').textContent()) ?? '';
      expect(idText).toContain('居民身份证');
      expect(idText).toContain(coded(SEX_CODES, f.sex!).text!);
      expect(idText).toContain(ethnicityDisplay(coded(ETHNICITY_CODES, f.ethnicity!)));
      const b = f.birthDate!;
      expect(idText).toContain(`${b.slice(0, 4)}年${Number(b.slice(4, 6))}月${Number(b.slice(6))}日`);
      expect(idText).toContain(masked(f.idNumber!));
      expect(idText).not.toContain(f.idNumber!);
      expect(idText).toContain(f.address!);
      const dotted = (d: string) =>
        /^\d{8}$/.test(d) ? `${d.slice(0, 4)}.${d.slice(4, 6)}.${d.slice(6)}` : d;
      expect(idText).toContain(`${dotted(f.validFrom!)} 至 ${dotted(f.validTo!)}`);
      expect(idText).toContain('WLT');
      mkdirSync(join(SCREENSHOT, '..'), { recursive: true });
      await page.screenshot({ path: SCREENSHOT, fullPage: true });

      // Another person's ID card: the page follows the event to FAIL, ID_CARD_MISMATCH.
      const other = generateIdCard('other-seed');
      expect(other.fields.name).not.toBe(holder.name);
      const failed = await watchFor(
        page,
        `${verdictIs('fail', 'ID_CARD_MISMATCH')} && ${idCardShows(other)}`,
      );
      await placeIdCard(other);
      await failed(VERDICT_WITHIN_MS);
      expect(await verdict.textContent()).toContain('FAIL');
      expect(await verdict.textContent()).toContain('身份核验未通过');
      expect(
        await page.locator('#identity tr[data-check="id_card_matches"]').getAttribute('data-verdict'),
      ).toBe('fail');
      const failing = await gatewayVerdict();
      expect(failing.verdict).toBe('fail');
      expect(await pageChecks(page)).toEqual(failing.checks); // the mismatch's detail included
      expect(failing.checks.find((c) => c.check === 'id_card_matches')?.detail).toBeTruthy();
      expect(await page.locator('#card .name').textContent()).toBe(holder.name);
      expect(await page.locator('#idcard').textContent()).not.toContain(own.fields.name!);

      // The health card goes: its data, both ID cards and the verdict go with it.
      await removeAndSeeCleared(
        page,
        vCard,
        [...secretsOfHolder(holder), ...secretsOf(own), ...secretsOf(other)],
        [holder.name!, other.fields.name!],
      );
      // Nothing personal went into a URL.
      for (const u of asked) for (const s of [holder.name!, holder.idNumber!]) expect(u).not.toContain(s);
      expect(problems).toEqual([]);
    }, 90_000);

    it('follows a new ID card by polling where the gateway has no events route', async () => {
      const { page, problems, asked } = await openDesk({ eventsMissing: true });
      const seed = 'desk-identity-poll';
      const { holder, vCard } = await insertChip(page, seed);
      const noIdCard = await watchFor(page, verdictIs('pass', 'ID_CARD_NOT_READ'));
      await noIdCard(VERDICT_WITHIN_MS);

      // No idcard-placed reaches the page: the ID-card counter of GET /v1/readers tells it.
      const own = generateIdCard(seed);
      const asking = asked.length;
      const passed = await watchFor(page, `${verdictIs('pass', 'ID_CARD_MATCHES')} && ${idCardShows(own)}`);
      await placeIdCard(own);
      await passed(VERDICT_WITHIN_MS);
      // Asked again once for the new card, not on every poll.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(asked.slice(asking).filter((u) => new URL(u).pathname.endsWith('/identity'))).toHaveLength(1);

      await removeAndSeeCleared(page, vCard, [...secretsOfHolder(holder), ...secretsOf(own)], [holder.name!]);
      expect(problems).toEqual([]);
    }, 90_000);

    it('shows PASS at once for the holder whose ID card was on the reader first', async () => {
      const { page, problems } = await openDesk();
      const seed = 'desk-identity-first';
      const own = generateIdCard(seed);
      await placeIdCard(own);
      const passed = await watchFor(page, `${verdictIs('pass', 'ID_CARD_MATCHES')} && ${idCardShows(own)}`);
      const { holder, vCard } = await insertChip(page, seed);
      await passed(VERDICT_WITHIN_MS);
      expect(await page.locator('#identity .verdict').textContent()).toContain('PASS');
      await removeAndSeeCleared(page, vCard, [...secretsOfHolder(holder), ...secretsOf(own)], [holder.name!]);
      expect(problems).toEqual([]);
    }, 90_000);
  });
