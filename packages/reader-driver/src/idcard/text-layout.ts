/**
 * The 256-byte text block the SAM releases (spec C.6): UTF-16LE, space-padded fields at fixed
 * offsets, and a type flag at byte 248 that picks the layout — space for the resident ID card,
 * `J` for the Hong Kong/Macao/Taiwan residence permit, `I` and `Y` for the 2017 and 2023
 * foreigner permanent-residence cards. Layouts are tables; parsing never throws anything but
 * HCARD_E_IDCARD_DATA_INVALID.
 *
 * Values are returned as read (trailing spaces and NULs trimmed): dates stay `YYYYMMDD` (a
 * resident card's "valid to" may be the text 长期), codes come with their table text.
 */
import { gb11643CheckDigit, hcardError, lookupRegion, type Region } from '@hcard/card-core';
import { type CodedValue, coded, ETHNICITY_CODES, SEX_CODES } from './code-tables.js';

export const TEXT_BLOCK_LENGTH = 256;
export const TYPE_FLAG_OFFSET = 248;
/** The appended address (30 03) is 70 bytes, 35 characters (spec C.5). */
export const APPENDED_ADDRESS_LENGTH = 70;

export type IdCardType =
  | 'resident'
  | 'hmt-residence-permit'
  | 'foreign-permanent-2017'
  | 'foreign-permanent-2023';

/** The type flag character at byte 248 → card type (spec C.6). */
export const TYPE_FLAGS: Readonly<Record<string, IdCardType>> = {
  ' ': 'resident',
  J: 'hmt-residence-permit',
  I: 'foreign-permanent-2017',
  Y: 'foreign-permanent-2023',
};

/** A field: its key, byte offset and byte length in the text block. */
type FieldSpec = readonly [key: string, offset: number, bytes: number];

/** Spec C.6 tables. Unused and reserved ranges are left out. */
export const TEXT_LAYOUTS = {
  resident: [
    ['name', 0, 30],
    ['sex', 30, 2],
    ['ethnicity', 32, 4],
    ['birthDate', 36, 16],
    ['address', 52, 70],
    ['idNumber', 122, 36],
    ['issuer', 158, 30],
    ['validFrom', 188, 16],
    ['validTo', 204, 16],
  ],
  'hmt-residence-permit': [
    ['name', 0, 30],
    ['sex', 30, 2],
    ['birthDate', 36, 16],
    ['address', 52, 70],
    ['idNumber', 122, 36],
    ['issuer', 158, 30],
    ['validFrom', 188, 16],
    ['validTo', 204, 16],
    ['passNumber', 220, 18],
    ['issueCount', 238, 4],
  ],
  'foreign-permanent-2017': [
    ['englishName', 0, 120],
    ['sex', 120, 2],
    ['permitNumber', 122, 30],
    ['nationality', 152, 6],
    ['chineseName', 158, 30],
    ['validFrom', 188, 16],
    ['validTo', 204, 16],
    ['birthDate', 220, 16],
    ['cardVersion', 236, 4],
    ['issuerCode', 240, 8],
  ],
  'foreign-permanent-2023': [
    ['chineseName', 0, 30],
    ['sex', 30, 2],
    ['birthDate', 36, 16],
    ['foreignName', 52, 70],
    ['idNumber', 122, 36],
    ['issuer', 158, 30],
    ['validFrom', 188, 16],
    ['validTo', 204, 16],
    ['previousNumber', 220, 18],
    ['issueCount', 238, 4],
    ['nationality', 242, 6],
  ],
} as const satisfies Record<IdCardType, readonly FieldSpec[]>;

interface CheckedIdNumber {
  /** Whether the last character is the GB 11643 MOD 11-2 check character of the first 17 (spec C.10). */
  readonly checkDigitValid: boolean;
}

/** 居民身份证. */
export interface ResidentIdText extends CheckedIdNumber {
  readonly type: 'resident';
  readonly name: string;
  readonly sex: CodedValue;
  readonly ethnicity: CodedValue;
  readonly birthDate: string;
  readonly address: string;
  readonly idNumber: string;
  readonly issuer: string;
  readonly validFrom: string;
  /** `YYYYMMDD` or 长期. */
  readonly validTo: string;
  /** GB/T 2260 names of the ID number's first 6 digits, when they are a known region. */
  readonly region?: Region;
}

/** 港澳台居民居住证 (`J`). Its number has a province-level prefix only (810000, 820000, 830000). */
export interface HmtResidencePermitText extends CheckedIdNumber {
  readonly type: 'hmt-residence-permit';
  readonly name: string;
  readonly sex: CodedValue;
  readonly birthDate: string;
  readonly address: string;
  readonly idNumber: string;
  readonly issuer: string;
  readonly validFrom: string;
  readonly validTo: string;
  /** 通行证号码: the Home Return / Taiwan Compatriot permit number. */
  readonly passNumber: string;
  /** 签发次数. */
  readonly issueCount: string;
}

/** 外国人永久居留身份证, 2017 (`I`). The chip stores the accepting authority's code, not its name. */
export interface ForeignPermanent2017Text {
  readonly type: 'foreign-permanent-2017';
  readonly englishName: string;
  readonly sex: CodedValue;
  /** 3 letters + 12 digits. */
  readonly permitNumber: string;
  /** GB/T 2659 three-letter code. */
  readonly nationality: string;
  /** Empty when the holder has none. */
  readonly chineseName: string;
  /** 证件签发日期. */
  readonly validFrom: string;
  readonly validTo: string;
  readonly birthDate: string;
  readonly cardVersion: string;
  /** 当次申请受理机关代码. */
  readonly issuerCode: string;
}

