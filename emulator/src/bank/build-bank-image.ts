/**
 * Builds the bank application image of a synthetic resident's three-in-one card: the same
 * person as the health application (name, ID number, issue and expiry dates), a synthetic
 * UnionPay debit PAN under a BIN reserved here for test cards, track 2 to match.
 *
 * The holder's name (5F20, ans) is written in GBK, as Chinese cards in public examples do and
 * as the health application stores it: the generator has no pinyin ("ZHANG/SAN" is the other
 * form seen; `holderName: 'ZHANG/SAN'` makes such a card).
 */
import { hcardError, isCalendarDate, luhnCheckDigit, productOfAid, UNIONPAY_AIDS } from '@hcard/card-core';
import { createRandom } from '../synthetic/random.js';
import { DEFAULT_REFERENCE_DATE, type SyntheticResident } from '../synthetic/resident.js';
import { BANK_IMAGE_FORMAT, type BankImage, validateBankImage } from './bank-image.js';

/** The BIN of every synthetic PAN: 62 (UnionPay) 1999, chosen for tests; never a real card's. */
export const SYNTHETIC_BIN = '621999';
/** Synthetic PANs have 19 digits, as most UnionPay debit cards. */
export const SYNTHETIC_PAN_LENGTH = 19;

/** Labels per product, in the style of spec B.2 ("PBOC DEBIT"). */
const LABELS = {
  debit: 'PBOC DEBIT',
  credit: 'PBOC CREDIT',
  'quasi-credit': 'PBOC QUASICREDIT',
  'e-cash': 'PBOC ECASH',
} as const;

/** The PDOL of spec B.2: 9F66 9F02 9F03 9F1A 95 5F2A 9A 9C 9F37 DF60, 34 bytes of data. */
export const PBOC_PDOL = '9F66049F02069F03069F1A0295055F2A029A039C019F3704DF6001';

/** SDA, DDA, cardholder verification, terminal risk management, issuer authentication. */
const AIP = '7C00';

export interface BankImageOptions {
  /** Which UnionPay AID (default the debit one, A000000333010101). */
  readonly aid?: string;
  /** Whether the FCI has the PDOL of spec B.2 (default true). */
  readonly pdol?: boolean;
  /** GPO response format (default 1). */
  readonly gpoFormat?: 1 | 2;
  /** Whether the chip has a PSE listing the application (default true). */
  readonly pse?: boolean;
  /** Another name than the resident's (tests where applications disagree); empty: no 5F20. */
  readonly holderName?: string;
  /** Another ID number than the resident's; empty: no 9F61. */
  readonly holderIdNumber?: string;
  /** The card expired 1–24 months before the reference date. */
  readonly expired?: boolean;
  /** Seed of the PAN, track-2 data and ATC; default derived from the resident's ID number. */
  readonly seed?: number | string;
  /** "Today", YYYYMMDD, for `expired` (default the resident generator's). */
  readonly referenceDate?: string;
}

/** A PAN: the BIN, random digits, the Luhn check digit. */
export function syntheticPan(seed: number | string): string {
  const random = createRandom(seed).fork('pan');
  const body = SYNTHETIC_BIN + random.digits(SYNTHETIC_PAN_LENGTH - SYNTHETIC_BIN.length - 1);
  return body + luhnCheckDigit(body);
}

/** The last day of the month `months` before `yyyymmdd`'s month, as YYMMDD. */
function endOfMonthBefore(yyyymmdd: string, months: number): string {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  // Day 0 of the month after is the last day of the month wanted.
  const last = new Date(Date.UTC(y, m - 1 - months + 1, 0));
  return last.toISOString().slice(2, 10).replaceAll('-', '');
}

export function buildBankImage(resident: SyntheticResident, options: BankImageOptions = {}): BankImage {
  const aid = (options.aid ?? UNIONPAY_AIDS[0]!.aid).toUpperCase();
  const product = productOfAid(aid);
  if (!product) throw hcardError('HCARD_E_ARG_INVALID', `aid ${aid} is not a UnionPay AID of spec B.1`);
  const today = options.referenceDate ?? DEFAULT_REFERENCE_DATE;
  if (!isCalendarDate(today)) throw hcardError('HCARD_E_ARG_INVALID', 'referenceDate must be YYYYMMDD');
  const { idNumber, name, issueDate, expiryDate } = resident.items;
  if (!idNumber || !name || !issueDate || !expiryDate)
    throw hcardError('HCARD_E_ARG_INVALID', 'the resident lacks name, ID number or card dates');
  const seed = options.seed ?? `bank:${idNumber}`;
  const random = createRandom(seed).fork('bank');

  // One chip, one validity: the health application's dates, unless the card is to be expired.
  let effectiveDate = issueDate.slice(2);
  let expiry = expiryDate.slice(2);
  if (options.expired) {
    expiry = endOfMonthBefore(today, random.int(1, 24));
    effectiveDate = `${String(Math.max(0, Number(expiry.slice(0, 2)) - 10)).padStart(2, '0')}${expiry.slice(2, 4)}01`;
  }
  const holderName = options.holderName ?? name;
  const holderIdNumber = options.holderIdNumber ?? idNumber;
  const image = {
    format: BANK_IMAGE_FORMAT,
    description: `Synthetic UnionPay ${product} application (BIN ${SYNTHETIC_BIN}, test only)`,
    aid,
    label: LABELS[product],
    priority: 1,
    pse: options.pse ?? true,
    ...(options.pdol === false ? {} : { pdol: PBOC_PDOL }),
    gpoFormat: options.gpoFormat ?? 1,
    aip: AIP,
    pan: syntheticPan(seed),
    panSequence: 1,
    effectiveDate,
    expiryDate: expiry,
    serviceCode: '220',
    track2Discretionary: random.digits(9),
    ...(holderName === '' ? {} : { holderName }),
    ...(holderIdNumber === '' ? {} : { holderIdNumber, holderIdType: '00' }),
    atc: random.int(1, 300),
    pinTriesLeft: 3,
  };
  return validateBankImage(image);
}
