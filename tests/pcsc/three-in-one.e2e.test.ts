/**
 * The three-in-one card through the real PC/SC stack (pcscd + vpcd, the chip served by this
 * process as `hcard emulate` serves it) and the resident ID card through a socat pty pair, read
 * and judged by `hcard read --app …` and `hcard check` as child processes. Every failure path of
 * issue 9 ends in its verdict and reason: no card, a damaged ID-card frame, an ID card taken off
 * mid-read, a hotlisted card, a mismatched ID card, an expired card, a forged card, and
 * applications that disagree.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCardBasString, cardBasFieldsOf, toHex } from '@hcard/card-core';
import {
  type BuildChipOptions,
  buildPsamImage,
  EmulatedIdCardReader,
  EmulatedPsam,
  generateChip,
  generateIdCard,
  loadEmulatedChip,
  type PtyPair,
  type ServedIdCardReader,
  serveIdCardReader,
  startPtyPair,
  TEST_PSAM_PIN,
  track2Of,
} from '@hcard/emulator';
import { PcscDriver } from '@hcard/reader-driver';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runHcard } from '../support/cli-process.js';
import { FORGED_KEY_STORE, FORGED_SSSE_KEYS } from '../support/forgery.js';
import { PcscRig, pcscUnavailable, READERS, waitFor } from '../support/pcsc-rig.js';

describe
  .skipIf(pcscUnavailable())
  .sequential('the three-in-one card and the ID card, through pcscd and a pty', () => {
    const rig = new PcscRig();
    let driver: PcscDriver;
    let pair: PtyPair;
    let served: ServedIdCardReader;
    const device = new EmulatedIdCardReader();
    const dir = mkdtempSync(join(tmpdir(), 'hcard-three-e2e-'));
    const hotlistFile = join(dir, 'hotlist.json');
    const env = { env: { XDG_CONFIG_HOME: dir, HCARD_PSAM_PIN: TEST_PSAM_PIN } };

    beforeAll(async () => {
      await rig.start();
      driver = new PcscDriver({ restartDelayMs: 200 });
      pair = await startPtyPair();
      served = serveIdCardReader(device, pair.b);
    }, 30_000);

    afterAll(async () => {
      await served?.close();
      await pair?.stop();
      await driver?.close();
      await rig.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    afterEach(async () => {
      for (const c of rig.cards.splice(0)) c.remove();
      device.remove();
      device.clearFaults();
      rmSync(hotlistFile, { force: true });
      await waitFor(async () => (await driver.list()).every((r) => !r.cardPresent));
    });

    /** Serves the chip of `seed` in the user reader and the test PSAM in its slot. */
    async function insertChip(seed: number, options: BuildChipOptions = {}) {
      const built = generateChip(seed, options);
      const chip = loadEmulatedChip(JSON.parse(JSON.stringify(built.image)));
      await rig.insert(chip, READERS.user.port);
      await rig.insert(new EmulatedPsam(buildPsamImage()), READERS.psam.port);
      await waitFor(async () => (await driver.list()).filter((r) => r.cardPresent).length === 2);
      return built;
    }

    async function check(extra: readonly string[] = []) {
      const result = await runHcard(
        ['check', '--test-keys', '--json', '--hotlist', hotlistFile, '--idcard-port', pair.a, ...extra],
        { ...env, timeoutMs: 60_000 },
      );
      let parsed: {
        verdict: string;
        checks: { check: string; verdict: string; reason: string; detail?: string }[];
      };
      try {
        parsed = JSON.parse(result.stdout);
      } catch {
        throw new Error(`hcard check printed no JSON (exit ${result.code}): ${result.stderr}`);
      }
      const reasons = Object.fromEntries(parsed.checks.map((c) => [c.check, c.reason]));
      return { result, parsed, reasons };
    }

    it('reads the health, social-security and bank applications off one chip (hcard read --app all)', async () => {
      const built = await insertChip(91);
      const result = await runHcard(['read', '--app', 'all', '--json'], { ...env, timeoutMs: 60_000 });
      expect(result.code, result.stderr).toBe(0);
      const out = JSON.parse(result.stdout);
      expect(out.health.items).toEqual(
        expect.objectContaining({ name: built.resident.items.name, idNumber: built.resident.items.idNumber }),
      );
      expect(out.ssse.card).toEqual(built.ssse!.card);
      expect(out.ssse.holder).toEqual(built.ssse!.holder);
      // The national string, field by field, from what the card holds and the PSAM's terminal number.
      const psamTerminal = buildPsamImage().files['0016']!.slice(-12);
      const atrHistorical = out.ssse.iReadCardBas.split('|')[5];
      expect(out.ssse.iReadCardBas).toBe(
        buildCardBasString(
          cardBasFieldsOf(built.ssse!.card, built.ssse!.holder, atrHistorical, {
            terminalNumber: psamTerminal,
          }),
        ),
      );
      expect(out.ssse.iReadCardBas.split('|')).toHaveLength(12);
      const pan = built.image.bank!.pan;
      expect(out.bank).toMatchObject({
        kind: 'bank-application',
        maskedPan: `${pan.slice(0, 6)}${'*'.repeat(pan.length - 10)}${pan.slice(-4)}`,
        holderName: built.resident.items.name,
      });
      expect(out.authentication).toBe('passed');
      expect(out.read.apdus).toBeGreaterThan(10);
      for (const text of [result.stdout, result.stderr]) expect(text).not.toContain(pan);
    }, 90_000);

    it('passes a genuine card with its holder’s ID card; every check passes (hcard check)', async () => {
      const built = await insertChip(92);
      device.insert(generateIdCard(92));
      const { result, parsed } = await check();
      expect(parsed.checks.filter((c) => c.verdict !== 'pass')).toEqual([]);
      expect(parsed.verdict).toBe('pass');
      expect(result.code).toBe(0);
      expect(parsed.checks.find((c) => c.check === 'id_card_matches')?.reason).toBe('ID_CARD_MATCHES');
      expect(built.ssse).toBeDefined();
    }, 90_000);

    it('no card in the reader: not_possible, CARD_NOT_READ', async () => {
      device.insert(generateIdCard(93));
      const { result, parsed, reasons } = await check();
      expect(parsed.verdict).toBe('not_possible');
      expect(reasons.card_authentication).toBe('CARD_NOT_READ');
      expect(result.code).toBe(3);
    }, 90_000);

    it('the card taken out in the middle of the read: not_possible, CARD_NOT_READ', async () => {
      const built = generateChip(102);
      const chip = loadEmulatedChip(JSON.parse(JSON.stringify(built.image)));
      // The chip leaves the reader after its 30th APDU (the health application is half read).
      let apdus = 0;
      let served: Awaited<ReturnType<typeof rig.insert>> | undefined;
      const pulled = {
        atr: chip.atr,
        reset: () => chip.reset(),
        process: (command: Uint8Array) => {
          if (++apdus === 30) setImmediate(() => served?.remove());
          return chip.process(command);
        },
      };
      served = await rig.insert(pulled, READERS.user.port);
      await rig.insert(new EmulatedPsam(buildPsamImage()), READERS.psam.port);
      await waitFor(async () => (await driver.list()).filter((r) => r.cardPresent).length === 2);
      device.insert(generateIdCard(102));
      const { result, parsed, reasons } = await check();
      expect(apdus).toBeGreaterThanOrEqual(30);
      expect(reasons.card_authentication).toBe('CARD_NOT_READ');
      expect(parsed.checks[0]?.detail).toMatch(
        /^HCARD_E_(CARD_REMOVED|NO_CARD|TRANSPORT) in Virtual PCD 00 00$/,
      );
      expect(parsed.verdict).toBe('not_possible');
      expect(result.code).toBe(3);
    }, 90_000);

    it('a damaged ID-card frame, an ID card taken off mid-read, no ID card: ID_CARD_NOT_READ with the reason', async () => {
      await insertChip(94);
      device.insert(generateIdCard(94));
      device.injectFault({ kind: 'bad-checksum' });
      const damaged = await check();
      expect(damaged.parsed.checks.at(-1)).toMatchObject({
        reason: 'ID_CARD_NOT_READ',
        detail: 'HCARD_E_IDCARD_FRAME_CHECKSUM',
      });
      device.clearFaults();
      device.insert(generateIdCard(94));
      device.injectFault({ kind: 'remove-during-read', answer: 'status' });
      const moved = await check();
      expect(moved.parsed.checks.at(-1)).toMatchObject({
        reason: 'ID_CARD_NOT_READ',
        detail: 'HCARD_E_CARD_REMOVED',
      });
      device.remove();
      const none = await check();
      expect(none.parsed.checks.at(-1)).toMatchObject({
        reason: 'ID_CARD_NOT_READ',
        detail: 'HCARD_E_NO_CARD',
      });
      // The card itself is fine: nothing failed, so the verdict is still a pass.
      expect(none.parsed.verdict).toBe('pass');
    }, 150_000);

    it('a hotlisted card fails: HOTLISTED (lost)', async () => {
      const built = await insertChip(95);
      device.insert(generateIdCard(95));
      const added = await runHcard(
        [
          'hotlist',
          'add',
          '--card',
          built.resident.items.cardNumber!,
          '--reason',
          'lost',
          '--file',
          hotlistFile,
        ],
        env,
      );
      expect(added.code).toBe(0);
      const { result, parsed } = await check();
      expect(parsed.checks.find((c) => c.check === 'not_hotlisted')).toMatchObject({
        verdict: 'fail',
        reason: 'HOTLISTED',
        detail: 'lost',
      });
      expect(parsed.verdict).toBe('fail');
      expect(result.code).toBe(1);
    }, 90_000);

    it("someone else's ID card fails: ID_CARD_MISMATCH", async () => {
      await insertChip(96);
      device.insert(generateIdCard(97));
      const { parsed } = await check();
      expect(parsed.checks.at(-1)).toMatchObject({ verdict: 'fail', reason: 'ID_CARD_MISMATCH' });
      expect(parsed.verdict).toBe('fail');
    }, 90_000);

    it('an expired card fails: CARD_EXPIRED', async () => {
      const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10).replaceAll('-', '');
      await insertChip(98, { ssse: { expired: true, referenceDate: today } });
      device.insert(generateIdCard(98));
      const { parsed, reasons } = await check();
      expect(reasons.card_not_expired).toBe('CARD_EXPIRED');
      expect(parsed.verdict).toBe('fail');
    }, 90_000);

    it('a forged card fails the PSAM authentication: PSAM_AUTH_FAILED', async () => {
      await insertChip(99, { health: { keyStore: FORGED_KEY_STORE }, ssse: { keys: FORGED_SSSE_KEYS } });
      device.insert(generateIdCard(99));
      const { result, parsed, reasons } = await check();
      expect(reasons.card_authentication).toBe('PSAM_AUTH_FAILED');
      expect(parsed.verdict).toBe('fail');
      expect(result.code).toBe(1);
    }, 90_000);

    it('applications that disagree fail: APPLICATIONS_DISAGREE, naming what differs', async () => {
      await insertChip(100, { ssse: { name: '欧阳明' } });
      device.insert(generateIdCard(100));
      const { parsed } = await check();
      expect(parsed.checks.find((c) => c.check === 'applications_agree')).toMatchObject({
        verdict: 'fail',
        reason: 'APPLICATIONS_DISAGREE',
        detail: 'name: health ≠ ssse',
      });
      expect(parsed.verdict).toBe('fail');
    }, 90_000);

    it('writes nothing with the full bank card number or track 2: hcard read --app bank, human and JSON', async () => {
      const built = await insertChip(101);
      const bank = built.image.bank!;
      const human = await runHcard(['read', '--app', 'bank'], env);
      const json = await runHcard(['read', '--app', 'bank', '--json'], env);
      expect(human.code, human.stderr).toBe(0);
      expect(human.stdout).toContain(`${(bank.pan).slice(0, 6)}*`);
      for (const out of [human.stdout, human.stderr, json.stdout, json.stderr]) {
        expect(out).not.toContain(bank.pan);
        expect(out.toUpperCase()).not.toContain(toHex(track2Of(bank)));
      }
    }, 90_000);
  });