/** 外国人永久居留身份证, 2023 (`Y`): 18-character number starting with 9, GB 11643 check digit. */
export interface ForeignPermanent2023Text extends CheckedIdNumber {
  readonly type: 'foreign-permanent-2023';
  readonly chineseName: string;
  readonly sex: CodedValue;
  readonly birthDate: string;
  readonly foreignName: string;
  readonly idNumber: string;
  readonly issuer: string;
  readonly validFrom: string;
  readonly validTo: string;
  /** Offset 220, 18 bytes: one SDK calls it 通行证类号码, probably the previous card's number (spec F.2). */
  readonly previousNumber: string;
  /** Offset 238, 4 bytes: 签发次数 per the same SDK (spec F.2). */
  readonly issueCount: string;
  readonly nationality: string;
}

export type IdCardText =
  | ResidentIdText
  | HmtResidencePermitText
  | ForeignPermanent2017Text
  | ForeignPermanent2023Text;

/** Parses a 256-byte text block; throws HCARD_E_IDCARD_DATA_INVALID when it is not one. */
export function parseIdCardText(block: Uint8Array): IdCardText {
  if (block.length !== TEXT_BLOCK_LENGTH) {
    throw invalid(`the text block has ${block.length} bytes, not ${TEXT_BLOCK_LENGTH}`, {
      length: block.length,
    });
  }
  const flag = decodeUtf16(block.subarray(TYPE_FLAG_OFFSET, TYPE_FLAG_OFFSET + 2), 'typeFlag');
  const type = Object.hasOwn(TYPE_FLAGS, flag) ? TYPE_FLAGS[flag] : undefined;
  if (type === undefined) {
    throw invalid(
      `type flag U+${flag.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} is not a known card type`,
      {
        typeFlag: flag.charCodeAt(0),
      },
    );
  }
  const f = readFields(block, TEXT_LAYOUTS[type]);
  switch (type) {
    case 'resident': {
      const region = lookupRegion(f.idNumber!.slice(0, 6));
      return {
        type,
        name: f.name!,
        sex: coded(SEX_CODES, f.sex!),
        ethnicity: coded(ETHNICITY_CODES, f.ethnicity!),
        birthDate: f.birthDate!,
        address: f.address!,
        idNumber: f.idNumber!,
        issuer: f.issuer!,
        validFrom: f.validFrom!,
        validTo: f.validTo!,
        checkDigitValid: hasValidCheckDigit(f.idNumber!),
        ...(region ? { region } : {}),
      };
    }
    case 'hmt-residence-permit':
      return {
        type,
        name: f.name!,
        sex: coded(SEX_CODES, f.sex!),
        birthDate: f.birthDate!,
        address: f.address!,
        idNumber: f.idNumber!,
        issuer: f.issuer!,
        validFrom: f.validFrom!,
        validTo: f.validTo!,
        passNumber: f.passNumber!,
        issueCount: f.issueCount!,
        checkDigitValid: hasValidCheckDigit(f.idNumber!),
      };
    case 'foreign-permanent-2017':
      return {
        type,
        englishName: f.englishName!,
        sex: coded(SEX_CODES, f.sex!),
        permitNumber: f.permitNumber!,
        nationality: f.nationality!,
        chineseName: f.chineseName!,
        validFrom: f.validFrom!,
        validTo: f.validTo!,
        birthDate: f.birthDate!,
        cardVersion: f.cardVersion!,
        issuerCode: f.issuerCode!,
      };
    case 'foreign-permanent-2023':
      return {
        type,
        chineseName: f.chineseName!,
        sex: coded(SEX_CODES, f.sex!),
        birthDate: f.birthDate!,
        foreignName: f.foreignName!,
        idNumber: f.idNumber!,
        issuer: f.issuer!,
        validFrom: f.validFrom!,
        validTo: f.validTo!,
        previousNumber: f.previousNumber!,
        issueCount: f.issueCount!,
        nationality: f.nationality!,
        checkDigitValid: hasValidCheckDigit(f.idNumber!),
      };
  }
}

/** The appended address (追加住址, command 30 03): UTF-16LE, space-padded (spec C.5). */
export function parseAppendedAddress(data: Uint8Array): string {
  if (data.length % 2 !== 0 || data.length > APPENDED_ADDRESS_LENGTH) {
    throw invalid(`the appended address has ${data.length} bytes, expected ${APPENDED_ADDRESS_LENGTH}`, {
      length: data.length,
    });
  }
  return trimPadding(decodeUtf16(data, 'appendedAddress'));
}

/** Whether an 18-character number carries its GB 11643 MOD 11-2 check character (spec C.10). */
export function hasValidCheckDigit(id: string): boolean {
  return /^\d{17}[\dX]$/.test(id) && gb11643CheckDigit(id.slice(0, 17)) === id[17];
}

function readFields(block: Uint8Array, layout: readonly FieldSpec[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, offset, bytes] of layout) {
    out[key] = trimPadding(decodeUtf16(block.subarray(offset, offset + bytes), key));
  }
  return out;
}

// A leading U+FEFF is text here, not a byte-order mark.
const UTF16 = new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true });

function decodeUtf16(bytes: Uint8Array, field: string): string {
  try {
    return UTF16.decode(bytes);
  } catch {
    throw invalid(`field ${field} is not valid UTF-16LE`, { field });
  }
}

/** Trailing spaces and NULs are padding (spec C.6 implementation notes). */
function trimPadding(text: string): string {
  return text.replace(/[ \u0000]+$/u, '');
}

function invalid(detail: string, details: Record<string, unknown>) {
  return hcardError('HCARD_E_IDCARD_DATA_INVALID', detail, details);
}
