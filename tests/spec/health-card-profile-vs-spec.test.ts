/**
 * Ties the health-card profile to the SPEC, not to itself.
 *
 * The expected values come from `health-card-spec-table.ts`, an independent transcription of
 * ../shared/spec/health-card.md §3.3, §4.2–§4.5 and §4.7 made without looking at the profile.
 * Every row names the spec line it came from. When a row fails, re-read that spec line: do not
 * edit the transcription to match the profile, and do not re-record transcripts to hide it.
 *
 * Expected on-card bytes are built here with a tiny §4.1 encoder (ASCII ans padded with 00, cn
 * BCD padded with F, b raw), so the profile's codecs are checked against the spec as well.
 */
import {
  type DataItem,
  encodeEncounter,
  encodeRawRecord,
  encodeTlvRecord,
  fileDef,
  filesOfLayout,
  HEALTH_CARD_PROFILE,
  itemDef,
  itemsOfFile,
  itemsOfLayout,
  type LayoutId,
} from '@hcard/card-core';
import { describe, expect, it } from 'vitest';
import {
  SPEC_ED_LAYOUT,
  SPEC_EE_LAYOUT,
  SPEC_RAW_RECORD_FILES,
  SPEC_TLV_FILE_RECORD_COUNTS,
  SPEC_TLV_ITEMS,
  SPEC_TLV_LENGTH_IS_FIXED,
  type SpecEncounterLayout,
  type SpecType,
} from './health-card-spec-table.js';

const profile = HEALTH_CARD_PROFILE;

