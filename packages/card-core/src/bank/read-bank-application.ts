/**
 * Reads the bank (PBOC / UnionPay) application of a three-in-one card without performing a
 * transaction (spec B.6 pattern 2): find it through the PSE, else by direct selection of each
 * UnionPay AID; GET PROCESSING OPTIONS (with the PDOL filled with neutral values when the FCI
 * has one, else `83 00`; an empty PDOL again if the filled one is refused); READ RECORD along
 * the AFL until the PAN and the holder's name are known. Never GENERATE AC.
 *
 * Only what a registration desk needs comes out (spec B.7, bank-tags.ts): the PAN masked to
 * first 6 / last 4, the name, the expiry month. The full PAN and track 2 stay inside this
 * function: not in the result, errors (card-data.ts replaces decoder errors by ones that name
 * the element only), log lines (AIDs, SFIs, record numbers, status words and counts only); the
 * transcript decorator redacts the READ RECORD and GPO responses that carry them.
 *
 * A card without a bank application, or one that refuses to be read, is a typed result.
 */
import { swHex } from '../apdu/response-apdu.js';
import { asciiBytes, fromHex, toHex } from '../bytes.js';
import type { CardChannel } from '../channel/card-channel.js';
import { withT0 } from '../channel/t0.js';
import { type Refusal, run } from '../commands/descriptor.js';
import { hcardError } from '../errors.js';
import { maskBankCardNumber } from '../privacy/mask.js';
import type { BerTlv } from '../tlv/ber-tlv.js';
import {
  type BankProduct,
  type PaymentScheme,
  PSE_NAME,
  productOfAid,
  schemeOfAid,
  UNIONPAY_AIDS,
} from './applications.js';
import { BANK_DATA_TAG, EMV_TAG } from './bank-tags.js';
import {
  bankTlv,
  decodeExpiryMonth,
  decodeHolderName,
  decodeIdNumber,
  decodePan,
  decodeTrack2,
  expiryMonthOf,
} from './card-data.js';
import { dolDataLength, fillDol, type TerminalDataDef } from './dol.js';
import { getProcessingOptions, readRecordSfi, selectByName } from './emv-commands.js';
import { type AflEntry, parseProcessingOptions } from './gpo.js';
import { type Fci, parseDirectoryRecord, parseFci } from './selection.js';

export interface BankReadOptions {
  /** Look for the PSE first (default true). */
  readonly usePse?: boolean;
  /**
   * DF names (hex) tried by direct selection, in order; a partial name (a prefix such as
   * `A0000003330101`) is allowed, the card's FCI (84) gives the full AID. Default: UNIONPAY_AIDS.
   */
  readonly directNames?: readonly string[];
  /**
   * An ID number the caller already knows (the health application's): compared with the bank
   * application's 9F61, which itself never leaves the read (`holderIdMatches`).
   */
  readonly expectedIdNumber?: string;
  /** The time of the read, for the PDOL's transaction date. */
  readonly now?: Date;
  /** Values for PDOL tags (default TERMINAL_DATA). */
  readonly terminalData?: readonly TerminalDataDef[];
  /** Steps of the read: AIDs, SFIs, record numbers, status words and counts, never card data. */
  readonly log?: (line: string) => void;
}

export interface BankApplication {
  readonly kind: 'bank-application';
  /** Full AID, uppercase hex. */
  readonly aid: string;
  /** 50, else 9F12, else the PSE entry's label, else the AID. */
  readonly label: string;
  /** First 6 and last 4 digits, e.g. 621999*********1234 (spec B.7). */
  readonly maskedPan: string;
  readonly holderName?: string;
  /** YYYY-MM, from 5F24 (else track 2): the day is dropped. */
  readonly expiryMonth?: string;
  readonly scheme: PaymentScheme;
  readonly product?: BankProduct;
  /** Present when `expectedIdNumber` was given and the card has 9F61. */
  readonly holderIdMatches?: boolean;
  /** How the application was found. */
  readonly foundBy: 'pse' | 'direct';
  /** `afl` after GET PROCESSING OPTIONS; `fixed-records` when GPO was refused (spec B.6 pattern 1). */
  readonly readBy: 'afl' | 'fixed-records';
}

