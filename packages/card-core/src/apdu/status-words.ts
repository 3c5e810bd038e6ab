/**
 * Status-word catalogue: what a card's SW1 SW2 means and whether it is success, a warning or a
 * refusal. Patterns: exact `6982`; `61xx` any SW2; `63Cx` any low nibble. The first matching
 * row wins, so command-specific tables are searched before this global one.
 */
import { swHex } from './response-apdu.js';

export type SwOutcome = 'ok' | 'warning' | 'refused';

export interface SwEntry {
  readonly pattern: string;
  readonly outcome: SwOutcome;
  readonly meaning: string;
  /** Where the meaning comes from. */
  readonly source: 'ISO 7816-4' | 'PBOC 3.0' | 'health card' | 'reference COS';
}

export type SwTable = readonly SwEntry[];

const iso = (pattern: string, outcome: SwOutcome, meaning: string): SwEntry => ({
  pattern,
  outcome,
  meaning,
  source: 'ISO 7816-4',
});

/** ISO/IEC 7816-4 §5.1.3 table 5–6, PBOC additions, and the health-card usage (spec §6.10). */
export const STATUS_WORDS: SwTable = [
  iso('9000', 'ok', 'normal processing'),
  iso('61xx', 'ok', 'response bytes still available (GET RESPONSE)'),
  iso('6200', 'warning', 'no information given, non-volatile memory unchanged'),
  iso('6281', 'warning', 'part of returned data may be corrupted'),
  iso('6282', 'warning', 'end of file or record reached before reading Ne bytes'),
  iso('6283', 'warning', 'selected file deactivated'),
  iso('6284', 'warning', 'file control information not formatted'),
  iso('63Cx', 'warning', 'verification failed, x retries left'),
  iso('6300', 'warning', 'verification failed'),
  iso('6400', 'refused', 'execution error, non-volatile memory unchanged'),
  iso('6581', 'refused', 'memory failure'),
  iso('6700', 'refused', 'wrong length'),
  iso('6881', 'refused', 'logical channel not supported'),
  iso('6882', 'refused', 'secure messaging not supported'),
  iso('6981', 'refused', 'command incompatible with file structure'),
  iso('6982', 'refused', 'security status not satisfied'),
  iso('6983', 'refused', 'authentication method blocked'),
  iso('6984', 'refused', 'reference data not usable'),
  iso('6985', 'refused', 'conditions of use not satisfied'),
  iso('6986', 'refused', 'command not allowed (no current EF)'),
  iso('6987', 'refused', 'expected secure messaging data objects missing'),
  iso('6988', 'refused', 'incorrect secure messaging data objects (MAC)'),
  iso('6A80', 'refused', 'incorrect parameters in the data field'),
  iso('6A81', 'refused', 'function not supported'),
  iso('6A82', 'refused', 'file or application not found'),
  iso('6A83', 'refused', 'record not found'),
  iso('6A84', 'refused', 'not enough memory space in the file'),
  iso('6A86', 'refused', 'incorrect parameters P1-P2'),
  iso('6A88', 'refused', 'referenced data or reference data not found'),
  iso('6B00', 'refused', 'wrong parameters P1-P2 (offset outside the EF)'),
  iso('6Cxx', 'refused', 'wrong Le field; SW2 gives the exact length'),
  iso('6D00', 'refused', 'instruction code not supported or invalid'),
  iso('6E00', 'refused', 'class not supported'),
  iso('6F00', 'refused', 'no precise diagnosis'),
  { pattern: '9303', outcome: 'refused', meaning: 'application permanently locked', source: 'PBOC 3.0' },
  { pattern: '9403', outcome: 'refused', meaning: 'key index not supported', source: 'PBOC 3.0' },
  { pattern: '9406', outcome: 'refused', meaning: 'required MAC not available', source: 'PBOC 3.0' },
];

function matches(pattern: string, sw: number): boolean {
  const hex = swHex(sw);
  for (let i = 0; i < 4; i++) {
    const p = pattern[i]!;
    if (p !== 'x' && p.toUpperCase() !== hex[i]) return false;
  }
  return true;
}

/** Looks up `sw` in `tables` in order, then in the global catalogue. */
export function lookupStatusWord(sw: number, ...tables: SwTable[]): SwEntry {
  for (const table of [...tables, STATUS_WORDS]) {
    for (const e of table) if (matches(e.pattern, sw)) return e;
  }
  const outcome: SwOutcome = sw >> 8 === 0x62 || sw >> 8 === 0x63 ? 'warning' : 'refused';
  return { pattern: swHex(sw), outcome, meaning: 'unknown status word', source: 'ISO 7816-4' };
}

/** Retries left from a 63Cx status word, else undefined. */
export function retriesLeft(sw: number): number | undefined {
  return (sw & 0xfff0) === 0x63c0 ? sw & 0x0f : undefined;
}
