/**
 * What SELECT answers (spec B.1, B.2): the FCI template `6F` of the PSE (directory SFI in `88`)
 * or of an application (DF name `84`, label `50`, priority `87`, PDOL `9F38` in `A5`), and the
 * PSE directory's records (`70` holding one `61` entry per application).
 */
import { toHex } from '../bytes.js';
import { type BerTlv, findBerTlv } from '../tlv/ber-tlv.js';
import { EMV_TAG } from './bank-tags.js';
import { bankDataError, bankTlv, decodeCardText } from './card-data.js';
import { type DolEntry, parseDol } from './dol.js';

export interface Fci {
  /** 84, uppercase hex: the full AID even when the SELECT named a prefix. */
  readonly dfName: string;
  readonly label?: string;
  readonly preferredName?: string;
  /** 87, low nibble: 1 is the highest priority; undefined when absent or 0. */
  readonly priority?: number;
  /** 9F38, when the card wants data with GET PROCESSING OPTIONS. */
  readonly pdol?: readonly DolEntry[];
  /** 88: the PSE's directory file. */
  readonly directorySfi?: number;
}

export interface DirectoryEntry {
  /** 4F, uppercase hex. */
  readonly aid: string;
  readonly label?: string;
  readonly priority?: number;
}

const text = (o: BerTlv | undefined) => (o ? decodeCardText(o.value) : undefined);
const priorityOf = (o: BerTlv | undefined) => (o && (o.value[0] ?? 0) & 0x0f) || undefined;

/** Parses a SELECT response; throws HCARD_E_BANK_DATA_INVALID. */
export function parseFci(data: Uint8Array): Fci {
  const objects = bankTlv(data, 'FCI');
  const fci = objects[0];
  if (!fci || fci.tag !== EMV_TAG.FCI || !fci.children)
    throw bankDataError('SELECT response is not an FCI (6F)');
  const dfName = findBerTlv(fci.children, EMV_TAG.DF_NAME);
  if (!dfName || dfName.value.length < 5 || dfName.value.length > 16)
    throw bankDataError('FCI without a DF name (84) of 5–16 bytes');
  const proprietary = findBerTlv(fci.children, EMV_TAG.FCI_PROPRIETARY)?.children ?? [];
  const sfi = findBerTlv(proprietary, EMV_TAG.SFI_OF_DIRECTORY);
  if (sfi && (sfi.value.length !== 1 || sfi.value[0]! < 1 || sfi.value[0]! > 30))
    throw bankDataError('directory SFI (88) is not one byte 1–30');
  const pdol = findBerTlv(proprietary, EMV_TAG.PDOL);
  return {
    dfName: toHex(dfName.value),
    label: text(findBerTlv(proprietary, EMV_TAG.LABEL)),
    preferredName: text(findBerTlv(proprietary, EMV_TAG.PREFERRED_NAME)),
    priority: priorityOf(findBerTlv(proprietary, EMV_TAG.PRIORITY)),
    pdol: pdol && pdol.value.length > 0 ? parseDol(pdol.value) : undefined,
    directorySfi: sfi?.value[0],
  };
}

/** The application entries (61) of one PSE directory record (70); DDF entries (9D) are skipped. */
export function parseDirectoryRecord(data: Uint8Array): DirectoryEntry[] {
  const record = bankTlv(data, 'PSE directory record')[0];
  if (!record || record.tag !== EMV_TAG.RECORD_TEMPLATE || !record.children)
    throw bankDataError('PSE directory record is not a template 70');
  return record.children
    .filter((o) => o.tag === EMV_TAG.APPLICATION_TEMPLATE && o.children)
    .flatMap((entry) => {
      const aid = findBerTlv(entry.children!, EMV_TAG.AID);
      if (!aid || aid.value.length < 5 || aid.value.length > 16) return [];
      const label = text(findBerTlv(entry.children!, EMV_TAG.LABEL));
      const priority = priorityOf(findBerTlv(entry.children!, EMV_TAG.PRIORITY));
      return [{ aid: toHex(aid.value), label, priority }];
    });
}
