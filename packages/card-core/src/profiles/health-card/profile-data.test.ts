import { describe, expect, it } from 'vitest';
import type { DataItem, ElementaryFileDef, LayoutId } from '../types.js';
import { HEALTH_CARD_CODE_TABLES } from './code-tables.js';
import { HEALTH_CARD_DFS, HEALTH_CARD_FILES, HEALTH_CARD_LAYOUTS } from './files.js';
import { HEALTH_CARD_ITEMS } from './items.js';

const byNo = (no: number): DataItem => {
  const item = HEALTH_CARD_ITEMS.find((i) => i.no === no);
  if (!item) throw new Error(`no item ${no}`);
  return item;
};
const byKey = (key: string): DataItem => {
  const item = HEALTH_CARD_ITEMS.find((i) => i.key === key);
  if (!item) throw new Error(`no item ${key}`);
  return item;
};
const file = (path: string): ElementaryFileDef => {
  const f = HEALTH_CARD_FILES.find((x) => x.path === path);
  if (!f) throw new Error(`no file ${path}`);
  return f;
};
const offsetOf = (item: DataItem): number => {
  if (item.location.kind === 'tlv') throw new Error(`item ${item.no} is TLV`);
  return item.location.offset;
};

/** Asserts the [offset, offset+length) ranges are disjoint and cover 0..size exactly. */
const expectTiling = (items: readonly DataItem[], size: number): void => {
  expect(items.length).toBeGreaterThan(0);
  const sorted = [...items].sort((a, b) => offsetOf(a) - offsetOf(b));
  let next = 0;
  for (const item of sorted) {
    expect(offsetOf(item), `item ${item.no} (${item.key}) starts where the previous ends`).toBe(next);
    next = offsetOf(item) + item.length;
  }
  expect(next).toBe(size);
};

const layoutItems = (layout: LayoutId) =>
  HEALTH_CARD_ITEMS.filter((i) => i.location.kind === 'binary' && i.location.layout === layout);

