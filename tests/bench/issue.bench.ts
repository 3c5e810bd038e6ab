/**
 * `pnpm bench:issue [--rows N] [--cards N] [--stages a,b,c,d]`: the issuance hot path, each stage against a
 * floor measured in the same run (BENCHMARKS.md):
 *  (a) prepare without photos, cards/s, against streaming the same file into the same store with
 *      no validation or encoding; both in child processes;
 *  (b) photo normalisation from 600×800 JPEGs against bare sharp doing the same resize;
 *  (c) peak RSS of prepare at two batch sizes (flat means streaming works);
 *  (d) encode with 1, 2 and 4 emulated encoders through pcscd, per card, against a bare replay
 *      of the same APDUs to a card that does no work, through the same readers.
 * The enrolment file is generated first (synthetic residents, a few planted faults).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CardChannel, concatBytes } from '@hcard/card-core';
import {
  buildPsamImage,
  EmulatedPsam,
  healthCardAtr,
  TEST_KEY_STORE,
  TEST_PSAM_PIN,
  testCertificate,
  VpcdCard,
  type VpcdCardLike,
} from '@hcard/emulator';
import {
  EmulatedPrinter,
  encodeBatch,
  issuanceSettings,
  openJournal,
  prepareBatch,
  TEST_ISSUER_CONFIG,
} from '@hcard/issuance';
import { PcscDriver, type ReaderDriver } from '@hcard/reader-driver';
import { enrolmentSheet, PLANTABLE } from '../support/enrolment.js';
import { writeSheet } from '../support/enrolment-files.js';
import { PcscRig, waitFor } from '../support/pcsc-rig.js';
import { benchPhotoStage } from './issue/photo-stage.js';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
};
const ROWS = Number(arg('rows') ?? 1_000_000);
const SMALL = Math.max(10_000, Math.round(ROWS / 10));
const ENCODE_CARDS = Number(arg('cards') ?? 24);
const STAGES = new Set((arg('stages') ?? 'a,b,c,d').split(','));
const dir = mkdtempSync(join(tmpdir(), 'hcard-bench-issue-'));
const tsx = join(process.cwd(), 'node_modules/.bin/tsx');
const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

console.log(
  `hcard issuance benchmark: ${ROWS.toLocaleString('en-US')} rows; ${cpus().length} × ${cpus()[0]?.model}; Node ${process.version}`,
);

// ---- the enrolment files (generator included) ---------------------------------------------
async function generate(rows: number, name: string): Promise<string> {
  const faults = Object.fromEntries(PLANTABLE.map((r) => [r, Math.max(1, Math.floor(rows / 100_000))]));
  const path = join(dir, name);
  const started = performance.now();
  await writeSheet(enrolmentSheet({ rows, faults, seed: 42 }), path, 'csv');
  const ms = performance.now() - started;
  console.log(
    `generated ${name}: ${fmt(rows)} rows, ${fmt(statSync(path).size / 2 ** 20, 1)} MiB in ${fmt(ms / 1000, 1)} s (${fmt(rows / (ms / 1000))} rows/s)`,
  );
  return path;
}

interface ChildResult {
  mode: string;
  rows: number;
  ms: number;
  maxRssMb: number;
}

function child(mode: 'prepare' | 'floor', input: string): ChildResult {
  const db = join(dir, `${mode}-${Math.random().toString(36).slice(2)}.db`);
  const out = execFileSync(
    tsx,
    [join(import.meta.dirname, 'issue/prepare-child.ts'), mode, input, `sqlite:${db}`],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  );
  rmSync(db, { force: true });
  rmSync(`${db}-wal`, { force: true });
  rmSync(`${db}-shm`, { force: true });
  return JSON.parse(out.trim().split('\n').at(-1)!) as ChildResult;
}

if (STAGES.has('a') || STAGES.has('c')) {
  const big = await generate(ROWS, 'big.csv');
  const small = await generate(SMALL, 'small.csv');

  // ---- (a) and (c): prepare against its floor, peak RSS at two sizes -------------------------
  console.log('\n(a) prepare without photos, SQLite, child processes (floor and prepare alternate):');
  const results: ChildResult[] = [];
  for (const mode of ['floor', 'prepare'] as const) {
    const r = child(mode, big);
    results.push(r);
    console.log(
      `  ${mode.padEnd(8)} ${fmt(r.rows)} rows in ${fmt(r.ms / 1000, 1)} s = ${fmt(r.rows / (r.ms / 1000))} rows/s, peak RSS ${fmt(r.maxRssMb)} MB`,
    );
  }
  const floor = results[0]!;
  const prep = results[1]!;
  console.log(
    `  prepare / floor = ${fmt(prep.rows / prep.ms / (floor.rows / floor.ms), 2)} (target ≥ 25,000 cards/s: ${prep.rows / (prep.ms / 1000) >= 25_000 ? 'met' : 'not met'})`,
  );
  const smallPrep = child('prepare', small);
  console.log(
    `\n(c) peak RSS of prepare: ${fmt(SMALL)} rows → ${fmt(smallPrep.maxRssMb)} MB; ${fmt(ROWS)} rows → ${fmt(prep.maxRssMb)} MB (target < 512 MB)`,
  );
}

// ---- (b) photos ------------------------------------------------------------------------------
if (STAGES.has('b')) {
  console.log('\n(b) photo normalisation (600×800 → 102×126, best JPEG ≤ 3072 bytes) against bare sharp:');
  const photo = await benchPhotoStage({ photos: 60 });
  console.log(
    `  normalise ${fmt(photo.normalisePerSec)} photos/s, bare sharp ${fmt(photo.bareSharpPerSec)} photos/s, ratio ${fmt(photo.ratio, 2)} (target ≥ 0.9), ${fmt(photo.encodesPerPhoto, 2)} encodes/photo`,
  );

  // ---- (d) encode through pcscd ----------------------------------------------------------------
}

// ---- (d) encode through pcscd ----------------------------------------------------------------
if (STAGES.has('d')) await benchEncode();
rmSync(dir, { recursive: true, force: true });

/** A card that does no work: answers every command with Le zero bytes and 9000. */
function nullCard(atr: Uint8Array): VpcdCardLike {
  return {
    atr,
    reset: () => atr,
    process: (command) => {
      const le =
        command.length === 5
          ? command[4]!
          : command.length > 5 + command[4]!
            ? command[command.length - 1]!
            : 0;
      return concatBytes(new Uint8Array(le), Uint8Array.of(0x90, 0x00));
    },
  };
}

