/**
 * Synthetic enrolment sheets for issuance tests and the benchmark: rows of made-up residents
 * (names from common characters, ID numbers that pass GB 11643 with real county codes, unique
 * by construction), with faults planted at known rows so a test knows exactly how many rows
 * must end in each state and with each reason. Deterministic for a seed; streams, so a
 * million-row file never sits in memory.
 */
import { countyCodes, gb11643CheckDigit, HEALTH_CARD_PROFILE } from '@hcard/card-core';
import { createRandom } from '@hcard/emulator';
import { DEFAULT_COLUMNS, ENROLMENT_FIELDS, type EnrolmentField, type RejectReason } from '@hcard/issuance';

export type Row = Record<EnrolmentField, string>;

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢';
const GIVEN =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍红鹏建华飞鑫波斌宇浩凯健俊帆帅旭宁龙林欣';
const TOWNSHIPS = ['城关镇', '河口镇', '新安乡', '石桥镇', '大营乡', '柳林镇', '黄庄乡', '清水镇'];
const VILLAGES = ['东村', '西村', '南庄', '北庄', '前营', '后营', '李家湾', '王家岗', '张寨', '刘楼'];
const ETHNICITIES: readonly string[] = Object.values(HEALTH_CARD_PROFILE.codeTables.ethnicity!.codes);

/** Reasons a generated sheet can plant by itself (duplicates across batches need two sheets). */
export const PLANTABLE = [
  'ID_FORMAT',
  'ID_CHECKSUM',
  'ID_BIRTHDATE',
  'ID_SEX_MISMATCH',
  'ID_REGION_UNKNOWN',
  'FIELD_MISSING',
  'FIELD_TOO_LONG',
  'CHAR_NOT_ENCODABLE',
  'PHONE_INVALID',
  'ETHNICITY_UNKNOWN',
  'DUPLICATE_IN_BATCH',
] as const satisfies readonly RejectReason[];

export interface SheetOptions {
  readonly rows: number;
  readonly seed?: number;
  /** First person index: sheets with distinct ranges share no ID number. */
  readonly offset?: number;
  /** How many rows of each reason to plant (spread over the sheet). */
  readonly faults?: Partial<Record<(typeof PLANTABLE)[number], number>>;
  /** ID numbers to repeat (from an earlier batch): planted DUPLICATE_ISSUED rows. */
  readonly issuedIds?: readonly string[];
}

const COUNTIES = countyCodes().filter((c) => !c.endsWith('00'));
const DAY = 86_400_000;
const BASE_DAY = Date.UTC(1940, 0, 1);
const yyyymmdd = (t: number) => new Date(t).toISOString().slice(0, 10).replaceAll('-', '');

/** Person number n → a unique valid ID number (500 per birth day, 20,000 days per county). */
export function syntheticId(n: number, male: boolean): string {
  const seq = (n % 500) * 2 + (male ? 1 : 0);
  const day = Math.floor(n / 500) % 20_000;
  const county = COUNTIES[Math.floor(n / (500 * 20_000)) % COUNTIES.length]!;
  const first17 = `${county}${yyyymmdd(BASE_DAY + day * DAY)}${String(seq).padStart(3, '0')}`;
  return first17 + gb11643CheckDigit(first17);
}

export function validRow(n: number, random: () => number): Row {
  const male = random() < 0.5;
  const id = syntheticId(n, male);
  const pick = (s: string) => s[Math.floor(random() * s.length)]!;
  const township = TOWNSHIPS[n % TOWNSHIPS.length]!;
  const village = VILLAGES[Math.floor(n / TOWNSHIPS.length) % VILLAGES.length]!;
  return {
    name: pick(SURNAMES) + pick(GIVEN) + (random() < 0.6 ? pick(GIVEN) : ''),
    sex: male ? '男' : '女',
    ethnicity: random() < 0.9 ? '汉族' : ETHNICITIES[Math.floor(random() * ETHNICITIES.length)]!,
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    idNumber: id,
    phone: `1${3 + Math.floor(random() * 7)}${String(Math.floor(random() * 1e9)).padStart(9, '0')}`,
    address: `${township}${village}${1 + Math.floor(random() * 200)}号`,
    ruralInsuranceNumber: random() < 0.8 ? id : '',
    township,
    village,
  };
}

