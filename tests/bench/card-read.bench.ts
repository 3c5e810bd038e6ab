/**
 * Benchmark (not a test): a full read of a generated card through the in-process emulator with
 * the real session (PSAM authentication, every file), against a floor measured in the same run:
 * the same command stream fed straight into the emulated card and PSAM, without the session,
 * channels or codecs. Also the registration read (EF05+EF06+EF08) and SM2 against sm-crypto.
 * Run: pnpm bench
 */
import { cpus } from 'node:os';
import {
  type CardChannel,
  HealthCardSession,
  PsamClient,
  type Section,
  withTranscript,
} from '@hcard/card-core';
import {
  buildPsamImage,
  EmulatedHealthCard,
  EmulatedPsam,
  generateCard,
  TEST_SESSION_OPTIONS,
} from '@hcard/emulator';
import { benchSm2 } from './sm2.bench.js';

const ROUNDS = 60;
const image = generateCard('benchmark', { encounters: { inpatient: 3, outpatient: 5 } }).image;
const psamImage = buildPsamImage();

async function readOnce(sections?: readonly Section[], capture?: { card: Uint8Array[]; psam: Uint8Array[] }) {
  const card = new EmulatedHealthCard(image);
  const psam = new EmulatedPsam(psamImage);
  // The floor feeds the captured commands to the emulators, so they are kept unmasked: the
  // bench card is synthetic.
  const tap = (c: CardChannel, into?: Uint8Array[]) =>
    into ? withTranscript(c, (e) => into.push(e.command), { privacy: 'secrets-only' }) : c;
  const opened = await HealthCardSession.open(
    tap(card, capture?.card),
    new PsamClient(tap(psam, capture?.psam)),
    TEST_SESSION_OPTIONS,
  );
  if (!opened.ok) throw new Error(opened.refusal.meaning);
  const read = await opened.value.readCard(sections);
  if (!read.ok) throw new Error(read.refusal.meaning);
  return { cardApdus: card.commandCount, psamApdus: psam.commandCount };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function timeIt(f: () => Promise<unknown> | unknown): Promise<number> {
  for (let i = 0; i < 5; i++) await f(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t = performance.now();
    await f();
    times.push(performance.now() - t);
  }
  return median(times);
}

async function benchRead(label: string, sections?: readonly Section[]) {
  const capture = { card: [] as Uint8Array[], psam: [] as Uint8Array[] };
  const counts = await readOnce(sections, capture);
  // The floor: the emulators alone process the recorded commands (PSAM PIN included, unredacted).
  const psamCommands = capture.psam.map((c) =>
    c[1] === 0x20 ? Uint8Array.of(0, 0x20, 0, 0, 3, 0x12, 0x34, 0x56) : c,
  );
  const session = await timeIt(() => readOnce(sections));
  const floor = await timeIt(() => {
    const card = new EmulatedHealthCard(image, { random: () => new Uint8Array(8) });
    const psam = new EmulatedPsam(psamImage);
    for (const c of capture.card) card.process(c);
    for (const c of psamCommands) psam.process(c);
  });
  return { label, ...counts, session, floor };
}

const rows = [
  await benchRead('full read (all 385 items, 3 EE + 5 ED)'),
  await benchRead('registration read (EF05+EF06+EF08)', ['basic']),
];
console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model}, Node ${process.version}; median of ${ROUNDS} rounds\n`,
);
console.log('| read | card APDUs | PSAM APDUs | session ms | floor ms | session / floor |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(
    `| ${r.label} | ${r.cardApdus} | ${r.psamApdus} | ${r.session.toFixed(2)} | ${r.floor.toFixed(2)} | ${(r.session / r.floor).toFixed(2)} |`,
  );
}
console.log('\n| SM2 operation | hcard/s | sm-crypto/s | hcard / sm-crypto |');
console.log('|---|---:|---:|---:|');
for (const r of await benchSm2()) {
  console.log(`| ${r.name} | ${Math.round(r.hcard)} | ${Math.round(r.smCrypto)} | ${r.ratio.toFixed(1)} |`);
}