/** Spec paths start at the MF ('MF/DDF1/EF05'); profile paths start below it ('DDF1/EF05'). */
const profilePath = (specPath: string): string => specPath.replace(/^MF\//, '');

const hex2 = (n: number): string => n.toString(16).toUpperCase().padStart(2, '0');

// ----- a §4.1 encoder, independent of card-core's codecs --------------------------------------

/** A probe value that is shorter than the field where possible, so padding is exercised. */
function probeValue(type: SpecType, len: number, seed: number): string {
  switch (type) {
    case 'ans': {
      const text = `${String.fromCharCode(0x41 + (seed % 26))}${seed}`;
      return text.slice(0, Math.max(1, Math.min(len - 1, text.length)));
    }
    case 'cn':
      // odd digit count: the last byte ends in an F nibble
      return String(seed % 10 ** (2 * len - 1)).slice(0, 2 * len - 1);
    case 'b':
      return Array.from({ length: len }, (_, i) => hex2((seed + i * 7) & 0xff)).join('');
  }
}

function specBytes(type: SpecType, len: number, value: string): number[] {
  switch (type) {
    case 'ans': {
      // ASCII probes only; right-padded with 0x00 (§4.1 line 177)
      const out = Array.from(value, (c) => c.charCodeAt(0));
      return [...out, ...Array<number>(len - out.length).fill(0x00)];
    }
    case 'cn': {
      // packed BCD, left-aligned, right-padded with nibble F (§4.1 line 178)
      const nibbles = [...Array.from(value, Number), ...Array<number>(2 * len - value.length).fill(0xf)];
      return Array.from({ length: len }, (_, i) => (nibbles[2 * i]! << 4) | nibbles[2 * i + 1]!);
    }
    case 'b':
      return Array.from({ length: len }, (_, i) => Number.parseInt(value.slice(2 * i, 2 * i + 2), 16));
  }
}

// ----- the transcription is consistent with itself (catches transcription slips) --------------

describe('spec transcription (self-consistency)', () => {
  it('has items 1–57 once each, tag = item number (§4.2 line 186, §3.3 line 154)', () => {
    expect(SPEC_TLV_ITEMS.map((r) => r.no)).toEqual(Array.from({ length: 57 }, (_, i) => i + 1));
    for (const r of SPEC_TLV_ITEMS) expect(r.tag, `item ${r.no}`).toBe(r.no);
  });

  it('numbers the records of each TLV file 1..n as in the §3.1 tree', () => {
    for (const [path, count] of Object.entries(SPEC_TLV_FILE_RECORD_COUNTS)) {
      const recs = SPEC_TLV_ITEMS.filter((r) => r.path === path)
        .map((r) => r.rec)
        .sort((a, b) => a - b);
      expect(recs, path).toEqual(Array.from({ length: count }, (_, i) => i + 1));
    }
  });

  it.each([SPEC_EE_LAYOUT, SPEC_ED_LAYOUT])('$name tiles 0..$size with no gap or overlap', (layout) => {
    const fields = expandLayout(layout);
    let at = 0;
    for (const f of fields) {
      expect(f.offset, f.label).toBe(at);
      at += f.len;
    }
    expect(at).toBe(layout.size);
    expect(fields.length).toBe(layout.lastItemNo - layout.firstItemNo + 1);
    expect(fields.find((f) => f.name === '交易信息签名')?.offset).toBe(layout.dataEnd);
  });
});

// ----- items 1–57 -------------------------------------------------------------------------------

const tlvCases = SPEC_TLV_ITEMS.map((row) => ({
  ...row,
  label: `item ${row.no} · tag 0x${hex2(row.tag)} · ${row.name} · ${row.path} rec ${row.rec} · ${row.type} ${row.len} (spec line ${row.line})`,
}));

describe('profile TLV items 1–57 vs spec §4.2', () => {
  it('has exactly the 57 TLV items 1–57 (none missing, none extra)', () => {
    const tlv = profile.items.filter((i) => i.location.kind === 'tlv').map((i) => i.no);
    expect([...tlv].sort((a, b) => a - b)).toEqual(Array.from({ length: 57 }, (_, i) => i + 1));
  });

  it('puts no two TLV items in the same record of a file', () => {
    const seen = new Map<string, number>();
    for (const item of profile.items) {
      if (item.location.kind !== 'tlv') continue;
      const where = `${item.location.file}#${item.location.record}`;
      expect(seen.get(where), `${where}: items ${seen.get(where)} and ${item.no}`).toBeUndefined();
      seen.set(where, item.no);
    }
  });

  it.each(tlvCases.map((c) => [c.label, c] as const))('%s', (_, row) => {
    const item = itemDef(profile, row.no);
    expect({ type: item.type, length: item.length, location: item.location }).toEqual({
      type: row.type,
      length: row.len,
      location: { kind: 'tlv', file: profilePath(row.path), record: row.rec, tag: row.tag },
    });
    // Fixed length (§3.3 line 155): a short value still gives tag ‖ len ‖ full padded value.
    expect(SPEC_TLV_LENGTH_IS_FIXED).toBe(true);
    const value = probeValue(row.type, row.len, row.no);
    expect(Array.from(encodeTlvRecord(item, value))).toEqual([
      row.tag,
      row.len,
      ...specBytes(row.type, row.len, value),
    ]);
  });

  it.each(Object.entries(SPEC_TLV_FILE_RECORD_COUNTS))('%s is a linear TLV file of %i records', (path, n) => {
    const f = fileDef(profile, profilePath(path));
    expect({ structure: f.structure, records: f.records }).toEqual({ structure: 'linear-tlv', records: n });
  });
});

// ----- items 58–63 (§4.3) -----------------------------------------------------------------------

describe('profile raw-record files vs spec §4.3', () => {
  it.each(
    SPEC_RAW_RECORD_FILES.map(
      (f) => [`${f.path} items ${f.items.join(', ')} (spec line ${f.line})`, f] as const,
    ),
  )('%s', (_, spec) => {
    const path = profilePath(spec.path);
    const f = fileDef(profile, path);
    expect({ cyclic: f.structure === 'cyclic', records: f.records, recordLength: f.recordLength }).toEqual({
      cyclic: spec.cyclic,
      records: spec.records,
      recordLength: spec.recordLen,
    });
    expect(itemsOfFile(profile, path).map((i) => i.no)).toEqual([...spec.items]);
    if (spec.fields.length === 0) {
      // index flag: one byte per record (line 259/260); the spec gives no type
      const item = itemDef(profile, spec.items[0]!);
      expect({ length: item.length, location: item.location }).toEqual({
        length: 1,
        location: { kind: 'record', file: path, offset: 0 },
      });
      return;
    }
    const values: Record<string, string> = {};
    const expected: number[] = [];
    spec.fields.forEach((sf, i) => {
      const item = itemDef(profile, spec.items[i]!);
      expect({ type: item.type, length: item.length, location: item.location }, `item ${item.no}`).toEqual({
        type: sf.type,
        length: sf.len,
        location: { kind: 'record', file: path, offset: sf.offset },
      });
      const value = probeValue(sf.type, sf.len, item.no);
      values[item.key] = value;
      expected.push(...specBytes(sf.type, sf.len, value));
    });
    expect(Array.from(encodeRawRecord(profile, path, values))).toEqual(expected);
  });
});

// ----- EE / ED encounter layouts (§4.4, §4.5, numbering §4.7) -----------------------------------

interface ExpandedField {
  readonly no: number;
  readonly offset: number;
  readonly len: number;
  readonly type: SpecType;
  readonly name: string;
  readonly label: string;
}

/** Spec rows → absolute fields in offset order, numbered from firstItemNo (§4.7). */
function expandLayout(layout: SpecEncounterLayout): ExpandedField[] {
  const prefix = layout === SPEC_EE_LAYOUT ? 'EE' : 'ED';
  const out: Omit<ExpandedField, 'no' | 'label'>[] = [];
  const lines: number[] = [];
  for (const row of layout.rows) {
    if ('base' in row) {
      for (let k = 0; k < row.count; k++) {
        for (const f of row.fields) {
          out.push({
            ...f,
            offset: row.base + row.stride * k + f.offset,
            name: `${row.name}[${k}].${f.name}`,
          });
          lines.push(row.line);
        }
      }
    } else {
      out.push({ offset: row.offset, len: row.len, type: row.type, name: row.name });
      lines.push(row.line);
    }
  }
  return out.map((f, i) => {
    const no = layout.firstItemNo + i;
    return {
      ...f,
      no,
      label: `${prefix} item ${no} · @${f.offset} · ${f.name} · ${f.type} ${f.len} (spec line ${lines[i]})`,
    };
  });
}

const LAYOUTS: readonly (readonly [LayoutId, SpecEncounterLayout])[] = [
  ['inpatient', SPEC_EE_LAYOUT],
  ['outpatient', SPEC_ED_LAYOUT],
];

describe.each(LAYOUTS)('profile %s layout vs spec', (layoutId, spec) => {
  const fields = expandLayout(spec);

  it(`files ${spec.files.join(', ')} under DF03, ${spec.size} bytes, whole-record data ends at ${spec.dataEnd}`, () => {
    expect(filesOfLayout(profile, layoutId).map((f) => [f.path, f.structure, f.size])).toEqual(
      spec.files.map((fid) => [`DDF1/DF03/${fid}`, 'transparent', spec.size]),
    );
    expect(profile.layouts[layoutId]).toEqual({ size: spec.size, dataLength: spec.dataEnd });
  });

  it(`has exactly the ${fields.length} fields ${spec.firstItemNo}–${spec.lastItemNo}, none extra`, () => {
    expect(itemsOfLayout(profile, layoutId).map((i) => i.no)).toEqual(fields.map((f) => f.no));
  });

  it.each(fields.map((f) => [f.label, f] as const))('%s', (_, f) => {
    const item = itemDef(profile, f.no);
    expect({ type: item.type, length: item.length, location: item.location }).toEqual({
      type: f.type,
      length: f.len,
      location: { kind: 'binary', layout: layoutId, offset: f.offset },
    });
  });

  it('encodes every data field at the spec offset with the spec encoding', () => {
    const values: Record<string, string> = {};
    const expected = new Array<number>(spec.dataEnd).fill(-1);
    for (const f of fields) {
      if (f.offset >= spec.dataEnd) continue; // signature and certificate: written by signing
      const item: DataItem = itemDef(profile, f.no);
      const value = probeValue(f.type, f.len, f.no);
      values[item.key] = value;
      expected.splice(f.offset, f.len, ...specBytes(f.type, f.len, value));
    }
    expect(expected.includes(-1)).toBe(false);
    expect(Array.from(encodeEncounter(profile, layoutId, values))).toEqual(expected);
  });
});
