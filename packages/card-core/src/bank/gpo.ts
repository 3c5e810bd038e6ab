/**
 * The GET PROCESSING OPTIONS response and the application file locator (spec B.3): format 1 is
 * `80 L AIP(2) AFL(4n)`, format 2 a `77` template with `82` AIP and `94` AFL (and, on qPBOC
 * cards, more: track 2, ATC, cryptogram data). Each AFL entry names an SFI (top 5 bits of its
 * first byte), the first and last record, and how many take part in offline authentication.
 */
import { type BerTlv, findBerTlv } from '../tlv/ber-tlv.js';
import { EMV_TAG } from './bank-tags.js';
import { bankDataError, bankTlv } from './card-data.js';

export interface AflEntry {
  readonly sfi: number;
  readonly first: number;
  readonly last: number;
  readonly offlineAuthRecords: number;
}

export interface ProcessingOptions {
  readonly format: 1 | 2;
  /** Application interchange profile, 2 bytes. */
  readonly aip: Uint8Array;
  readonly afl: readonly AflEntry[];
  /** Format 2: every object of the template (may hold track 2); empty for format 1. */
  readonly objects: readonly BerTlv[];
}

/** Parses the AFL; throws HCARD_E_BANK_DATA_INVALID for a length or an entry EMV does not allow. */
export function parseAfl(bytes: Uint8Array): AflEntry[] {
  if (bytes.length % 4 !== 0) throw bankDataError(`AFL of ${bytes.length} bytes is not 4n`);
  const out: AflEntry[] = [];
  for (let p = 0; p < bytes.length; p += 4) {
    const [b1, first, last, oda] = [bytes[p]!, bytes[p + 1]!, bytes[p + 2]!, bytes[p + 3]!];
    const sfi = b1 >> 3;
    // EMV Book 3 §10.2: SFI 1–30, first record ≥ 1, last ≥ first, ODA count ≤ number of records.
    if (sfi < 1 || sfi > 30 || (b1 & 0x07) !== 0 || first < 1 || last < first || oda > last - first + 1)
      throw bankDataError(`AFL entry ${p / 4 + 1} is not valid`);
    out.push({ sfi, first, last, offlineAuthRecords: oda });
  }
  return out;
}

/** Parses a GPO response's data; throws HCARD_E_BANK_DATA_INVALID. */
export function parseProcessingOptions(data: Uint8Array): ProcessingOptions {
  const objects = bankTlv(data, 'GPO response');
  const top = objects[0];
  if (objects.length !== 1 || !top) throw bankDataError('GPO response is not one template');
  if (top.tag === EMV_TAG.GPO_FORMAT_1) {
    if (top.value.length < 2) throw bankDataError('GPO format 1 shorter than an AIP');
    return { format: 1, aip: top.value.slice(0, 2), afl: parseAfl(top.value.subarray(2)), objects: [] };
  }
  if (top.tag === EMV_TAG.GPO_FORMAT_2 && top.children) {
    const aip = findBerTlv(top.children, EMV_TAG.AIP);
    const afl = findBerTlv(top.children, EMV_TAG.AFL);
    if (aip?.value.length !== 2) throw bankDataError('GPO format 2 without a 2-byte AIP (82)');
    return {
      format: 2,
      aip: aip.value,
      afl: afl ? parseAfl(afl.value) : [],
      objects: top.children,
    };
  }
  throw bankDataError(`GPO response template ${top.tag.toString(16).toUpperCase()} is neither 80 nor 77`);
}
