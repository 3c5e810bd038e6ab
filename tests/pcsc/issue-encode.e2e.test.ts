/**
 * `hcard issue encode` through the real PC/SC stack: the emulated printer feeds factory-state
 * cards of the reference COS into vpcd slots, the encoder personalises them through pcscd,
 * reads them back and ejects them into the hopper as card images; `hcard emulate --card` serves
 * one again and `hcard read` gets every item of the input row back. Also: a card pulled out
 * mid-personalisation is spoiled, a `kill -9` during encode resumes exactly, and two stations
 * sharing a PostgreSQL journal never do a job twice.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HEALTH_CARD_PROFILE } from '@hcard/card-core';
import {
  buildPsamImage,
  EmulatedPsam,
  TEST_KEY_STORE,
  TEST_PSAM_PIN,
  testCertificate,
} from '@hcard/emulator';
import {
  type CardPrinter,
  EmulatedPrinter,
  encodeBatch,
  issuanceSettings,
  openJournal,
  prepareBatch,
  renderFace,
  TEST_ISSUER_CONFIG,
} from '@hcard/issuance';
import { PcscDriver } from '@hcard/reader-driver';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type HcardProcess, runHcard, startHcard } from '../support/cli-process.js';
import { enrolmentSheet, type Row } from '../support/enrolment.js';
import { writeSheet } from '../support/enrolment-files.js';
import { PcscRig, pcscUnavailable, READERS, waitFor } from '../support/pcsc-rig.js';
import { type PostgresServer, postgresUnavailable, startPostgres } from '../support/postgres.js';

const ISSUE_DATE = '20261130';
const settings = issuanceSettings(
  { ...TEST_ISSUER_CONFIG, issueDate: ISSUE_DATE },
  testCertificate('issuer'),
);

describe.skipIf(pcscUnavailable()).sequential('hcard issue encode through pcscd and vpcd', () => {
  const rig = new PcscRig();
  let driver: PcscDriver;
  let pg: PostgresServer | undefined;
  const dir = mkdtempSync(join(tmpdir(), 'hcard-encode-e2e-'));
  const env = () => ({
    XDG_CONFIG_HOME: dir,
    HCARD_PSAM_PIN: TEST_PSAM_PIN,
    HCARD_VPCD_CONFIG: rig.readerConfig,
  });

  beforeAll(async () => {
    await rig.start();
    driver = new PcscDriver({ restartDelayMs: 200 });
    if (!postgresUnavailable() || process.env.CI) pg = await startPostgres();
  }, 60_000);

  afterAll(async () => {
    await driver?.close();
    await rig.stop();
    await pg?.stop();
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  const children: HcardProcess[] = [];
  afterEach(async () => {
    await Promise.all(children.splice(0).map((c) => c.stop('SIGKILL')));
    for (const c of rig.cards.splice(0)) c.remove();
    await waitFor(async () => (await driver.list()).every((r) => !r.cardPresent), 10_000);
  });

  function start(args: readonly string[], timeoutMs = 120_000): HcardProcess {
    const child = startHcard(args, { env: env(), timeoutMs });
    children.push(child);
    return child;
  }

  /** A prepared batch of `rows` synthetic residents in a fresh journal. */
  async function preparedBatch(name: string, rows: number, url = `sqlite:${join(dir, `${name}.db`)}`) {
    const sheet = enrolmentSheet({ rows, seed: rows, offset: 10_000 * name.length });
    const input = join(dir, `${name}.csv`);
    await writeSheet(sheet, input, 'csv');
    const journal = await openJournal(url);
    await prepareBatch({
      input,
      batch: name,
      journal,
      settings,
      securityCodes: (cards) => TEST_KEY_STORE.securityCodes(cards),
    });
    return { journal, url, sheet, rows: [...sheet.rows()] };
  }

  it('personalises, verifies and ejects every card; hcard read gets each item of the input row back', async () => {
    const { journal, url, rows } = await preparedBatch('a', 4);
    const hopper = join(dir, 'hopper-a');
    try {
      const result = await runHcard(
        [
          'issue',
          'encode',
          '--batch',
          'a',
          '--encoder',
          READERS.user.name,
          '--hopper',
          hopper,
          '--store',
          url,
        ],
        { env: env(), timeoutMs: 120_000 },
      );
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toMatch(/4 issued, 0 spoiled/);
      expect((await journal.status('a')).states).toMatchObject({ issued: 4, prepared: 0, spoiled: 0 });
      const cards = readdirSync(hopper).filter((f) => f.endsWith('.json'));
      expect(cards).toHaveLength(4);
      expect(readdirSync(hopper).filter((f) => f.endsWith('.png'))).toHaveLength(4);

      // Every finished card, served again and read through pcscd with the test PSAM.
      const seen = new Set<string>();
      for (const card of cards) {
        const emulator = start(['emulate', '--card', join(hopper, card)]);
        await emulator.waitForLine(/^ready: /);
        await waitFor(async () => (await driver.list()).filter((r) => r.cardPresent).length === 2);
        const read = await runHcard(['read', '--json'], { env: env() });
        expect(read.code, read.stderr).toBe(0);
        const items = (JSON.parse(read.stdout) as { items: Record<string, string> }).items;
        const row = rows.find((r) => r.idNumber === items.idNumber);
        expect(row, 'the card holds one of the batch rows').toBeDefined();
        expect(items).toMatchObject(expectedItems(row!));
        expect(items.chipSerial).toBe(card.replace(/\.json$/, ''));
        expect(items.securityCode).toBe(
          TEST_KEY_STORE.securityCode({
            cardNumber: row!.idNumber,
            issueDate: ISSUE_DATE,
            expiryDate: '20361130',
          }),
        );
        seen.add(row!.idNumber);
        await emulator.stop('SIGTERM');
        await waitFor(async () => (await driver.list()).every((r) => !r.cardPresent), 10_000);
      }
      expect(seen.size).toBe(4);
    } finally {
      await journal.close();
    }
  }, 180_000);

  it('reads back through a PSAM in a reader with --psam (PIN from HCARD_PSAM_PIN), and stops on a wrong PIN', async () => {
    const { journal, url } = await preparedBatch('psam', 2);
    await rig.insert(new EmulatedPsam(buildPsamImage()), READERS.psam.port);
    await waitFor(async () =>
      Boolean((await driver.list()).find((r) => r.name === READERS.psam.name)?.cardPresent),
    );
    const args = [
      'issue',
      'encode',
      '--batch',
      'psam',
      '--encoder',
      READERS.user.name,
      '--psam',
      READERS.psam.name,
    ];
    try {
      const wrong = await runHcard([...args, '--hopper', join(dir, 'hopper-psam-wrong'), '--store', url], {
        env: { ...env(), HCARD_PSAM_PIN: '000000' },
        timeoutMs: 60_000,
      });
      expect(wrong.code).toBe(77);
      expect(wrong.stderr).toMatch(/HCARD_E_PSAM_PIN_WRONG/);
      expect(wrong.stderr).not.toContain('000000');
      // A station fault: no blank card was touched, no job spoiled.
      expect((await journal.status('psam')).states).toMatchObject({
        prepared: 2,
        issued: 0,
        spoiled: 0,
        encoding: 0,
      });
      const right = await runHcard(
        [...args, '--retry-spoiled', '--hopper', join(dir, 'hopper-psam'), '--store', url],
        {
          env: env(),
          timeoutMs: 60_000,
        },
      );
      expect(right.code, right.stderr).toBe(0);
      expect((await journal.status('psam')).states).toMatchObject({ issued: 2, spoiled: 0, prepared: 0 });
    } finally {
      await journal.close();
    }
  }, 120_000);

  it('a card pulled out mid-personalisation is spoiled, never issued; the next blank card takes the next job', async () => {
    const { journal } = await preparedBatch('pull', 3);
    const hopper = join(dir, 'hopper-pull');
    const inner = new EmulatedPrinter({ encoder: READERS.user.name, port: READERS.user.port, hopper });
    let fed = 0;
    // The first card leaves the encoder once it has answered 20 commands.
    const printer: CardPrinter = {
      name: inner.name,
      encoder: inner.encoder,
      feed: async () => {
        await inner.feed();
        if (++fed !== 1) return;
        const slot = inner.slot!;
        const timer = setInterval(() => {
          if (slot.apduCount >= 20) {
            clearInterval(timer);
            slot.remove();
          }
        }, 1);
      },
      print: (face) => inner.print(face),
      eject: (to, label) => inner.eject(to, label),
      close: () => inner.close(),
    };
    try {
      const spoiled: string[] = [];
      const result = await encodeBatch({
        batch: 'pull',
        journal,
        keyStore: TEST_KEY_STORE,
        driver,
        stations: [{ printer }],
        psam: async () => ({ channel: new EmulatedPsam(buildPsamImage()), pin: TEST_PSAM_PIN }),
        face: (values) =>
          renderFace(
            {
              name: values.name ?? '',
              sex: values.sex ?? '01',
              cardNumber: values.cardNumber ?? '',
              issuerName: values.issuerName ?? '',
              validFrom: values.issueDate ?? '',
              validTo: values.expiryDate ?? '',
            },
            'svg',
          ),
        onCard: (e) => {
          if (e.type === 'spoiled') spoiled.push(e.reason);
        },
      });
      expect(spoiled).toEqual(['CARD_REMOVED']);
      expect(result).toMatchObject({ issued: 2, spoiled: 1 });
      const status = await journal.status('pull');
      expect(status.states).toMatchObject({ issued: 2, spoiled: 1, prepared: 0, encoding: 0 });
      expect(status.reasons).toEqual({ CARD_REMOVED: 1 });
      expect(readdirSync(join(hopper, 'rejects')).filter((f) => f.endsWith('.json'))).toHaveLength(1);
      // Retrying puts the spoiled row back; a new blank card finishes it.
      expect(await journal.retrySpoiled('pull')).toBe(1);
      await encodeBatch({
        batch: 'pull',
        journal,
        keyStore: TEST_KEY_STORE,
        driver,
        stations: [{ printer: inner }],
        psam: async () => ({ channel: new EmulatedPsam(buildPsamImage()), pin: TEST_PSAM_PIN }),
        face: async () => new Uint8Array(0),
      });
      expect((await journal.status('pull')).states).toMatchObject({ issued: 3, spoiled: 0 });
    } finally {
      await inner.close();
      await journal.close();
    }
  }, 120_000);

  it('kill -9 during encode, then the same command: every row issued once, no chip used twice', async () => {
    const { journal, url } = await preparedBatch('kill', 12);
    const hopper = join(dir, 'hopper-kill');
    const args = [
      'issue',
      'encode',
      '--batch',
      'kill',
      '--encoder',
      READERS.user.name,
      '--hopper',
      hopper,
      '--store',
      url,
    ];
    try {
      const child = start(args);
      await waitFor(async () => (await journal.status('kill')).states.issued >= 3, 60_000);
      child.child.kill('SIGKILL');
      await child.exited;
      const killed = await journal.status('kill');
      expect(killed.states.issued).toBeLessThan(12);
      await waitFor(async () => (await driver.list()).every((r) => !r.cardPresent), 10_000);
      const rerun = await runHcard(args, { env: env(), timeoutMs: 120_000 });
      expect(rerun.code, rerun.stderr).toBe(0);
      const status = await journal.status('kill');
      expect(status.states).toMatchObject({ issued: 12, prepared: 0, encoding: 0 });
      const chips = new Set<string>();
      for await (const row of journal.rows('kill', { states: ['issued'] })) chips.add(row.chipSerial!);
      expect(chips.size).toBe(12);
    } finally {
      await journal.close();
    }
  }, 240_000);

  it.skipIf(!process.env.CI && postgresUnavailable())(
    'two stations on one PostgreSQL batch: every job done once, by one station',
    async () => {
      const url = await pg!.createDatabase('two_stations');
      const { journal } = await preparedBatch('two', 16, url);
      const station = (reader: string, hopper: string) =>
        start([
          'issue',
          'encode',
          '--batch',
          'two',
          '--encoder',
          reader,
          '--hopper',
          join(dir, hopper),
          '--store',
          url,
        ]);
      try {
        const one = station(READERS.user.name, 'hopper-one');
        const two = station(READERS.psam.name, 'hopper-two');
        const [r1, r2] = await Promise.all([one.exited, two.exited]);
        expect(r1.code, r1.stderr).toBe(0);
        expect(r2.code, r2.stderr).toBe(0);
        expect((await journal.status('two')).states).toMatchObject({ issued: 16, prepared: 0, encoding: 0 });
        const byOne = readdirSync(join(dir, 'hopper-one')).filter((f) => f.endsWith('.json')).length;
        const byTwo = readdirSync(join(dir, 'hopper-two')).filter((f) => f.endsWith('.json')).length;
        expect(byOne + byTwo).toBe(16);
        expect(byOne).toBeGreaterThan(0);
        expect(byTwo).toBeGreaterThan(0);
        const rows = new Set<number>();
        for await (const row of journal.rows('two', { states: ['issued'] })) rows.add(row.rowNumber);
        expect(rows.size).toBe(16);
      } finally {
        await journal.close();
      }
    },
    240_000,
  );
});

/** What `hcard read` must show for a row (codes and dates in the card's form). */
function expectedItems(row: Row): Record<string, string> {
  const ethnicity = Object.entries(HEALTH_CARD_PROFILE.codeTables.ethnicity!.codes).find(
    ([, name]) => name === row.ethnicity,
  )![0];
  return {
    name: row.name,
    sex: row.sex === '男' ? '01' : '02',
    ethnicity,
    birthDate: row.birthDate.replaceAll('-', ''),
    idNumber: row.idNumber,
    cardNumber: row.idNumber,
    phone1: row.phone,
    address1: row.address,
    ruralInsuranceNumber: row.ruralInsuranceNumber,
    issuerName: TEST_ISSUER_CONFIG.issuerName,
    issuerCode: TEST_ISSUER_CONFIG.issuerCode,
    cityCode: TEST_ISSUER_CONFIG.cityCode,
    issueDate: ISSUE_DATE,
    expiryDate: '20361130',
  };
}
