/**
 * File tree of the resident health card user card (spec §3.1).
 *
 * Structure, record counts and sizes are `high` (IF2012 附录B, XLS). Which key guards which
 * operation comes from the vendor DLL only (spec §3.1, §6.5, §6.8), so every file whose rule
 * names a key is `med`; DDF1/EF05 (free read, never written) is `high`.
 */
import type { AccessRule, CardProfile, DedicatedFileDef, ElementaryFileDef, KeyId } from '../types.js';

export const HEALTH_CARD_DFS: readonly DedicatedFileDef[] = [
  { path: 'DDF1', fid: 'DDF1', name: '居民健康卡应用', gloss: 'health application root' },
  {
    path: 'DDF1/DF01',
    fid: 'DF01',
    name: '持卡人扩展信息',
    gloss: 'holder extended data: addresses, contacts, job/marriage, documents',
  },
  { path: 'DDF1/DF02', fid: 'DF02', name: '医学/临床信息', gloss: 'medical/clinical data' },
  { path: 'DDF1/DF03', fid: 'DF03', name: '诊疗记录', gloss: 'encounter records' },
];

const FREE: AccessRule = { kind: 'free' };
const NEVER: AccessRule = { kind: 'never' };
const key = (k: KeyId, sm?: KeyId): AccessRule =>
  sm === undefined ? { kind: 'key', key: k } : { kind: 'key', key: k, sm };

/** EE01–EE03 / ED01–ED05: same rules, one entry per file (spec §3.1, §6.5: plain UPDATE BINARY). */
const encounterFiles = (
  prefix: 'EE' | 'ED',
  count: number,
  name: string,
  gloss: string,
  layout: 'inpatient' | 'outpatient',
  size: number,
): ElementaryFileDef[] =>
  Array.from({ length: count }, (_, i) => {
    const fid = `${prefix}0${i + 1}`;
    return {
      path: `DDF1/DF03/${fid}`,
      fid,
      name,
      gloss: `${gloss} ${i + 1}`,
      structure: 'transparent',
      size,
      layout,
      read: key('RK_DF03'),
      write: key('UK_DF03_1'),
      confidence: 'med',
    } satisfies ElementaryFileDef;
  });

