/**
 * Independent transcription of the 居民健康卡 data model, taken ONLY from the spec
 * `../shared/spec/health-card.md` (beside the repository) (md5 ee1fe1786643e5704172150c7edc4214 at transcription time):
 *
 *   §3.3  record conventions (SIMPLE-TLV, tag = item number, len = fixed maximum length)
 *   §4.2  items 1–57 (TLV record files)             — spec lines 184–251
 *   §4.3  cyclic and index files (items 58–63)      — spec lines 253–260
 *   §4.4  住院信息 EE01–EE03 (1893 bytes)             — spec lines 267–295
 *   §4.5  门诊信息 ED01–ED05 (3267 bytes)             — spec lines 297–313
 *   §4.7  global item numbering (64–212 EE, 213–384 ED, in offset order)
 *
 * This file was written WITHOUT looking at the card-core profile (items.ts, files.ts,
 * code-tables.ts, profile-data.test.ts). It is plain data. Do not "fix" a value here to match
 * the profile: if the profile and this table disagree, re-read the spec line cited in the row.
 *
 * Where the spec itself is ambiguous, low/med confidence, or records a disagreement between
 * its sources (none of these change a tag, type, length, file or record number unless said):
 *   - item 1  卡的类别: code table disagrees (XLS "1 普通卡, 2 高级卡" vs HDDEF "01 正式卡, 02 临时卡");
 *             ans 1 is undisputed. (§4.2 line 194; §10 gap 10)
 *   - item 5  发卡机构证书: HDDEF says length 190; the spec rules this wrong, 180 per IF2012, XLS,
 *             DLL Le=0xB6 and SAM file A-4. (§4.2 line 198; §9.6)
 *   - item 13 民族代码: cn 1 holding 2 digits (no ambiguity, just noted). (line 211)
 *   - items 18–20 医疗费用支付方式: IF2012 example writes "01" "02" "03" into cn 1. (line 222)
 *   - items 26/29/32 联系人关系: code table disagrees (GB/T 4761 vs HDDEF list). (line 233)
 *   - item 34 文化程度代码: code table ambiguous (1-digit 1984 vs 2-digit 2006). (line 235)
 *   - item 42 RH血型代码: spec type is cn 1; "The DLL reads it as b" (line 248) and §9.6 lists
 *             "RH is read as b but declared cn" as a DLL bug. Transcribed as cn.
 *   - items 43–54 flags: values 00/01 per HN only (**med**). (line 249)
 *   - item 57 应用城市代码: GB/T 2260 interpretation is **med**. (line 203)
 *   - §4.4/§4.5 mark the EE/ED offset tables **high**; only ED 就诊日期时间 (cn 7 at offset 80) is
 *     **low–med** because HDDEF calls it "DT15", which cannot fit in cn 7. (line 303)
 *   - §3.1: IF2012 and XLS write the last ED path as MF\DDF1\DF01\ED05; the spec calls that a typo,
 *     DF03 is correct. Transcribed as DF03.
 *   - SFIs are not documented (§3.2, low), so no SFI is transcribed.
 *   - EE 1589…1634 (line 293) is written as a range "5 each"; expanded here to 10 × cn5 at
 *     1589 + 5·k. EE/ED field names in blocks are the spec's Chinese names.
 */

export type SpecType = 'ans' | 'cn' | 'b';

/** §3.3 line 155: "len is always the fixed maximum length of the item ... records are never shortened". */
export const SPEC_TLV_LENGTH_IS_FIXED = true;

export interface SpecTlvRow {
  /** Global item number (§4.7: 1–57 equals the on-card tag). */
  readonly no: number;
  /** SIMPLE-TLV tag as written in the spec (hex). */
  readonly tag: number;
  readonly name: string;
  /** EF path from MF, as in the spec headings. */
  readonly path: string;
  /** Record number in its file ("Rec" column). */
  readonly rec: number;
  readonly type: SpecType;
  /** Value length in bytes ("Len" column). */
  readonly len: number;
  /** Line in health-card.md where the row is. */
  readonly line: number;
}

const DDF1_EF05 = 'MF/DDF1/EF05';
const DDF1_EF06 = 'MF/DDF1/EF06';
const DDF1_EF08 = 'MF/DDF1/EF08';
const DF01_EF05 = 'MF/DDF1/DF01/EF05';
const DF01_EF06 = 'MF/DDF1/DF01/EF06';
const DF01_EF07 = 'MF/DDF1/DF01/EF07';
const DF01_EF08 = 'MF/DDF1/DF01/EF08';
const DF02_EF05 = 'MF/DDF1/DF02/EF05';
const DF02_EF06 = 'MF/DDF1/DF02/EF06';

