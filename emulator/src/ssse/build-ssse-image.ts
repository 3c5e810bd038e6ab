/**
 * Builds an SSSE image from the same synthetic resident as the health card (the three-in-one
 * card carries both): 社会保障号码 = the ID number, name, sex, ethnicity and birth date from the
 * resident, 出生地 = the ID number's region, the 发卡日期/卡有效期 of the health card. The
 * 卡识别码 is the resident's city code (BCD) ‖ D156000005 ‖ 8 bytes from the seed; the 卡号 a
 * letter and 8 digits from the seed. Options make the card disagree with the health card
 * (another name or ID number), expired, or of another generation, and choose its keys.
 */
import {
  asciiBytes,
  concatBytes,
  encodeAnsText,
  encodeCn,
  encodeSsseRecord,
  fromHex,
  hasNameExtension,
  isCalendarDate,
  type SsseCardData,
  type SsseHolderData,
  type SsseItemKey,
  sm3,
  ssseItem,
  ssseItemsOf,
  toHex,
} from '@hcard/card-core';
import { type SsseKeySource, TEST_SSSE_KEYS } from '../keys/test-key-set.js';
import { createRandom } from '../synthetic/random.js';
import { DEFAULT_REFERENCE_DATE, type SyntheticResident } from '../synthetic/resident.js';
import {
  SSSE_IMAGE_FORMAT,
  type SsseGenerationText,
  type SsseImage,
  validateSsseImage,
} from './ssse-image.js';

/** MOHRSS RID inside every 卡识别码 (A.3). */
const MOHRSS_RID = 'D156000005';

export interface BuildSsseOptions {
  /** Default '3.00'. */
  readonly generation?: SsseGenerationText;
  /** Seed of the card-specific bytes; default the resident's ID number. */
  readonly seed?: number | string;
  /** 姓名 other than the resident's (a card that disagrees with the health card). */
  readonly name?: string;
  /** 社会保障号码 other than the resident's ID number. */
  readonly idNumber?: string;
  /** Make the card expired on `referenceDate` (its 10 years ended the day before). */
  readonly expired?: boolean;
  /** "Today" for `expired`, YYYYMMDD; default the synthetic residents' reference date. */
  readonly referenceDate?: string;
  /** 3.0 cards: the 9F0C algorithm id (default 03, the SM branch), or null for an FCI without it. */
  readonly algorithm?: number | null;
  /** Where the card's keys come from (default the documented test keys); another source forges a card. */
  readonly keys?: SsseKeySource;
  /** EXTERNAL AUTHENTICATE tries (default 15). */
  readonly keyTries?: number;
}

export interface BuiltSsseCard {
  readonly image: SsseImage;
  /** What a reader should return. */
  readonly card: SsseCardData;
  readonly holder: SsseHolderData;
}

/** 姓名 holds 30 bytes of GBK; the rest of a longer name goes to 姓名扩展 (2.0 and later). */
function splitName(name: string, generation: number): { name: string; nameExtension: string } {
  const limit = ssseItem('name').length;
  let head = '';
  for (const ch of name) {
    if (encodeAnsText(head + ch).length > limit) break;
    head += ch;
  }
  const rest = name.slice(head.length);
  // A 1.0 card cannot hold the rest: encoding the whole name then fails with the codec's error.
  return hasNameExtension(generation) ? { name: head, nameExtension: rest } : { name, nameExtension: '' };
}