export interface NoBankApplication {
  readonly kind: 'no-bank-application';
  /** The DF names selected in vain (the PSE's included), uppercase hex. */
  readonly tried: readonly string[];
}

/** The application is there but refused what reading it needs (GPO, READ RECORD). */
export interface BankApplicationRefused {
  readonly kind: 'refused';
  readonly aid: string;
  readonly refusal: Refusal;
}

export type BankReadResult = BankApplication | NoBankApplication | BankApplicationRefused;

/** Records read when GPO is refused both ways (spec B.3 "last resort", B.6 pattern 1). */
export const FALLBACK_RECORDS: readonly (readonly [sfi: number, record: number])[] = [
  [1, 1],
  [2, 1],
  [3, 1],
];

/** PSE directory records read at most (the directory ends with 6A83 well before). */
const MAX_DIRECTORY_RECORDS = 16;
/** Records read along an AFL at most: real cards list fewer than 20. */
const MAX_AFL_RECORDS = 64;

interface Candidate {
  /** DF name to select, uppercase hex. */
  readonly name: string;
  readonly foundBy: 'pse' | 'direct';
  readonly pseLabel?: string;
}

export async function readBankApplication(
  channel: CardChannel,
  options: BankReadOptions = {},
): Promise<BankReadResult> {
  const card = withT0(channel);
  const log = options.log ?? (() => {});
  const directNames = (options.directNames ?? UNIONPAY_AIDS.map((a) => a.aid)).map((name) => {
    if (!/^([0-9A-Fa-f]{2}){5,16}$/.test(name))
      throw hcardError('HCARD_E_ARG_INVALID', `direct-selection name ${name} is not 5–16 bytes of hex`);
    return name.toUpperCase();
  });
  const tried: string[] = [];
  const candidates: Candidate[] = options.usePse === false ? [] : await pseCandidates(card, log, tried);
  for (const name of directNames) {
    if (!candidates.some((c) => c.name === name)) candidates.push({ name, foundBy: 'direct' });
  }
  for (const candidate of candidates) {
    const selected = await run(card, selectByName(fromHex(candidate.name)));
    // 6283: the application is blocked (EMV Book 1 §12.4); it is skipped like a missing one.
    if (!selected.ok || selected.sw === 0x6283) {
      log(`bank: SELECT ${candidate.name} → ${swHex(selected.ok ? selected.sw : selected.refusal.sw)}`);
      tried.push(candidate.name);
      continue;
    }
    const fci = parseFci(selected.value);
    const scheme = schemeOfAid(fci.dfName);
    if (!scheme) {
      log(`bank: ${fci.dfName} is not a UnionPay application; skipped`);
      tried.push(candidate.name);
      continue;
    }
    log(`bank: selected ${fci.dfName} (${candidate.foundBy}), PDOL ${fci.pdol ? 'present' : 'absent'}`);
    return readApplication(card, fci, candidate, scheme.scheme, options, log);
  }
  log(`bank: no bank application (${tried.length} names tried)`);
  return { kind: 'no-bank-application', tried };
}