/** §4.2, sorted by item number. */
export const SPEC_TLV_ITEMS: readonly SpecTlvRow[] = [
  // MF\DDF1\EF05 — 发卡机构基本数据 (lines 190–203)
  { no: 1, tag: 0x01, name: '卡的类别', path: DDF1_EF05, rec: 1, type: 'ans', len: 1, line: 194 },
  { no: 2, tag: 0x02, name: '规范版本', path: DDF1_EF05, rec: 2, type: 'ans', len: 4, line: 195 },
  { no: 3, tag: 0x03, name: '发卡机构名称', path: DDF1_EF05, rec: 3, type: 'ans', len: 30, line: 196 },
  { no: 4, tag: 0x04, name: '发卡机构代码', path: DDF1_EF05, rec: 4, type: 'cn', len: 11, line: 197 },
  { no: 5, tag: 0x05, name: '发卡机构证书', path: DDF1_EF05, rec: 5, type: 'b', len: 180, line: 198 },
  { no: 6, tag: 0x06, name: '发卡时间', path: DDF1_EF05, rec: 6, type: 'cn', len: 4, line: 199 },
  // MF\DDF1\EF08 rec 1 (line 219)
  { no: 7, tag: 0x07, name: '卡有效期', path: DDF1_EF08, rec: 1, type: 'cn', len: 4, line: 219 },
  // back to DDF1\EF05: rec 7 holds tag 08 (also §3.3 line 164)
  { no: 8, tag: 0x08, name: '卡号', path: DDF1_EF05, rec: 7, type: 'ans', len: 18, line: 200 },
  { no: 9, tag: 0x09, name: '安全码', path: DDF1_EF05, rec: 8, type: 'ans', len: 3, line: 201 },
  {
    no: 10,
    tag: 0x0a,
    name: '发卡序列号 / 芯片序列号',
    path: DDF1_EF05,
    rec: 9,
    type: 'ans',
    len: 10,
    line: 202,
  },
  // MF\DDF1\EF06 — 持卡人基本信息 (lines 205–213)
  { no: 11, tag: 0x0b, name: '姓名', path: DDF1_EF06, rec: 1, type: 'ans', len: 30, line: 209 },
  { no: 12, tag: 0x0c, name: '性别', path: DDF1_EF06, rec: 2, type: 'b', len: 1, line: 210 },
  { no: 13, tag: 0x0d, name: '民族代码', path: DDF1_EF06, rec: 3, type: 'cn', len: 1, line: 211 },
  { no: 14, tag: 0x0e, name: '出生日期', path: DDF1_EF06, rec: 4, type: 'cn', len: 4, line: 212 },
  { no: 15, tag: 0x0f, name: '居民身份证号码', path: DDF1_EF06, rec: 5, type: 'ans', len: 18, line: 213 },
  // MF\DDF1\EF08 — 卡有效期/电话/支付方式 (lines 215–222)
  { no: 16, tag: 0x10, name: '本人电话1', path: DDF1_EF08, rec: 2, type: 'ans', len: 20, line: 220 },
  { no: 17, tag: 0x11, name: '本人电话2', path: DDF1_EF08, rec: 3, type: 'ans', len: 20, line: 221 },
  { no: 18, tag: 0x12, name: '医疗费用支付方式1', path: DDF1_EF08, rec: 4, type: 'cn', len: 1, line: 222 },
  { no: 19, tag: 0x13, name: '医疗费用支付方式2', path: DDF1_EF08, rec: 5, type: 'cn', len: 1, line: 222 },
  { no: 20, tag: 0x14, name: '医疗费用支付方式3', path: DDF1_EF08, rec: 6, type: 'cn', len: 1, line: 222 },
  // MF\DDF1\DF01\EF05 — 地址信息 (lines 228–231)
  { no: 21, tag: 0x15, name: '地址类别1', path: DF01_EF05, rec: 1, type: 'cn', len: 1, line: 228 },
  { no: 22, tag: 0x16, name: '地址1', path: DF01_EF05, rec: 2, type: 'ans', len: 100, line: 229 },
  { no: 23, tag: 0x17, name: '地址类别2', path: DF01_EF05, rec: 3, type: 'cn', len: 1, line: 230 },
  { no: 24, tag: 0x18, name: '地址2', path: DF01_EF05, rec: 4, type: 'ans', len: 100, line: 231 },
  // MF\DDF1\DF01\EF06 — 联系人信息 (lines 232–234: recs 1,4,7 / 2,5,8 / 3,6,9)
  { no: 25, tag: 0x19, name: '联系人姓名1', path: DF01_EF06, rec: 1, type: 'ans', len: 30, line: 232 },
  { no: 26, tag: 0x1a, name: '联系人关系1', path: DF01_EF06, rec: 2, type: 'cn', len: 1, line: 233 },
  { no: 27, tag: 0x1b, name: '联系人电话1', path: DF01_EF06, rec: 3, type: 'ans', len: 20, line: 234 },
  { no: 28, tag: 0x1c, name: '联系人姓名2', path: DF01_EF06, rec: 4, type: 'ans', len: 30, line: 232 },
  { no: 29, tag: 0x1d, name: '联系人关系2', path: DF01_EF06, rec: 5, type: 'cn', len: 1, line: 233 },
  { no: 30, tag: 0x1e, name: '联系人电话2', path: DF01_EF06, rec: 6, type: 'ans', len: 20, line: 234 },
  { no: 31, tag: 0x1f, name: '联系人姓名3', path: DF01_EF06, rec: 7, type: 'ans', len: 30, line: 232 },
  { no: 32, tag: 0x20, name: '联系人关系3', path: DF01_EF06, rec: 8, type: 'cn', len: 1, line: 233 },
  { no: 33, tag: 0x21, name: '联系人电话3', path: DF01_EF06, rec: 9, type: 'ans', len: 20, line: 234 },
  // MF\DDF1\DF01\EF07 — 职业婚姻信息 (lines 235–237)
  { no: 34, tag: 0x22, name: '文化程度代码', path: DF01_EF07, rec: 1, type: 'cn', len: 1, line: 235 },
  { no: 35, tag: 0x23, name: '婚姻状况代码', path: DF01_EF07, rec: 2, type: 'cn', len: 1, line: 236 },
  { no: 36, tag: 0x24, name: '职业代码', path: DF01_EF07, rec: 3, type: 'ans', len: 3, line: 237 },
  // MF\DDF1\DF01\EF08 — 证件记录信息 (lines 238–241)
  { no: 37, tag: 0x25, name: '证件类别', path: DF01_EF08, rec: 1, type: 'cn', len: 1, line: 238 },
  { no: 38, tag: 0x26, name: '证件号码', path: DF01_EF08, rec: 2, type: 'ans', len: 18, line: 239 },
  { no: 39, tag: 0x27, name: '健康档案编号', path: DF01_EF08, rec: 3, type: 'ans', len: 17, line: 240 },
  { no: 40, tag: 0x28, name: '新农合证(卡)号', path: DF01_EF08, rec: 4, type: 'ans', len: 18, line: 241 },
  // MF\DDF1\DF02\EF05 — 临床基本数据 (lines 247–250)
  { no: 41, tag: 0x29, name: 'ABO血型代码', path: DF02_EF05, rec: 1, type: 'b', len: 1, line: 247 },
  // spec type cn; "The DLL reads it as b" (line 248, §9.6 DLL bug)
  { no: 42, tag: 0x2a, name: 'RH血型代码', path: DF02_EF05, rec: 2, type: 'cn', len: 1, line: 248 },
  { no: 43, tag: 0x2b, name: '哮喘', path: DF02_EF05, rec: 3, type: 'b', len: 1, line: 249 },
  { no: 44, tag: 0x2c, name: '心脏病', path: DF02_EF05, rec: 4, type: 'b', len: 1, line: 249 },
  { no: 45, tag: 0x2d, name: '心脑血管病', path: DF02_EF05, rec: 5, type: 'b', len: 1, line: 249 },
  { no: 46, tag: 0x2e, name: '癫痫', path: DF02_EF05, rec: 6, type: 'b', len: 1, line: 249 },
  { no: 47, tag: 0x2f, name: '凝血紊乱', path: DF02_EF05, rec: 7, type: 'b', len: 1, line: 249 },
  { no: 48, tag: 0x30, name: '糖尿病', path: DF02_EF05, rec: 8, type: 'b', len: 1, line: 249 },
  { no: 49, tag: 0x31, name: '青光眼', path: DF02_EF05, rec: 9, type: 'b', len: 1, line: 249 },
  { no: 50, tag: 0x32, name: '透析', path: DF02_EF05, rec: 10, type: 'b', len: 1, line: 249 },
  { no: 51, tag: 0x33, name: '器官移植', path: DF02_EF05, rec: 11, type: 'b', len: 1, line: 249 },
  { no: 52, tag: 0x34, name: '器官缺失', path: DF02_EF05, rec: 12, type: 'b', len: 1, line: 249 },
  { no: 53, tag: 0x35, name: '可装卸义肢', path: DF02_EF05, rec: 13, type: 'b', len: 1, line: 249 },
  { no: 54, tag: 0x36, name: '心脏起搏器', path: DF02_EF05, rec: 14, type: 'b', len: 1, line: 249 },
  { no: 55, tag: 0x37, name: '其他医学警示名称', path: DF02_EF05, rec: 15, type: 'ans', len: 40, line: 250 },
  // MF\DDF1\DF02\EF06 — 特殊信息 (line 251)
  { no: 56, tag: 0x38, name: '精神病标志', path: DF02_EF06, rec: 1, type: 'b', len: 1, line: 251 },
  // MF\DDF1\EF05 rec 10 holds tag 0x39 (line 203; also §3.3 line 164)
  { no: 57, tag: 0x39, name: '应用城市代码', path: DDF1_EF05, rec: 10, type: 'cn', len: 3, line: 203 },
];