export function buildSsseImage(resident: SyntheticResident, options: BuildSsseOptions = {}): BuiltSsseCard {
  const items = resident.items;
  const generationText = options.generation ?? '3.00';
  const generation = Number(generationText[0]);
  const seed = String(options.seed ?? items.idNumber ?? 'ssse');
  const random = createRandom(`ssse:${seed}`);
  const specific = sm3(asciiBytes(`ssse-card:${seed}`));

  const idNumber = items.idNumber!;
  const regionCode = items.cityCode ?? idNumber.slice(0, 6);
  const cardIdCode = `${toHex(encodeCn(regionCode, 3))}${MOHRSS_RID}${toHex(specific.subarray(0, 8))}`;
  const dates = options.expired
    ? expiredDates(options.referenceDate ?? DEFAULT_REFERENCE_DATE)
    : { issueDate: items.issueDate!, expiryDate: items.expiryDate! };
  const cardNumber = String.fromCharCode(65 + random.int(0, 25)) + random.digits(8);
  const card: SsseCardData = {
    cardIdCode,
    regionCode: cardIdCode.slice(0, 6),
    cardType: '1',
    specVersion: generationText,
    generation,
    initOrgNumber: toHex(concatBytes(encodeCn(regionCode, 3), specific.subarray(8, 17))),
    ...dates,
    cardNumber,
  };
  const holder: SsseHolderData = {
    socialSecurityNumber: options.idNumber ?? idNumber,
    name: options.name ?? items.name!,
    sex: items.sex === '02' ? '2' : '1',
    ethnicity: items.ethnicity!,
    birthPlace: idNumber.slice(0, 6),
    birthDate: items.birthDate!,
  };

  const values: Record<SsseItemKey, string> = {
    ...card,
    ...holder,
    ...splitName(holder.name, generation),
  } as Record<SsseItemKey, string>;
  const records = (file: 'EF05' | 'EF06') =>
    ssseItemsOf(file, generation).map((item) => toHex(encodeSsseRecord(item, values[item.key])));

  const protectedCard = generation >= 3;
  const keys = options.keys ?? TEST_SSSE_KEYS;
  const id = fromHex(cardIdCode);
  const algorithm = options.algorithm === undefined ? 0x03 : options.algorithm;
  const image: SsseImage = {
    format: SSSE_IMAGE_FORMAT,
    description: `Synthetic social-security card ${generationText} (test data, test keys)`,
    atr: toHex(ssseAtr(id)),
    keySet: keys.id,
    generation: generationText,
    ...(protectedCard && algorithm !== null ? { algorithm } : {}),
    ...(protectedCard
      ? {
          keys: {
            RKSSSE: { value: toHex(keys.cardKey('RKSSSE', id)), tries: options.keyTries ?? 15 },
            IKSSSE: { value: toHex(keys.cardKey('IKSSSE', id)) },
          },
        }
      : {}),
    files: { EF05: records('EF05'), EF06: records('EF06') },
  };
  validateSsseImage(image);
  return { image, card, holder };
}

/**
 * ATR of a stand-alone SSSE card: 3B 6D 00 00 and 13 historical bytes 00 81 ‖ the region's 3
 * BCD bytes ‖ the last 8 bytes of the 卡识别码 (public ATRs carry parts of it, spec A.7).
 */
export function ssseAtr(cardIdCode: Uint8Array): Uint8Array {
  return concatBytes(
    fromHex('3B6D0000'),
    fromHex('0081'),
    cardIdCode.subarray(0, 3),
    cardIdCode.subarray(8, 16),
  );
}

/** 10 years that ended the day before `today`: issued on today's date 10 years ago. */
function expiredDates(today: string): { issueDate: string; expiryDate: string } {
  const day = new Date(
    Date.UTC(Number(today.slice(0, 4)), Number(today.slice(4, 6)) - 1, Number(today.slice(6, 8))),
  );
  const yyyymmdd = (d: Date) => d.toISOString().slice(0, 10).replaceAll('-', '');
  day.setUTCDate(day.getUTCDate() - 1);
  const issueDate = `${Number(today.slice(0, 4)) - 10}${today.slice(4)}`;
  // 29 February ten years back may not exist: the 28th then.
  return {
    issueDate: isCalendarDate(issueDate) ? issueDate : issueDate.replace(/29$/, '28'),
    expiryDate: yyyymmdd(day),
  };
}
