/**
 * Data object lists (EMV Book 3 §5.4): the PDOL in a SELECT response (tag 9F38) asks the
 * terminal for values by tag and length; GET PROCESSING OPTIONS sends them concatenated in
 * that order (spec B.2, B.3). The reader only wants to read the application, so it answers with
 * neutral values: zero amounts, an inquiry, today's date, China as country and currency.
 */
import { concatBytes, fromHex } from '../bytes.js';
import { hcardError } from '../errors.js';

export interface DolEntry {
  readonly tag: number;
  readonly length: number;
}

/** Tags of up to 3 bytes, as BER-TLV (ISO/IEC 7816-4 §5.2.2.1). */
const MAX_TAG_BYTES = 3;

/** Parses a DOL: tag, one length byte, tag, length … Throws HCARD_E_BANK_DATA_INVALID. */
export function parseDol(bytes: Uint8Array): DolEntry[] {
  const out: DolEntry[] = [];
  let p = 0;
  while (p < bytes.length) {
    let tag = bytes[p++]!;
    if ((tag & 0x1f) === 0x1f) {
      for (let n = 1; ; n++) {
        const b = bytes[p++];
        if (b === undefined || n >= MAX_TAG_BYTES)
          throw hcardError('HCARD_E_BANK_DATA_INVALID', 'DOL tag truncated or too long');
        tag = tag * 256 + b;
        if ((b & 0x80) === 0) break;
      }
    }
    const length = bytes[p++];
    if (length === undefined) throw hcardError('HCARD_E_BANK_DATA_INVALID', 'DOL entry without length');
    out.push({ tag, length });
  }
  return out;
}

/** The data's length when a DOL is filled. */
export const dolDataLength = (dol: readonly DolEntry[]): number => dol.reduce((n, e) => n + e.length, 0);

/** EMV formats that change how a value is fitted to the length the card asks for. */
export type DolFormat = 'n' | 'cn' | 'b';

export interface TerminalDataDef {
  readonly tag: number;
  readonly name: string;
  readonly zh: string;
  readonly format: DolFormat;
  /** Hex, or computed from the time of the read. */
  readonly value: string | ((now: Date) => string);
  readonly why: string;
}

const yymmdd = (now: Date) =>
  [now.getFullYear() % 100, now.getMonth() + 1, now.getDate()]
    .map((v) => String(v).padStart(2, '0'))
    .join('');

/** The values the reader gives for the PDOL of spec B.2 (34 bytes); other tags get zeros. */
export const TERMINAL_DATA: readonly TerminalDataDef[] = [
  {
    tag: 0x9f66,
    name: 'Terminal transaction qualifiers',
    zh: '终端交易属性',
    format: 'b',
    value: '00000000',
    why: 'claims no contactless capability: a contact read',
  },
  {
    tag: 0x9f02,
    name: 'Amount, authorised',
    zh: '授权金额',
    format: 'n',
    value: '000000000000',
    why: 'nothing is paid',
  },
  {
    tag: 0x9f03,
    name: 'Amount, other',
    zh: '其它金额',
    format: 'n',
    value: '000000000000',
    why: 'nothing is paid',
  },
  {
    tag: 0x9f1a,
    name: 'Terminal country code',
    zh: '终端国家代码',
    format: 'n',
    value: '0156',
    why: 'ISO 3166 China',
  },
  {
    tag: 0x95,
    name: 'Terminal verification results',
    zh: '终端验证结果',
    format: 'b',
    value: '0000000000',
    why: 'no checks failed',
  },
  {
    tag: 0x5f2a,
    name: 'Transaction currency code',
    zh: '交易货币代码',
    format: 'n',
    value: '0156',
    why: 'ISO 4217 CNY',
  },
  { tag: 0x9a, name: 'Transaction date', zh: '交易日期', format: 'n', value: yymmdd, why: 'today, YYMMDD' },
  {
    tag: 0x9c,
    name: 'Transaction type',
    zh: '交易类型',
    format: 'n',
    value: '31',
    why: 'an inquiry (spec B.5: 31 主账户查询), not a purchase',
  },
  {
    tag: 0x9f37,
    name: 'Unpredictable number',
    zh: '不可预知数',
    format: 'b',
    value: '00000000',
    why: 'zeros: no cryptogram is asked for',
  },
  {
    tag: 0xdf60,
    name: 'CAPP transaction indicator',
    zh: 'CAPP 交易指示位',
    format: 'b',
    value: '00',
    why: 'not a CAPP (分段扣费) transaction',
  },
];

/**
 * Fits a value to the length the card asks for (EMV Book 3 §5.4): numeric values keep their
 * rightmost bytes and are padded with leading 00; cn values are padded with trailing FF; other
 * values keep their leftmost bytes and are padded with trailing 00.
 */
export function fitDolValue(value: Uint8Array, length: number, format: DolFormat): Uint8Array {
  if (value.length === length) return value;
  if (format === 'n') {
    if (value.length > length) return value.slice(value.length - length);
    return concatBytes(new Uint8Array(length - value.length), value);
  }
  if (value.length > length) return value.slice(0, length);
  const pad = new Uint8Array(length - value.length).fill(format === 'cn' ? 0xff : 0x00);
  return concatBytes(value, pad);
}

/**
 * The PDOL data: each entry's value from `table` (fitted to its length), zeros for tags the
 * table does not have (EMV Book 3 §5.4).
 */
export function fillDol(
  dol: readonly DolEntry[],
  now: Date = new Date(),
  table: readonly TerminalDataDef[] = TERMINAL_DATA,
): Uint8Array {
  return concatBytes(
    ...dol.map(({ tag, length }) => {
      const def = table.find((d) => d.tag === tag);
      if (!def) return new Uint8Array(length);
      const hex = typeof def.value === 'string' ? def.value : def.value(now);
      return fitDolValue(fromHex(hex), length, def.format);
    }),
  );
}