async function benchEncode(): Promise<void> {
  const ENCODERS = [
    { name: 'Virtual PCD 00 00', port: 35963 },
    { name: 'Virtual PCD 00 01', port: 35964 },
    { name: 'Virtual PCD B 00 00', port: 35965 },
    { name: 'Virtual PCD B 00 01', port: 35966 },
  ];
  // The rig's own pcscd, with a second vpcd device for encoders 3 and 4.
  const rig = new PcscRig({ replaceForeignDaemon: true, extraVpcdDevices: ['Virtual PCD B'] });
  await rig.start();
  const driver = new PcscDriver({ restartDelayMs: 200 });
  console.log(
    `\n(d) encode through pcscd + vpcd (quick-ACK ${rig.quickAck.applied ? 'on' : 'off'}), ${ENCODE_CARDS} cards per run:`,
  );
  const settings = issuanceSettings(
    { ...TEST_ISSUER_CONFIG, issueDate: '20261130' },
    testCertificate('issuer'),
  );
  const sheet = join(dir, 'encode.csv');
  await writeSheet(enrolmentSheet({ rows: ENCODE_CARDS, seed: 9 }), sheet, 'csv');

  // The APDUs of one card, recorded from the first encode run; time with the card connected.
  const recorded: Uint8Array[] = [];
  const cardWork = { ms: 0, cards: 0 };
  let recording = true;
  const recorder: ReaderDriver = {
    kind: driver.kind,
    list: () => driver.list(),
    watch: () => driver.watch(),
    close: () => driver.close(),
    connect: async (reader, options) => {
      const channel = await driver.connect(reader, options);
      const opened = performance.now();
      const record = recording;
      return {
        atr: channel.atr,
        protocol: channel.protocol,
        transmit: (command) => {
          if (record) recorded.push(command);
          return channel.transmit(command);
        },
        close: async () => {
          await channel.close();
          cardWork.ms += performance.now() - opened;
          cardWork.cards++;
        },
      } satisfies CardChannel;
    },
  };

  try {
    for (const n of [1, 2, 4]) {
      cardWork.ms = 0;
      cardWork.cards = 0;
      const journal = await openJournal(`sqlite:${join(dir, `encode-${n}.db`)}`);
      await prepareBatch({
        input: sheet,
        batch: 'e',
        journal,
        settings,
        securityCodes: (c) => TEST_KEY_STORE.securityCodes(c),
      });
      const stations = ENCODERS.slice(0, n).map((e) => ({
        printer: new EmulatedPrinter({
          encoder: e.name,
          port: e.port,
          hopper: join(dir, `hopper-${n}`),
          seed: `bench-${n}-${e.port}`,
        }),
      }));
      const started = performance.now();
      const result = await encodeBatch({
        batch: 'e',
        journal,
        keyStore: TEST_KEY_STORE,
        driver: recorder,
        stations,
        psam: async () => ({ channel: new EmulatedPsam(buildPsamImage()), pin: TEST_PSAM_PIN }),
        face: async () => new Uint8Array(0),
        onCard: (event) => {
          recording = false;
          if (event.type === 'spoiled')
            console.log(`    spoiled row ${event.rowNumber}: ${event.reason} ${event.detail}`);
        },
      });
      const ms = performance.now() - started;
      await Promise.all(stations.map((s) => s.printer.close()));
      await journal.close();

      // The same APDUs, card by card, to a card that does no work, through the same readers.
      const atr = healthCardAtr(new Uint8Array(8));
      const replayStarted = performance.now();
      let replayed = 0;
      let replayWork = 0;
      await Promise.all(
        ENCODERS.slice(0, n).map(async (e) => {
          while (replayed < ENCODE_CARDS) {
            replayed++;
            await waitFor(
              async () => !(await driver.list()).find((r) => r.name === e.name)?.cardPresent,
              5000,
            );
            const card = new VpcdCard(nullCard(atr), { port: e.port });
            await card.insert();
            await waitFor(
              async () => Boolean((await driver.list()).find((r) => r.name === e.name)?.cardPresent),
              5000,
            );
            const channel = await driver.connect(e.name, { shareMode: 'exclusive', disposition: 'reset' });
            const opened = performance.now();
            for (const command of recorded) await channel.transmit(command);
            await channel.close();
            replayWork += performance.now() - opened;
            card.remove();
          }
        }),
      );
      const replayMs = performance.now() - replayStarted;
      const perCard = ms / result.issued;
      const perCardFloor = replayMs / ENCODE_CARDS;
      const work = cardWork.ms / cardWork.cards;
      const workFloor = replayWork / ENCODE_CARDS;
      console.log(
        `  ${n} encoder${n > 1 ? 's' : ' '}: ${result.issued} issued, ${result.spoiled} spoiled; ${fmt(perCard, 1)} ms/card (${fmt(1000 / perCard, 1)} cards/s) against a bare replay of the same ${recorded.length} APDUs ${fmt(perCardFloor, 1)} ms/card: ${fmt(perCard / perCardFloor, 2)}×`,
        `\n              card connected (personalise + read back): ${fmt(work, 1)} ms against ${fmt(workFloor, 1)} ms for the replay: ${fmt(work / workFloor, 2)}×`,
      );
    }
  } finally {
    await driver.close();
    await rig.stop();
  }
}