/** Turns a valid row into one that fails for exactly this reason. */
function plant(reason: (typeof PLANTABLE)[number], row: Row, earlier: string): Row {
  const id = row.idNumber;
  const withCheck = (first17: string) => first17 + gb11643CheckDigit(first17);
  switch (reason) {
    case 'ID_FORMAT':
      return { ...row, idNumber: id.slice(0, 15) };
    case 'ID_CHECKSUM': {
      const wrong = '0123456789X'.split('').find((c) => c !== id[17])!;
      return { ...row, idNumber: id.slice(0, 17) + wrong };
    }
    case 'ID_BIRTHDATE':
      return { ...row, birthDate: `${Number(id.slice(6, 10)) + 1}-${id.slice(10, 12)}-${id.slice(12, 14)}` };
    case 'ID_SEX_MISMATCH':
      return { ...row, sex: row.sex === '男' ? '女' : '男' };
    case 'ID_REGION_UNKNOWN':
      // 99 is no province in any GB/T 2260 revision.
      return { ...row, idNumber: withCheck(`990101${id.slice(6, 17)}`), ruralInsuranceNumber: '' };
    case 'FIELD_MISSING':
      return { ...row, name: '' };
    case 'FIELD_TOO_LONG':
      return { ...row, address: '很'.repeat(51) };
    case 'CHAR_NOT_ENCODABLE':
      // U+20BB7 is outside GBK (code page 936), so the card cannot store it.
      return { ...row, name: `${row.name.slice(0, 1)}\u{20BB7}` };
    case 'PHONE_INVALID':
      return { ...row, phone: '12345' };
    case 'ETHNICITY_UNKNOWN':
      return { ...row, ethnicity: '火星族' };
    case 'DUPLICATE_IN_BATCH':
      return {
        ...row,
        idNumber: earlier,
        birthDate: `${earlier.slice(6, 10)}-${earlier.slice(10, 12)}-${earlier.slice(12, 14)}`,
        sex: Number(earlier[16]) % 2 === 1 ? '男' : '女',
        ruralInsuranceNumber: '',
      };
  }
}

export interface Sheet {
  /** Rows in order, generated as they are read. */
  rows(): Generator<Row>;
  /** What prepare must end with. */
  readonly expected: {
    readonly prepared: number;
    readonly reasons: Readonly<Partial<Record<RejectReason, number>>>;
  };
}

export function enrolmentSheet(options: SheetOptions): Sheet {
  const offset = options.offset ?? 0;
  const planted = new Map<number, (typeof PLANTABLE)[number] | 'DUPLICATE_ISSUED'>();
  const reasons: Partial<Record<RejectReason, number>> = {};
  // Faults go to evenly spread rows, never row 0 (a duplicate needs an earlier row to copy).
  const faults = Object.entries(options.faults ?? {}) as [(typeof PLANTABLE)[number], number][];
  const issued = options.issuedIds ?? [];
  const total = faults.reduce((n, [, k]) => n + k, 0) + issued.length;
  if (total * 2 >= options.rows) throw new Error(`${total} faults need more than ${options.rows} rows`);
  const stride = Math.floor((options.rows - 1) / total);
  let slot = 1;
  for (const [reason, count] of faults)
    for (let k = 0; k < count; k++, slot += stride) planted.set(slot, reason);
  for (let k = 0; k < issued.length; k++, slot += stride) planted.set(slot, 'DUPLICATE_ISSUED');
  for (const r of planted.values()) reasons[r] = (reasons[r] ?? 0) + 1;
  const rejected = [...planted.values()].length;

  return {
    expected: { prepared: options.rows - rejected, reasons },
    *rows() {
      const rng = createRandom(options.seed ?? 1);
      const random = () => rng.next();
      let issuedIndex = 0;
      let previousValid = '';
      for (let i = 0; i < options.rows; i++) {
        const row = validRow(offset + i, random);
        const fault = planted.get(i);
        if (fault === undefined) {
          previousValid = row.idNumber;
          yield row;
        } else if (fault === 'DUPLICATE_ISSUED') {
          const id = issued[issuedIndex++]!;
          yield {
            ...row,
            idNumber: id,
            birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
            sex: Number(id[16]) % 2 === 1 ? '男' : '女',
            ruralInsuranceNumber: '',
          };
        } else yield plant(fault, row, previousValid);
      }
    },
  };
}

/** The sheet as CSV text lines with the default Chinese headers (first line is the header). */
export function* csvLines(sheet: Sheet): Generator<string> {
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  yield ENROLMENT_FIELDS.map((f) => DEFAULT_COLUMNS[f]).join(',');
  for (const row of sheet.rows()) yield ENROLMENT_FIELDS.map((f) => quote(row[f])).join(',');
}

/** The sheet as JSONL lines keyed by the Chinese headers. */
export function* jsonlLines(sheet: Sheet): Generator<string> {
  for (const row of sheet.rows())
    yield JSON.stringify(Object.fromEntries(ENROLMENT_FIELDS.map((f) => [DEFAULT_COLUMNS[f], row[f]])));
}