/** §3.1 tree: number of TLV records per linear file (lines 108–119). */
export const SPEC_TLV_FILE_RECORD_COUNTS: Readonly<Record<string, number>> = {
  [DDF1_EF05]: 10,
  [DDF1_EF06]: 5,
  [DDF1_EF08]: 6,
  [DF01_EF05]: 4,
  [DF01_EF06]: 9,
  [DF01_EF07]: 3,
  [DF01_EF08]: 4,
  [DF02_EF05]: 15,
  [DF02_EF06]: 1,
};

/** §4.3 (lines 255–260): raw-record files, no TLV. Offsets are inside one record. */
export const SPEC_RAW_RECORD_FILES = [
  {
    path: 'MF/DDF1/DF02/EF07',
    items: [58, 59],
    records: 3,
    cyclic: true,
    recordLen: 120,
    fields: [
      { offset: 0, len: 20, type: 'ans', name: '过敏物质名称' },
      { offset: 20, len: 100, type: 'ans', name: '过敏反应' },
    ],
    line: 257,
  },
  {
    path: 'MF/DDF1/DF02/EF08',
    items: [60, 61],
    records: 10,
    cyclic: true,
    recordLen: 24,
    fields: [
      { offset: 0, len: 20, type: 'ans', name: '免疫接种名称' },
      { offset: 20, len: 4, type: 'cn', name: '免疫接种时间' },
    ],
    line: 258,
  },
  // 1 byte: 0x00 = record in use, 0xFF = empty
  { path: 'MF/DDF1/DF03/EF05', items: [62], records: 3, cyclic: false, recordLen: 1, fields: [], line: 259 },
  { path: 'MF/DDF1/DF03/EF06', items: [63], records: 5, cyclic: false, recordLen: 1, fields: [], line: 260 },
] as const;

