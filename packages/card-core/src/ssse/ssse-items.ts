/**
 * The SSSE basic-data items of EF05 (card data) and EF06 (holder data) as one table (spec A.3,
 * A.4). Every record is SIMPLE-TLV `tag | len | value` and its record identifier is the tag;
 * rows are in the order the records sit in their file, so a row's position among the rows a
 * generation has is its record number (A.5: 2.0 cards put 姓名扩展 at EF06 record 3).
 */
import { hcardError } from '../errors.js';
import type { Confidence } from '../profiles/types.js';
import type { SsseFileId } from './ssse-application.js';

/**
 * How a value is stored (A.3, A.4):
 * - `b`: bytes, shown as uppercase hex;
 * - `an`: ASCII text, left-aligned, right-padded with 00;
 * - `cn`: packed BCD digits, left-aligned, right-padded with nibble F;
 * - `date`: a `cn` date YYYYMMDD in 4 bytes;
 * - `gbk`: GBK (code page 936) text, right-padded with 00 (some cards: spaces).
 */
export type SsseEncoding = 'b' | 'an' | 'cn' | 'date' | 'gbk';

/** The padding rule of each encoding (A.4, quoted from the public spec summary [M]). */
export const SSSE_PADDING: Readonly<Record<SsseEncoding, string>> = {
  b: 'none: the value fills the field',
  an: 'left-aligned, right-padded with 00 (spaces trimmed when read)',
  cn: 'left-aligned, right-padded with nibble F',
  date: 'none: 8 digits fill 4 bytes',
  gbk: 'left-aligned, right-padded with 00 or spaces; both trimmed when read',
};

export type SsseItemKey =
  | 'cardIdCode'
  | 'cardType'
  | 'specVersion'
  | 'initOrgNumber'
  | 'issueDate'
  | 'expiryDate'
  | 'cardNumber'
  | 'socialSecurityNumber'
  | 'name'
  | 'nameExtension'
  | 'sex'
  | 'ethnicity'
  | 'birthPlace'
  | 'birthDate';

export interface SsseItem {
  /** Tag = record identifier (READ RECORD P1 with P2=00). */
  readonly tag: number;
  readonly key: SsseItemKey;
  readonly name: string;
  readonly file: SsseFileId;
  /** Value length in bytes; READ RECORD asks for length + 2 (tag and length bytes). */
  readonly length: number;
  readonly encoding: SsseEncoding;
  /** First card generation that has the item. */
  readonly since: number;
  readonly confidence: Confidence;
  readonly note?: string;
}

type Row = readonly [
  number,
  SsseItemKey,
  string,
  SsseFileId,
  number,
  SsseEncoding,
  number,
  Confidence,
  string?,
];

const ROWS: readonly Row[] = [
  [
    0x01,
    'cardIdCode',
    '卡识别码',
    'EF05',
    16,
    'b',
    1,
    'high',
    'Bytes 0–2: BCD 发卡地区行政区划代码; 3–7: RID D156000005; 8–15 card-specific.',
  ],
  [0x02, 'cardType', '卡类别', 'EF05', 1, 'an', 1, 'med', 'Read as ASCII; the value set is not public.'],
  [0x03, 'specVersion', '规范版本', 'EF05', 4, 'an', 1, 'high', '"1.00" / "2.00" / "3.00".'],
  [0x04, 'initOrgNumber', '初始化机构编号', 'EF05', 12, 'b', 1, 'med', 'Binary or BCD; shown as hex.'],
  [0x05, 'issueDate', '发卡日期', 'EF05', 4, 'date', 1, 'high'],
  [0x06, 'expiryDate', '卡有效期', 'EF05', 4, 'date', 1, 'high'],
  [
    0x07,
    'cardNumber',
    '卡号',
    'EF05',
    9,
    'an',
    1,
    'high',
    'The official driver reads only the first 9 characters.',
  ],
  [
    0x08,
    'socialSecurityNumber',
    '社会保障号码',
    'EF06',
    18,
    'an',
    1,
    'high',
    'Normally the citizen ID number.',
  ],
  [0x09, 'name', '姓名', 'EF06', 30, 'gbk', 1, 'high'],
  [0x4e, 'nameExtension', '姓名扩展', 'EF06', 20, 'gbk', 2, 'high', 'Appended to 姓名 for the full name.'],
  [0x0a, 'sex', '性别', 'EF06', 1, 'an', 1, 'high', 'ASCII 1 male, 2 female.'],
  [0x0b, 'ethnicity', '民族', 'EF06', 1, 'cn', 1, 'med', 'GB 3304 nation code in one BCD byte (01 汉).'],
  [0x0c, 'birthPlace', '出生地', 'EF06', 3, 'cn', 1, 'med', 'GB/T 2260 region code.'],
  [0x0d, 'birthDate', '出生日期', 'EF06', 4, 'date', 1, 'high'],
];

export const SSSE_ITEMS: readonly SsseItem[] = ROWS.map(
  ([tag, key, name, file, length, encoding, since, confidence, note]) => ({
    tag,
    key,
    name,
    file,
    length,
    encoding,
    since,
    confidence,
    ...(note === undefined ? {} : { note }),
  }),
);

export function ssseItem(key: SsseItemKey): SsseItem {
  const item = SSSE_ITEMS.find((i) => i.key === key);
  if (!item) throw hcardError('HCARD_E_PROFILE_ITEM_UNKNOWN', `SSSE item ${key}`);
  return item;
}

/** The items a card of `generation` holds in `file`, in record order. */
export const ssseItemsOf = (file: SsseFileId, generation: number): SsseItem[] =>
  SSSE_ITEMS.filter((i) => i.file === file && i.since <= generation);

/**
 * The positional record number of an item on a card of `generation` (A.5): equal to the tag in
 * EF05, shifted by 姓名扩展 in EF06 from 2.0 on (性别 is record 3 on 1.0 cards, 4 on 2.0 cards).
 */
export function ssseRecordNumber(key: SsseItemKey, generation: number): number {
  const item = ssseItem(key);
  const position = ssseItemsOf(item.file, generation).indexOf(item);
  if (position < 0)
    throw hcardError('HCARD_E_PROFILE_ITEM_UNKNOWN', `${key} is not on ${generation}.0 cards`);
  return position + 1;
}