describe('health-card items: numbering and keys', () => {
  it('numbers the items exactly 1..385, in order, once each', () => {
    expect(HEALTH_CARD_ITEMS.map((i) => i.no)).toEqual(Array.from({ length: 385 }, (_, i) => i + 1));
  });

  it('has unique, well-formed keys', () => {
    const keys = HEALTH_CARD_ITEMS.map((i) => i.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(/^[a-z][A-Za-z0-9]*(\.\d+\.[a-z][A-Za-z0-9]*)?$/);
  });

  it('prefixes every outpatient key, and only those, with "visit"', () => {
    for (const item of HEALTH_CARD_ITEMS) {
      const outpatient = item.location.kind === 'binary' && item.location.layout === 'outpatient';
      expect(item.key.startsWith('visit'), item.key).toBe(outpatient);
    }
  });

  it('gives every item a name, gloss and positive length', () => {
    for (const item of HEALTH_CARD_ITEMS) {
      expect(item.name.length, `item ${item.no}`).toBeGreaterThan(0);
      expect(item.gloss.length, `item ${item.no}`).toBeGreaterThan(0);
      expect(item.length, `item ${item.no}`).toBeGreaterThan(0);
    }
  });

  it('puts the item groups at the numbers of spec §4.7', () => {
    const kinds = (from: number, to: number) =>
      new Set(HEALTH_CARD_ITEMS.filter((i) => i.no >= from && i.no <= to).map((i) => i.location.kind));
    expect(kinds(1, 57)).toEqual(new Set(['tlv']));
    expect(kinds(58, 63)).toEqual(new Set(['record']));
    expect(layoutItems('inpatient').map((i) => i.no)).toEqual(Array.from({ length: 149 }, (_, i) => 64 + i));
    expect(layoutItems('outpatient').map((i) => i.no)).toEqual(
      Array.from({ length: 172 }, (_, i) => 213 + i),
    );
  });
});

describe('health-card files', () => {
  it('has unique paths whose last segment is the FID, under a declared DF', () => {
    const paths = HEALTH_CARD_FILES.map((f) => f.path);
    expect(new Set(paths).size).toBe(paths.length);
    const dfs = new Set(HEALTH_CARD_DFS.map((d) => d.path));
    for (const f of HEALTH_CARD_FILES) {
      const parts = f.path.split('/');
      expect(parts.at(-1)).toBe(f.fid);
      expect(dfs.has(parts.slice(0, -1).join('/')), f.path).toBe(true);
    }
    for (const d of HEALTH_CARD_DFS) expect(d.path.split('/').at(-1)).toBe(d.fid);
  });

  it('declares record counts/lengths for record files and sizes for transparent files', () => {
    for (const f of HEALTH_CARD_FILES) {
      if (f.structure === 'transparent') {
        expect(f.size, f.path).toBeGreaterThan(0);
        expect(f.records, f.path).toBeUndefined();
      } else {
        expect(f.records, f.path).toBeGreaterThan(0);
        expect(f.recordLength, f.path).toBeGreaterThan(0);
        expect(f.size, f.path).toBeUndefined();
      }
    }
  });

  it('has 3 inpatient files of 1893 bytes and 5 outpatient files of 3267 bytes', () => {
    const ee = HEALTH_CARD_FILES.filter((f) => f.layout === 'inpatient');
    const ed = HEALTH_CARD_FILES.filter((f) => f.layout === 'outpatient');
    expect(ee.map((f) => f.path)).toEqual(['DDF1/DF03/EE01', 'DDF1/DF03/EE02', 'DDF1/DF03/EE03']);
    expect(ed.map((f) => f.fid)).toEqual(['ED01', 'ED02', 'ED03', 'ED04', 'ED05']);
    for (const f of ee) expect(f.size).toBe(1893);
    for (const f of ed) expect(f.size).toBe(3267);
    // One index record per encounter file (spec §4.3).
    expect(file('DDF1/DF03/EF05').records).toBe(ee.length);
    expect(file('DDF1/DF03/EF06').records).toBe(ed.length);
  });

  it('uses the access rules of spec §3.1/§6.5/§6.8', () => {
    expect(file('DDF1/EF05').read).toEqual({ kind: 'free' });
    expect(file('DDF1/EF05').write).toEqual({ kind: 'never' });
    expect(file('DDF1/EF06').write).toEqual({ kind: 'never' });
    expect(file('DDF1/EF07').write).toEqual({ kind: 'key', key: 'UK_DDF1' });
    expect(file('DDF1/EF08').write).toEqual({ kind: 'key', key: 'UK_DDF1', sm: 'STK_DDF1' });
    expect(file('DDF1/DF02/EF05').write).toEqual({ kind: 'key', key: 'UK_DF02_1', sm: 'STK_DF02' });
    expect(file('DDF1/DF02/EF06').write).toEqual({ kind: 'key', key: 'UK_DF02_2', sm: 'STK_DF02' });
    expect(file('DDF1/DF02/EF07').write).toEqual({ kind: 'key', key: 'UK_DF02_3' });
    expect(file('DDF1/DF02/EF08').write).toEqual({ kind: 'key', key: 'UK_DF02_3' });
    for (const path of ['DDF1/DF03/EF05', 'DDF1/DF03/EF06']) {
      expect(file(path).write).toEqual({ kind: 'key', key: 'UK_DF03_1', sm: 'STK_DF03' });
      expect(file(path).erase).toEqual({ kind: 'key', key: 'UK_DF03_2', sm: 'STK_DF03' });
    }
    for (const f of HEALTH_CARD_FILES.filter((x) => x.layout !== undefined)) {
      expect(f.write).toEqual({ kind: 'key', key: 'UK_DF03_1' });
    }
  });

  it('guards each file with the read key, and update/SM keys, of its own DF', () => {
    for (const f of HEALTH_CARD_FILES) {
      if (f.path === 'DDF1/EF05') continue;
      const df = f.path.split('/').length === 2 ? 'DDF1' : (f.path.split('/')[1] as string);
      expect(f.read, f.path).toEqual({ kind: 'key', key: `RK_${df}` });
      for (const rule of [f.write, f.erase]) {
        if (rule?.kind !== 'key') continue;
        expect(rule.key.startsWith(`UK_${df}`), f.path).toBe(true);
        if (rule.sm !== undefined) expect(rule.sm).toBe(`STK_${df}`);
      }
    }
  });

  it('marks the DLL-only key columns med and the keyless EF05 high', () => {
    for (const f of HEALTH_CARD_FILES) {
      const keyed = [f.read, f.write, f.erase].some((r) => r?.kind === 'key');
      expect(f.confidence, f.path).toBe(keyed ? 'med' : 'high');
    }
  });
});

describe('health-card TLV items (1–57)', () => {
  const tlv = HEALTH_CARD_ITEMS.filter((i) => i.location.kind === 'tlv');

  it('are the items 1–57, tag = item number', () => {
    expect(tlv.map((i) => i.no)).toEqual(Array.from({ length: 57 }, (_, i) => i + 1));
    for (const item of tlv) {
      if (item.location.kind !== 'tlv') continue;
      expect(item.location.tag, item.key).toBe(item.no);
    }
  });

  it('live in linear-tlv files, one item per record, filling every record', () => {
    const seen = new Set<string>();
    for (const item of tlv) {
      if (item.location.kind !== 'tlv') continue;
      const f = file(item.location.file);
      expect(f.structure, item.key).toBe('linear-tlv');
      expect(item.location.record, item.key).toBeGreaterThanOrEqual(1);
      expect(item.location.record, item.key).toBeLessThanOrEqual(f.records ?? 0);
      const slot = `${item.location.file}#${item.location.record}`;
      expect(seen.has(slot), slot).toBe(false);
      seen.add(slot);
    }
    for (const f of HEALTH_CARD_FILES.filter((x) => x.structure === 'linear-tlv')) {
      const inFile = tlv.filter((i) => i.location.kind === 'tlv' && i.location.file === f.path);
      expect(inFile.length, f.path).toBe(f.records);
      // Records are never shortened: tag ‖ len ‖ fixed-length value (spec §3.3).
      expect(f.recordLength, f.path).toBe(2 + Math.max(...inFile.map((i) => i.length)));
      // SIMPLE-TLV with a 1-byte length.
      for (const i of inFile) expect(i.length, i.key).toBeLessThanOrEqual(0xfe);
    }
  });

  it('match spot values of spec §4.2', () => {
    expect(byNo(5)).toMatchObject({ key: 'issuerCertificate', type: 'b', length: 180 });
    expect(byNo(22)).toMatchObject({ key: 'address1', type: 'ans', length: 100 });
    expect(byNo(57).location).toEqual({ kind: 'tlv', file: 'DDF1/EF05', record: 10, tag: 0x39 });
    expect(byNo(7).location).toEqual({ kind: 'tlv', file: 'DDF1/EF08', record: 1, tag: 0x07 });
    expect(byNo(8).location).toEqual({ kind: 'tlv', file: 'DDF1/EF05', record: 7, tag: 0x08 });
    expect(byNo(56).location).toEqual({ kind: 'tlv', file: 'DDF1/DF02/EF06', record: 1, tag: 0x38 });
    expect(byNo(36)).toMatchObject({ key: 'occupation', type: 'ans', length: 3 });
    expect(byNo(42)).toMatchObject({ key: 'rhBloodGroup', type: 'cn', length: 1 });
    expect(byNo(15)).toMatchObject({ key: 'idNumber', type: 'ans', length: 18 });
  });
});

describe('health-card raw and binary layouts', () => {
  it('tiles every raw record file with its items', () => {
    const raw = HEALTH_CARD_FILES.filter((f) => f.structure === 'cyclic' || f.structure === 'linear-raw');
    expect(raw.map((f) => [f.path, f.recordLength])).toEqual([
      ['DDF1/DF02/EF07', 120],
      ['DDF1/DF02/EF08', 24],
      ['DDF1/DF03/EF05', 1],
      ['DDF1/DF03/EF06', 1],
    ]);
    for (const f of raw) {
      const items = HEALTH_CARD_ITEMS.filter(
        (i) => i.location.kind === 'record' && i.location.file === f.path,
      );
      expectTiling(items, f.recordLength ?? 0);
    }
  });

  it('only addresses record items in raw record files', () => {
    for (const item of HEALTH_CARD_ITEMS) {
      if (item.location.kind !== 'record') continue;
      expect(['cyclic', 'linear-raw']).toContain(file(item.location.file).structure);
    }
  });

  it('tiles the inpatient layout 0..1893 and the outpatient layout 0..3267', () => {
    expectTiling(layoutItems('inpatient'), 1893);
    expectTiling(layoutItems('outpatient'), 3267);
    expectTiling(layoutItems('inpatient').slice(0, -2), 1639);
    expectTiling(layoutItems('outpatient').slice(0, -2), 3013);
  });

  it('ends the whole-record data at the signature: 1639 (EE) and 3013 (ED)', () => {
    expect(byNo(211)).toMatchObject({ key: 'signature', type: 'b', length: 64 });
    expect(offsetOf(byNo(211))).toBe(1639);
    expect(byNo(212)).toMatchObject({ key: 'samCertificate', type: 'b', length: 190 });
    expect(offsetOf(byNo(212))).toBe(1703);
    expect(byNo(383)).toMatchObject({ key: 'visitSignature', type: 'b', length: 64 });
    expect(offsetOf(byNo(383))).toBe(3013);
    expect(byNo(384)).toMatchObject({ key: 'visitSamCertificate', type: 'b', length: 190 });
    expect(offsetOf(byNo(384))).toBe(3077);
    expect(HEALTH_CARD_LAYOUTS).toEqual({
      inpatient: { size: 1893, dataLength: 1639 },
      outpatient: { size: 3267, dataLength: 3013 },
    });
    for (const layout of ['inpatient', 'outpatient'] as const) {
      const signature = layoutItems(layout).find((i) => i.length === 64 && i.type === 'b');
      expect(signature && offsetOf(signature)).toBe(HEALTH_CARD_LAYOUTS[layout].dataLength);
      for (const f of HEALTH_CARD_FILES.filter((x) => x.layout === layout)) {
        expect(f.size).toBe(HEALTH_CARD_LAYOUTS[layout].size);
      }
    }
  });

  it('match spot offsets of spec §4.4 and §4.5', () => {
    const at = (key: string) => ({
      no: byKey(key).no,
      offset: offsetOf(byKey(key)),
      length: byKey(key).length,
    });
    expect(at('hospitalName')).toEqual({ no: 64, offset: 0, length: 70 });
    expect(at('diagnoses.0.serologyItem')).toEqual({ no: 73, offset: 212, length: 1 });
    expect(at('diagnoses.1.diseaseCode')).toEqual({ no: 73 + 16 + 3, offset: 212 + 247 + 52, length: 7 });
    expect(at('diagnoses.2.incisionHealing')).toEqual({ no: 120, offset: 212 + 2 * 247 + 246, length: 1 });
    expect(at('transfusions.0.type')).toEqual({ no: 121, offset: 953, length: 1 });
    expect(at('transfusions.1.unit')).toEqual({ no: 126, offset: 953 + 13 + 3, length: 10 });
    expect(at('inpatientPaymentScheme')).toEqual({ no: 140, offset: 1068, length: 1 });
    expect(at('fees.19.amount')).toEqual({ no: 200, offset: 1069 + 19 * 26 + 21, length: 5 });
    expect(at('totalCost')).toEqual({ no: 201, offset: 1589, length: 5 });
    expect(at('visitHospitalName')).toEqual({ no: 213, offset: 0, length: 70 });
    expect(at('visitDateTime')).toEqual({ no: 215, offset: 80, length: 7 });
    expect(at('visitDiagnoses.4.symptomDuration')).toEqual({
      no: 253,
      offset: 156 + 4 * 125 + 123,
      length: 2,
    });
    expect(at('visitLabTests.0.name')).toEqual({ no: 254, offset: 781, length: 80 });
    expect(at('visitDrugs.2.routeCode')).toEqual({
      no: 304 + 2 * 8 + 7,
      offset: 2041 + 2 * 91 + 89,
      length: 2,
    });
    expect(at('visitProcedures.0.name')).toEqual({ no: 344, offset: 2496, length: 80 });
    expect(at('visitFees.9.amount')).toEqual({ no: 382, offset: 2763 + 9 * 25 + 21, length: 4 });
  });

  it('stores the photo as the whole of DDF1/EF07', () => {
    const photo = byNo(385);
    expect(photo).toMatchObject({ key: 'photo', type: 'b', format: 'photo' });
    expect(photo.location).toEqual({ kind: 'binary', file: 'DDF1/EF07', offset: 0 });
    expect(photo.length).toBe(file('DDF1/EF07').size);
  });

  it('gives binary items either a transparent file or a layout, not both', () => {
    const layouts = new Set(HEALTH_CARD_FILES.map((f) => f.layout));
    for (const item of HEALTH_CARD_ITEMS) {
      if (item.location.kind !== 'binary') continue;
      const { file: path, layout } = item.location;
      expect((path === undefined) !== (layout === undefined), item.key).toBe(true);
      if (path !== undefined) expect(file(path).structure).toBe('transparent');
      if (layout !== undefined) expect(layouts.has(layout)).toBe(true);
    }
  });
});

describe('health-card formats and code tables', () => {
  it('uses formats consistent with the stored type and length', () => {
    for (const item of HEALTH_CARD_ITEMS) {
      const shape = `${item.type}${item.length}`;
      if (item.format === 'date') expect(shape, item.key).toBe('cn4');
      if (item.format === 'datetime') expect(shape, item.key).toBe('cn7');
      if (item.format === 'flag') {
        expect(shape, item.key).toBe('b1');
        expect(item.codeTable, item.key).toBe('flag');
      }
      if (item.format === 'amount') expect(item.type, item.key).toBe('cn');
    }
    expect(HEALTH_CARD_ITEMS.filter((i) => i.format === 'flag').map((i) => i.no)).toEqual([
      43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 56, 138, 139,
    ]);
    // 20 + 10 inpatient amounts, 10 outpatient.
    expect(HEALTH_CARD_ITEMS.filter((i) => i.format === 'amount')).toHaveLength(40);
  });

  it('names only code tables that exist, and uses every table', () => {
    const used = new Set<string>();
    for (const item of HEALTH_CARD_ITEMS) {
      if (item.codeTable === undefined) continue;
      expect(HEALTH_CARD_CODE_TABLES, item.key).toHaveProperty(item.codeTable);
      used.add(item.codeTable);
    }
    expect([...used].sort()).toEqual(Object.keys(HEALTH_CARD_CODE_TABLES).sort());
  });

  it('writes codes the way the item type stores them', () => {
    for (const item of HEALTH_CARD_ITEMS) {
      const table = item.codeTable === undefined ? undefined : HEALTH_CARD_CODE_TABLES[item.codeTable];
      if (!table) continue;
      const codes = Object.keys(table.codes);
      expect(codes.length, item.codeTable).toBeGreaterThan(0);
      for (const code of codes) {
        if (item.type === 'b')
          expect(code, item.codeTable).toMatch(new RegExp(`^[0-9A-F]{${2 * item.length}}$`));
        // cn: BCD digits, at most two per byte (F padding fills the rest).
        if (item.type === 'cn')
          expect(code, item.codeTable).toMatch(new RegExp(`^\\d{1,${2 * item.length}}$`));
        if (item.type === 'ans') expect(code.length, item.codeTable).toBeLessThanOrEqual(item.length);
      }
    }
  });

  it('has the 56 GB 3304 ethnicity codes 01..56', () => {
    const codes = HEALTH_CARD_CODE_TABLES['ethnicity']?.codes ?? {};
    // '10'..'56' are integer-like keys and enumerate first; compare sorted.
    expect(Object.keys(codes).sort()).toEqual(
      Array.from({ length: 56 }, (_, i) => String(i + 1).padStart(2, '0')),
    );
    expect(new Set(Object.values(codes)).size).toBe(56);
    expect(codes['01']).toBe('汉族');
    expect(codes['10']).toBe('朝鲜族');
    expect(codes['29']).toBe('柯尔克孜族');
    expect(codes['56']).toBe('基诺族');
  });

  it('matches spot values of the spec lists', () => {
    const t = HEALTH_CARD_CODE_TABLES;
    expect(t['cardType']?.codes).toEqual({ '1': '普通卡', '2': '高级卡' });
    expect(Object.keys(t['sex']?.codes ?? {})).toEqual(['00', '01', '02', '09']);
    expect(Object.keys(t['paymentScheme']?.codes ?? {})).toHaveLength(8);
    expect(t['labResultCode']?.codes).toEqual({ '1': '异常', '2': '正常', '3': '不确定' });
    expect(Object.keys(t['indexFlag']?.codes ?? {})).toEqual(['00', 'FF']);
    expect(t['flag']?.codes).toEqual({ '00': '否', '01': '是' });
    for (const table of Object.values(t)) {
      expect(table.source.length).toBeGreaterThan(0);
      expect(table.name.length).toBeGreaterThan(0);
    }
  });
});