export interface SpecField {
  /** Absolute offset for a scalar row; offset relative to the block start for a block field. */
  readonly offset: number;
  readonly len: number;
  readonly type: SpecType;
  readonly name: string;
}

export interface SpecBlock {
  /** Offset of the first repetition (k = 0). */
  readonly base: number;
  /** Size of one repetition. */
  readonly stride: number;
  /** Number of repetitions (k = 0..count-1). */
  readonly count: number;
  readonly name: string;
  readonly fields: readonly SpecField[];
  readonly line: number;
}

export type SpecLayoutRow = (SpecField & { readonly line: number }) | SpecBlock;

export interface SpecEncounterLayout {
  readonly name: string;
  /** FIDs of the transparent files (§3.1, all under MF/DDF1/DF03). */
  readonly files: readonly string[];
  readonly size: number;
  /** IF2012 "whole record" range ends before this offset (line 315). */
  readonly dataEnd: number;
  /** §4.7: global item numbers of the fields, in offset order. */
  readonly firstItemNo: number;
  readonly lastItemNo: number;
  readonly rows: readonly SpecLayoutRow[];
}

/** §4.4 住院信息 EE01–EE03 (lines 267–295). */
export const SPEC_EE_LAYOUT: SpecEncounterLayout = {
  name: '住院信息',
  files: ['EE01', 'EE02', 'EE03'],
  size: 1893,
  dataEnd: 1639,
  firstItemNo: 64,
  lastItemNo: 212,
  rows: [
    { offset: 0, len: 70, type: 'ans', name: '住院机构名称', line: 273 },
    { offset: 70, len: 10, type: 'ans', name: '住院机构组织机构代码', line: 274 },
    { offset: 80, len: 4, type: 'cn', name: '入院日期', line: 275 },
    { offset: 84, len: 2, type: 'cn', name: '住院次数', line: 276 },
    { offset: 86, len: 18, type: 'ans', name: '病案号', line: 277 },
    { offset: 104, len: 50, type: 'ans', name: '入院科室名称', line: 278 },
    { offset: 154, len: 1, type: 'cn', name: '入院病情', line: 279 },
    { offset: 155, len: 50, type: 'ans', name: '医院感染名称', line: 280 },
    { offset: 205, len: 7, type: 'ans', name: '损伤和中毒外部原因', line: 281 },
    {
      base: 212,
      stride: 247,
      count: 3,
      name: 'diagnosis',
      line: 282,
      fields: [
        { offset: 0, len: 1, type: 'cn', name: '血清学检查项目代码' },
        { offset: 1, len: 1, type: 'cn', name: '血清学检查结果' },
        { offset: 2, len: 50, type: 'ans', name: '疾病诊断名称' },
        { offset: 52, len: 7, type: 'ans', name: '疾病诊断代码' },
        { offset: 59, len: 4, type: 'cn', name: '确诊日期' },
        { offset: 63, len: 20, type: 'ans', name: '诊断符合情况描述' },
        { offset: 83, len: 1, type: 'cn', name: '诊断符合情况代码' },
        { offset: 84, len: 20, type: 'ans', name: '疾病诊断类型描述' },
        { offset: 104, len: 1, type: 'cn', name: '疾病诊断类型代码' },
        { offset: 105, len: 1, type: 'cn', name: '治疗结果代码' },
        { offset: 106, len: 80, type: 'ans', name: '手术/操作名称' },
        { offset: 186, len: 5, type: 'ans', name: '手术/操作代码' },
        { offset: 191, len: 4, type: 'cn', name: '手术日期' },
        { offset: 195, len: 50, type: 'ans', name: '麻醉方法' },
        { offset: 245, len: 1, type: 'cn', name: '麻醉方法代码' },
        { offset: 246, len: 1, type: 'cn', name: '切口愈合等级' },
      ],
    },
    {
      base: 953,
      stride: 13,
      count: 4,
      name: 'transfusion',
      line: 283,
      fields: [
        { offset: 0, len: 1, type: 'cn', name: '输血品种代码' },
        { offset: 1, len: 2, type: 'cn', name: '输血量' },
        { offset: 3, len: 10, type: 'ans', name: '计量单位' },
      ],
    },
    { offset: 1005, len: 2, type: 'cn', name: '抢救次数', line: 284 },
    { offset: 1007, len: 2, type: 'cn', name: '抢救成功次数', line: 285 },
    { offset: 1009, len: 4, type: 'cn', name: '出院日期', line: 286 },
    { offset: 1013, len: 50, type: 'ans', name: '出院科室名称', line: 287 },
    { offset: 1063, len: 3, type: 'cn', name: '住院天数', line: 288 },
    { offset: 1066, len: 1, type: 'b', name: '尸检标志', line: 289 },
    { offset: 1067, len: 1, type: 'b', name: '随诊标志', line: 290 },
    { offset: 1068, len: 1, type: 'cn', name: '医疗付款方式代码', line: 291 },
    {
      base: 1069,
      stride: 26,
      count: 20,
      name: 'fee',
      line: 292,
      fields: [
        { offset: 0, len: 20, type: 'ans', name: '分类' },
        { offset: 20, len: 1, type: 'ans', name: '分类代码' },
        { offset: 21, len: 5, type: 'cn', name: '金额' },
      ],
    },
    // line 293: "1589…1634 | 5 each | cn | 住院总费用, 床位费, …, 其他 (10 × cn5)"
    { offset: 1589, len: 5, type: 'cn', name: '住院总费用', line: 293 },
    { offset: 1594, len: 5, type: 'cn', name: '床位费', line: 293 },
    { offset: 1599, len: 5, type: 'cn', name: '护理费', line: 293 },
    { offset: 1604, len: 5, type: 'cn', name: '西药费', line: 293 },
    { offset: 1609, len: 5, type: 'cn', name: '中药费', line: 293 },
    { offset: 1614, len: 5, type: 'cn', name: '化验费', line: 293 },
    { offset: 1619, len: 5, type: 'cn', name: '诊疗费', line: 293 },
    { offset: 1624, len: 5, type: 'cn', name: '手术费', line: 293 },
    { offset: 1629, len: 5, type: 'cn', name: '检查费', line: 293 },
    { offset: 1634, len: 5, type: 'cn', name: '其他', line: 293 },
    { offset: 1639, len: 64, type: 'b', name: '交易信息签名', line: 294 },
    { offset: 1703, len: 190, type: 'b', name: 'SAM卡证书', line: 295 },
  ],
};