export const HEALTH_CARD_FILES: readonly ElementaryFileDef[] = [
  // DDF1 — recordLength of a TLV file = 2 + longest item (spec §3.3: len is always the max).
  {
    path: 'DDF1/EF05',
    fid: 'EF05',
    name: '发卡机构基本数据文件',
    gloss: 'issuer data',
    structure: 'linear-tlv',
    records: 10,
    recordLength: 182, // item 5, issuer certificate b 180
    read: FREE,
    write: NEVER,
    confidence: 'high',
  },
  {
    path: 'DDF1/EF06',
    fid: 'EF06',
    name: '持卡人基本信息数据文件',
    gloss: 'holder identity',
    structure: 'linear-tlv',
    records: 5,
    recordLength: 32, // item 11, name ans 30
    read: key('RK_DDF1'),
    write: NEVER,
    confidence: 'med',
  },
  {
    path: 'DDF1/EF07',
    fid: 'EF07',
    name: '照片',
    gloss: 'photo (2-byte length + JPEG)',
    structure: 'transparent',
    size: 3074,
    read: key('RK_DDF1'),
    write: key('UK_DDF1'), // plain UPDATE BINARY (spec §6.5)
    confidence: 'med',
  },
  {
    path: 'DDF1/EF08',
    fid: 'EF08',
    name: '有效期/电话/支付方式',
    gloss: 'card expiry, phones, payment schemes',
    structure: 'linear-tlv',
    records: 6,
    recordLength: 22, // items 16/17, phone ans 20
    read: key('RK_DDF1'),
    write: key('UK_DDF1', 'STK_DDF1'),
    confidence: 'med',
  },

  // DDF1/DF01 — all files: read RK_DF01, write UK_DF01 + SM(STK_DF01).
  {
    path: 'DDF1/DF01/EF05',
    fid: 'EF05',
    name: '地址信息',
    gloss: 'addresses',
    structure: 'linear-tlv',
    records: 4,
    recordLength: 102, // items 22/24, address ans 100
    read: key('RK_DF01'),
    write: key('UK_DF01', 'STK_DF01'),
    confidence: 'med',
  },
  {
    path: 'DDF1/DF01/EF06',
    fid: 'EF06',
    name: '联系人信息',
    gloss: 'contacts',
    structure: 'linear-tlv',
    records: 9,
    recordLength: 32, // contact name ans 30
    read: key('RK_DF01'),
    write: key('UK_DF01', 'STK_DF01'),
    confidence: 'med',
  },
  {
    path: 'DDF1/DF01/EF07',
    fid: 'EF07',
    name: '职业婚姻信息',
    gloss: 'education, marital status, occupation',
    structure: 'linear-tlv',
    records: 3,
    recordLength: 5, // item 36, occupation ans 3
    read: key('RK_DF01'),
    write: key('UK_DF01', 'STK_DF01'),
    confidence: 'med',
  },
  {
    path: 'DDF1/DF01/EF08',
    fid: 'EF08',
    name: '证件记录信息',
    gloss: 'documents and record numbers',
    structure: 'linear-tlv',
    records: 4,
    recordLength: 20, // items 38/40, ans 18
    read: key('RK_DF01'),
    write: key('UK_DF01', 'STK_DF01'),
    confidence: 'med',
  },

  // DDF1/DF02 — EF05/EF06 have separate update keys; the cyclic files share UK_DF02_3.
  {
    path: 'DDF1/DF02/EF05',
    fid: 'EF05',
    name: '临床基本数据',
    gloss: 'basic clinical data: blood groups, medical alerts',
    structure: 'linear-tlv',
    records: 15,
    recordLength: 42, // item 55, other medical alert ans 40
    read: key('RK_DF02'),
    write: key('UK_DF02_1', 'STK_DF02'),
    confidence: 'med',
  },
  {
    path: 'DDF1/DF02/EF06',
    fid: 'EF06',
    name: '特殊信息',
    gloss: 'special data (psychiatric flag)',
    structure: 'linear-tlv',
    records: 1,
    recordLength: 3, // item 56, b 1
    read: key('RK_DF02'),
    write: key('UK_DF02_2', 'STK_DF02'),
    confidence: 'med',
  },
  {
    path: 'DDF1/DF02/EF07',
    fid: 'EF07',
    name: '过敏基本数据',
    gloss: 'allergies',
    structure: 'cyclic',
    records: 3,
    recordLength: 120, // ans 20 + ans 100 (spec §4.3)
    read: key('RK_DF02'),
    // The PLAIN variant writes with SM, the main DLL in plain (spec §6.5, §9.6); plain chosen.
    write: key('UK_DF02_3'),
    confidence: 'med',
  },
  {
    path: 'DDF1/DF02/EF08',
    fid: 'EF08',
    name: '免疫基本数据',
    gloss: 'immunisations',
    structure: 'cyclic',
    records: 10,
    recordLength: 24, // ans 20 + cn 4
    read: key('RK_DF02'),
    write: key('UK_DF02_3'),
    confidence: 'med',
  },

  // DDF1/DF03 — index flags: set to 00 with UK_DF03_1, erase to FF with UK_DF03_2 (spec §3.1, §6.5).
  {
    path: 'DDF1/DF03/EF05',
    fid: 'EF05',
    name: '住院信息索引',
    gloss: 'inpatient record index (EE01–EE03)',
    structure: 'linear-raw',
    records: 3,
    recordLength: 1,
    read: key('RK_DF03'),
    write: key('UK_DF03_1', 'STK_DF03'),
    erase: key('UK_DF03_2', 'STK_DF03'),
    confidence: 'med',
  },
  {
    path: 'DDF1/DF03/EF06',
    fid: 'EF06',
    name: '门诊信息索引',
    gloss: 'outpatient record index (ED01–ED05)',
    structure: 'linear-raw',
    records: 5,
    recordLength: 1,
    read: key('RK_DF03'),
    write: key('UK_DF03_1', 'STK_DF03'),
    erase: key('UK_DF03_2', 'STK_DF03'),
    confidence: 'med',
  },
  ...encounterFiles('EE', 3, '住院信息', 'inpatient record', 'inpatient', 1893),
  ...encounterFiles('ED', 5, '门诊信息', 'outpatient record', 'outpatient', 3267),
];

/**
 * Encounter layouts for `CardProfile.layouts`: total size (sum of the XLS offset table) and the
 * part a whole-record read/write covers, which ends where the signature starts (spec §4.4, §4.5).
 */
export const HEALTH_CARD_LAYOUTS: CardProfile['layouts'] = {
  inpatient: { size: 1893, dataLength: 1639 },
  outpatient: { size: 3267, dataLength: 3013 },
};