/** The PSE's UnionPay entries by priority; none when the card has no PSE. */
async function pseCandidates(
  card: CardChannel,
  log: (line: string) => void,
  tried: string[],
): Promise<Candidate[]> {
  const pseName = toHex(asciiBytes(PSE_NAME));
  const selected = await run(card, selectByName(asciiBytes(PSE_NAME)));
  if (!selected.ok) {
    log(`bank: no PSE (${swHex(selected.refusal.sw)})`);
    tried.push(pseName);
    return [];
  }
  const sfi = parseFci(selected.value).directorySfi;
  if (sfi === undefined) {
    log('bank: PSE without a directory SFI (88)');
    tried.push(pseName);
    return [];
  }
  const entries = [];
  for (let record = 1; record <= MAX_DIRECTORY_RECORDS; record++) {
    const read = await run(card, readRecordSfi(sfi, record));
    if (!read.ok) break; // 6A83: past the last record
    entries.push(...parseDirectoryRecord(read.value));
  }
  log(`bank: PSE directory SFI ${sfi} lists ${entries.length} application(s)`);
  // 87 low nibble: 1 first; no priority last (EMV Book 1 §12.4). The sort is stable.
  return entries
    .filter((e) => schemeOfAid(e.aid))
    .sort((a, b) => (a.priority ?? 16) - (b.priority ?? 16))
    .map((e) => ({
      name: e.aid,
      foundBy: 'pse' as const,
      ...(e.label === undefined ? {} : { pseLabel: e.label }),
    }));
}

/** Tags collected from records and GPO; everything else a record holds is not even copied. */
interface Collected {
  pan?: Uint8Array;
  track2?: Uint8Array;
  expiry?: Uint8Array;
  name?: Uint8Array;
  nameExtended?: Uint8Array;
  idNumber?: Uint8Array;
}

const COLLECT: Readonly<Record<number, keyof Collected>> = {
  [BANK_DATA_TAG.PAN]: 'pan',
  [BANK_DATA_TAG.TRACK_2]: 'track2',
  [BANK_DATA_TAG.EXPIRY]: 'expiry',
  [BANK_DATA_TAG.HOLDER_NAME]: 'name',
  [BANK_DATA_TAG.HOLDER_NAME_EXTENDED]: 'nameExtended',
  [BANK_DATA_TAG.HOLDER_ID_NUMBER]: 'idNumber',
};

function collect(objects: readonly BerTlv[], into: Collected): void {
  for (const o of objects) {
    if (o.children) collect(o.children, into);
    else {
      const key = COLLECT[o.tag];
      // The first occurrence wins, as EMV requires a data element to appear once.
      if (key && into[key] === undefined) into[key] = Uint8Array.from(o.value);
    }
  }
}

async function readApplication(
  card: CardChannel,
  fci: Fci,
  candidate: Candidate,
  scheme: PaymentScheme,
  options: BankReadOptions,
  log: (line: string) => void,
): Promise<BankReadResult> {
  const found: Collected = {};
  // The PAN proper (5A): track 2 holds it too, but is only the fallback when records end.
  const enough = () =>
    found.pan !== undefined &&
    (found.name !== undefined || found.nameExtended !== undefined) &&
    (options.expectedIdNumber === undefined || found.idNumber !== undefined);
  try {
    let readBy: BankApplication['readBy'] = 'afl';
    const gpo = await processingOptions(card, fci, options, log);
    if (gpo.ok) {
      const po = parseProcessingOptions(gpo.value);
      collect(po.objects, found);
      const refusal = await readAfl(card, po.afl, found, enough, log);
      if (refusal && found.pan === undefined && found.track2 === undefined)
        return { kind: 'refused', aid: fci.dfName, refusal };
    } else {
      log(`bank: GPO refused (${swHex(gpo.refusal.sw)}); reading fixed records`);
      readBy = 'fixed-records';
      for (const [sfi, record] of FALLBACK_RECORDS) {
        const read = await run(card, readRecordSfi(sfi, record));
        if (read.ok) collect(bankTlv(read.value, `record ${record} of SFI ${sfi}`), found);
        if (enough()) break;
      }
      if (found.pan === undefined && found.track2 === undefined)
        return { kind: 'refused', aid: fci.dfName, refusal: gpo.refusal };
    }
    return result(fci, candidate, scheme, found, options, readBy);
  } finally {
    // The copies are overwritten before they are dropped (strings cannot be, bytes can).
    for (const value of Object.values(found)) value?.fill(0);
  }
}