/** §4.5 门诊信息 ED01–ED05 (lines 297–313). */
export const SPEC_ED_LAYOUT: SpecEncounterLayout = {
  name: '门诊信息',
  files: ['ED01', 'ED02', 'ED03', 'ED04', 'ED05'],
  size: 3267,
  dataEnd: 3013,
  firstItemNo: 213,
  lastItemNo: 384,
  rows: [
    { offset: 0, len: 70, type: 'ans', name: '就诊机构名称', line: 301 },
    { offset: 70, len: 10, type: 'ans', name: '就诊机构组织机构代码', line: 302 },
    // low–med: 14 digits YYYYMMDDhhmmss; HDDEF "DT15" cannot fit in cn7 (line 303)
    { offset: 80, len: 7, type: 'cn', name: '就诊日期时间', line: 303 },
    { offset: 87, len: 18, type: 'ans', name: '门诊号', line: 304 },
    { offset: 105, len: 50, type: 'ans', name: '就医科室名称', line: 305 },
    { offset: 155, len: 1, type: 'cn', name: '医疗付款方式', line: 306 },
    {
      base: 156,
      stride: 125,
      count: 5,
      name: 'symptom/diagnosis',
      line: 307,
      fields: [
        { offset: 0, len: 50, type: 'ans', name: '症状名称' },
        { offset: 50, len: 5, type: 'ans', name: '症状代码' },
        { offset: 55, len: 4, type: 'cn', name: '诊断日期' },
        { offset: 59, len: 50, type: 'ans', name: '门诊诊断名称' },
        { offset: 109, len: 7, type: 'ans', name: '门诊诊断代码' },
        { offset: 116, len: 7, type: 'cn', name: '发病日期时间' },
        { offset: 123, len: 2, type: 'cn', name: '症状持续时间' },
      ],
    },
    {
      base: 781,
      stride: 126,
      count: 10,
      name: 'lab/exam',
      line: 308,
      fields: [
        { offset: 0, len: 80, type: 'ans', name: '项目名称' },
        { offset: 80, len: 1, type: 'cn', name: '结果代码' },
        { offset: 81, len: 5, type: 'cn', name: '定量结果' },
        { offset: 86, len: 20, type: 'ans', name: '计量单位' },
        { offset: 106, len: 20, type: 'ans', name: '项目代码' },
      ],
    },
    {
      base: 2041,
      stride: 91,
      count: 5,
      name: 'drug',
      line: 309,
      fields: [
        { offset: 0, len: 50, type: 'ans', name: '药物名称' },
        { offset: 50, len: 1, type: 'cn', name: '剂型代码' },
        { offset: 51, len: 3, type: 'cn', name: '用药天数' },
        { offset: 54, len: 20, type: 'ans', name: '使用频率' },
        { offset: 74, len: 6, type: 'ans', name: '剂量单位' },
        { offset: 80, len: 3, type: 'cn', name: '次剂量' },
        { offset: 83, len: 6, type: 'cn', name: '总剂量' },
        { offset: 89, len: 2, type: 'cn', name: '途径代码' },
      ],
    },
    {
      base: 2496,
      stride: 89,
      count: 3,
      name: 'procedure',
      line: 310,
      fields: [
        { offset: 0, len: 80, type: 'ans', name: '名称' },
        { offset: 80, len: 5, type: 'ans', name: '代码' },
        { offset: 85, len: 4, type: 'cn', name: '日期' },
      ],
    },
    {
      base: 2763,
      stride: 25,
      count: 10,
      name: 'fee',
      line: 311,
      fields: [
        { offset: 0, len: 20, type: 'ans', name: '分类名称' },
        { offset: 20, len: 1, type: 'cn', name: '分类代码' },
        { offset: 21, len: 4, type: 'cn', name: '金额' },
      ],
    },
    { offset: 3013, len: 64, type: 'b', name: '交易信息签名', line: 312 },
    { offset: 3077, len: 190, type: 'b', name: 'SAM卡证书', line: 313 },
  ],
};
