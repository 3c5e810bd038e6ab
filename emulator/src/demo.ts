/**
 * The main job for now: generate a synthetic resident health card, read it through the
 * in-process emulator with the real session code (PSAM authentication, every file) and print
 * it. Run: `pnpm demo [--seed N] [--all] [--json]`.
 */
import { parseArgs } from 'node:util';
import {
  ALL_SECTIONS,
  describeItems,
  ERROR_CATALOGUE,
  HEALTH_CARD_PROFILE,
  type HealthCardData,
  HealthCardSession,
  hcardError,
  PsamClient,
  toHcardError,
  toHex,
} from '@hcard/card-core';
import { EmulatedHealthCard } from './health-card/emulated-health-card.js';
import { buildPsamImage, generateCard } from './images/build-image.js';
import { EmulatedPsam } from './psam/emulated-psam.js';

const HELP = `Usage: pnpm demo [options]

Reads a synthetic resident health card through the in-process card and PSAM emulators
and prints it. All data is generated; no real person is involved.

Options:
  --seed <n>   which synthetic resident to generate (default 1)
  --all        print every data item (default: the registration view)
  --json       print the card as JSON
  -h, --help   show this help
`;

/** Items a registration desk shows first (spec §4.2). */
const REGISTRATION_KEYS = [
  'name',
  'sex',
  'ethnicity',
  'birthDate',
  'idNumber',
  'cardNumber',
  'expiryDate',
  'phone1',
  'paymentScheme1',
  'paymentScheme2',
  'paymentScheme3',
  'cityCode',
  'issuerName',
];

function printHuman(data: HealthCardData, all: boolean, source: string, apdus: number, ms: number): void {
  const shown = all ? data.items : Object.fromEntries(REGISTRATION_KEYS.map((k) => [k, data.items[k] ?? '']));
  console.log(`居民健康卡 — read from ${source} (${apdus} APDUs, ${ms.toFixed(1)} ms)\n`);
  for (const d of describeItems(HEALTH_CARD_PROFILE, shown)) {
    const value =
      d.key === 'issuerCertificate' ? `${d.value.slice(0, 24)}… (${d.value.length / 2} bytes)` : d.value;
    console.log(
      `  ${String(d.no).padStart(3)} ${d.name.padEnd(10, '　')} ${value}${d.meaning ? `  (${d.meaning})` : ''}`,
    );
  }
  console.log(`\n  photo: ${data.photo ? `JPEG, ${data.photo.length} bytes` : 'none'}`);
  console.log(
    `  allergies: ${data.allergies?.map((a) => `${a.substance}: ${a.reaction}`).join('; ') || 'none'}`,
  );
  console.log(
    `  immunisations: ${data.immunisations?.map((i) => `${i.name} ${i.date}`).join('; ') || 'none'}`,
  );
  console.log(
    `  inpatient records: ${data.inpatient?.map((r) => `#${r.number} ${r.items.hospitalName}`).join('; ') || 'none'}`,
  );
  console.log(
    `  outpatient records: ${data.outpatient?.map((r) => `#${r.number} ${r.items.visitHospitalName}`).join('; ') || 'none'}`,
  );
  if (!all) console.log('\n  (--all prints every item, --json everything as JSON)');
}

async function main(): Promise<number> {
  let values: { seed: string; all: boolean; json: boolean; help: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        seed: { type: 'string', default: '1' },
        all: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (e) {
    throw hcardError('HCARD_E_ARG_INVALID', `${(e as Error).message} (see --help)`);
  }
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const seed = Number(values.seed);
  const card = new EmulatedHealthCard(generateCard(Number.isFinite(seed) ? seed : values.seed).image);
  const psam = new EmulatedPsam(buildPsamImage());
  const started = performance.now();
  const opened = await HealthCardSession.open(card, new PsamClient(psam));
  if (!opened.ok) throw new Error(`card refused ${opened.refusal.command}: ${opened.refusal.meaning}`);
  const read = await opened.value.readCard(ALL_SECTIONS);
  const ms = performance.now() - started;
  if (!read.ok) {
    console.error(`hcard: the card refused ${read.refusal.command} (${read.refusal.meaning})`);
    return ERROR_CATALOGUE.HCARD_E_SW_REFUSED.exit;
  }
  if (values.json) {
    console.log(JSON.stringify(read.value, (_k, v) => (v instanceof Uint8Array ? toHex(v) : v), 2));
  } else {
    printHuman(read.value, values.all, 'the in-process emulator', opened.value.apduCount, ms);
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    const err = toHcardError(e);
    console.error(`hcard: ${err.code}: ${err.message}`);
    process.exit(ERROR_CATALOGUE[err.code].exit);
  },
);