/** GPO with the filled PDOL, then with an empty one if that is refused (spec B.3). */
async function processingOptions(
  card: CardChannel,
  fci: Fci,
  options: BankReadOptions,
  log: (line: string) => void,
) {
  if (fci.pdol) {
    const data = fillDol(fci.pdol, options.now, options.terminalData);
    const filled = await run(card, getProcessingOptions(data));
    if (filled.ok) return filled;
    log(
      `bank: GPO with PDOL data (${dolDataLength(fci.pdol)} bytes) refused (${swHex(filled.refusal.sw)}); retrying with an empty PDOL`,
    );
  }
  return run(card, getProcessingOptions());
}

/** READ RECORD along the AFL until `enough`; a refusal ends the reading and is returned. */
async function readAfl(
  card: CardChannel,
  afl: readonly AflEntry[],
  found: Collected,
  enough: () => boolean,
  log: (line: string) => void,
): Promise<Refusal | undefined> {
  const total = afl.reduce((n, e) => n + e.last - e.first + 1, 0);
  if (total > MAX_AFL_RECORDS) throw hcardError('HCARD_E_BANK_DATA_INVALID', `AFL lists ${total} records`);
  let read = 0;
  for (const { sfi, first, last } of afl) {
    for (let record = first; record <= last; record++) {
      if (enough()) {
        log(`bank: PAN and name found after ${read} of ${total} record(s)`);
        return undefined;
      }
      const r = await run(card, readRecordSfi(sfi, record));
      if (!r.ok) {
        log(`bank: READ RECORD SFI ${sfi} #${record} refused (${swHex(r.refusal.sw)})`);
        return r.refusal;
      }
      const objects = bankTlv(r.value, `record ${record} of SFI ${sfi}`);
      if (objects[0]?.tag !== EMV_TAG.RECORD_TEMPLATE)
        throw hcardError('HCARD_E_BANK_DATA_INVALID', `record ${record} of SFI ${sfi} is not a template 70`);
      collect(objects, found);
      read++;
    }
  }
  log(`bank: read all ${total} record(s) of the AFL`);
  return undefined;
}

function result(
  fci: Fci,
  candidate: Candidate,
  scheme: PaymentScheme,
  found: Collected,
  options: BankReadOptions,
  readBy: BankApplication['readBy'],
): BankApplication {
  // Track 2 is decoded only when 5A or 5F24 is missing: what it holds besides is never needed.
  const track2 = () => (found.track2 ? decodeTrack2(found.track2) : undefined);
  const pan = found.pan ? decodePan(found.pan) : track2()?.pan;
  if (pan === undefined) throw hcardError('HCARD_E_BANK_PAN_MISSING', `application ${fci.dfName}`);
  const trackExpiry = found.expiry ? undefined : track2()?.expiry;
  const expiryMonth = found.expiry
    ? decodeExpiryMonth(found.expiry)
    : trackExpiry && expiryMonthOf(trackExpiry, 'track 2 expiry');
  const holderName =
    (found.nameExtended && decodeHolderName(found.nameExtended)) ??
    (found.name && decodeHolderName(found.name));
  const idNumber = found.idNumber && decodeIdNumber(found.idNumber);
  const product = productOfAid(fci.dfName);
  return {
    kind: 'bank-application',
    aid: fci.dfName,
    label: fci.label ?? fci.preferredName ?? candidate.pseLabel ?? fci.dfName,
    maskedPan: maskBankCardNumber(pan),
    ...(holderName === undefined ? {} : { holderName }),
    ...(expiryMonth === undefined ? {} : { expiryMonth }),
    scheme,
    ...(product === undefined ? {} : { product }),
    ...(options.expectedIdNumber === undefined || idNumber === undefined
      ? {}
      : { holderIdMatches: idNumber === options.expectedIdNumber.trim().toUpperCase() }),
    foundBy: candidate.foundBy,
    readBy,
  };
}
