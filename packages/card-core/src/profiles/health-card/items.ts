/**
 * The 385 data items of the resident health card, in item-number order (spec §4.2–§4.7).
 *
 * Numbering (HDDEF table A-5, spec §4.7): 1–57 TLV items (tag = item number), 58–61 cyclic
 * allergy/immunisation fields, 62–63 index flags, 64–212 inpatient (EE) fields and 213–384
 * outpatient (ED) fields in offset order, 385 the photo.
 *
 * Key scheme for 64–384 (keys are unique across all 385 items):
 * - Inpatient (EE, layout 'inpatient') keys are plain camelCase: `hospitalName`, `admissionDate`,
 *   `totalCost`, `signature`, `samCertificate`; repeated blocks are `diagnoses.<k>.*`,
 *   `transfusions.<k>.*`, `fees.<k>.*` with a zero-based k (`diagnoses.2.incisionHealing`).
 * - Outpatient (ED, layout 'outpatient') keys all start with `visit` and no other key does:
 *   `visitHospitalName`, `visitDateTime`, `visitDiagnoses.<k>.*`, `visitLabTests.<k>.*`,
 *   `visitDrugs.<k>.*`, `visitProcedures.<k>.*`, `visitFees.<k>.*`, `visitSignature`,
 *   `visitSamCertificate`.
 * Chinese names of block fields carry the one-based block number: `疾病诊断名称1`.
 *
 * Offsets are written out from the spec tables (not computed from lengths) so the tiling test
 * in profile-data.test.ts can catch a typo.
 */
import type { Confidence, DataItem, ItemType, LayoutId } from '../types.js';

type Extra = Pick<DataItem, 'codeTable' | 'format' | 'note'> & { readonly confidence?: Confidence };

// ---------------------------------------------------------------------------------------------
// Items 1–57: SIMPLE-TLV records (spec §4.2). Row: no, key, name, gloss, type, length, file, record.
// ---------------------------------------------------------------------------------------------

type TlvRow = readonly [number, string, string, string, ItemType, number, string, number, Extra?];

const EF05 = 'DDF1/EF05';
const EF06 = 'DDF1/EF06';
const EF08 = 'DDF1/EF08';
const DF01_EF05 = 'DDF1/DF01/EF05';
const DF01_EF06 = 'DDF1/DF01/EF06';
const DF01_EF07 = 'DDF1/DF01/EF07';
const DF01_EF08 = 'DDF1/DF01/EF08';
const DF02_EF05 = 'DDF1/DF02/EF05';
const DF02_EF06 = 'DDF1/DF02/EF06';

const DATE: Extra = { format: 'date' };
const PAYMENT: Extra = {
  codeTable: 'paymentScheme',
  note: 'IF2012 example writes two-digit codes ("01"); HDDEF lists one-digit codes 1–8.',
};
const RELATION: Extra = {
  codeTable: 'contactRelation',
  note: 'XLS cites GB/T 4761; HDDEF gives its own list (used here). Sources disagree (spec §10).',
};
const FLAG: Extra = {
  codeTable: 'flag',
  format: 'flag',
  note: 'XLS says "T/F"; 00 = no, 01 = yes comes from HN (med).',
};

const TLV_ROWS: readonly TlvRow[] = [
  // DDF1/EF05 — record numbers ≠ tags from record 7 on: tag 07 lives in EF08 (spec §3.3).
  [
    1,
    'cardType',
    '卡的类别',
    'card type',
    'ans',
    1,
    EF05,
    1,
    {
      codeTable: 'cardType',
      note: 'XLS: 1 普通卡, 2 高级卡 (used); HDDEF: 01 正式卡, 02 临时卡, which cannot fit ans 1. DEMO writes "1".',
    },
  ],
  [2, 'specVersion', '规范版本', 'spec version', 'ans', 4, EF05, 2, { note: 'DEMO writes "1.00".' }],
  [3, 'issuerName', '发卡机构名称', 'issuer name', 'ans', 30, EF05, 3],
  [
    4,
    'issuerCode',
    '发卡机构代码',
    'issuer code',
    'cn',
    11,
    EF05,
    4,
    { note: '22 digits (HDDEF "N..22"); XLS cites WS 218 (health-organization code).' },
  ],
  [
    5,
    'issuerCertificate',
    '发卡机构证书',
    'issuer certificate',
    'b',
    180,
    EF05,
    5,
    { note: 'HDDEF says 190, which is wrong: IF2012, XLS, the DLL (Le B6) and SAM file A-4 say 180.' },
  ],
  [6, 'issueDate', '发卡时间', 'issue date', 'cn', 4, EF05, 6, DATE],
  [
    8,
    'cardNumber',
    '卡号',
    'card number',
    'ans',
    18,
    EF05,
    7,
    { note: 'The citizen ID number or another document number (IF2012).' },
  ],
  [
    9,
    'securityCode',
    '安全码',
    'security code (CVN)',
    'ans',
    3,
    EF05,
    8,
    { note: 'Three digits (XLS); CVN = 卡安全码 (FSOU).' },
  ],
  [
    10,
    'chipSerial',
    '芯片序列号',
    'chip serial number',
    'ans',
    10,
    EF05,
    9,
    { note: 'IF2012 附录B calls it 发卡序列号, its API 芯片序列号; XLS: 卡中芯片的唯一标识符.' },
  ],
  [
    57,
    'cityCode',
    '应用城市代码',
    'application city code',
    'cn',
    3,
    EF05,
    10,
    { note: 'Tag 0x39 in record 10. 6 digits, GB/T 2260 division code (med). DEMO writes "123123".' },
  ],

  // DDF1/EF06 — holder identity.
  [11, 'name', '姓名', 'name', 'ans', 30, EF06, 1],
  [12, 'sex', '性别', 'sex', 'b', 1, EF06, 2, { codeTable: 'sex' }],
  [
    13,
    'ethnicity',
    '民族代码',
    'ethnicity',
    'cn',
    1,
    EF06,
    3,
    { codeTable: 'ethnicity', note: 'Two digits (01–56) in one BCD byte.' },
  ],
  [14, 'birthDate', '出生日期', 'birth date', 'cn', 4, EF06, 4, DATE],
  [15, 'idNumber', '居民身份证号码', 'citizen ID number', 'ans', 18, EF06, 5, { note: 'GB 11643.' }],

  // DDF1/EF08 — expiry, phones, payment schemes.
  [7, 'expiryDate', '卡有效期', 'card expiry date', 'cn', 4, EF08, 1, DATE],
  [16, 'phone1', '本人电话1', 'phone 1', 'ans', 20, EF08, 2],
  [17, 'phone2', '本人电话2', 'phone 2', 'ans', 20, EF08, 3],
  [18, 'paymentScheme1', '医疗费用支付方式1', 'payment scheme 1', 'cn', 1, EF08, 4, PAYMENT],
  [19, 'paymentScheme2', '医疗费用支付方式2', 'payment scheme 2', 'cn', 1, EF08, 5, PAYMENT],
  [20, 'paymentScheme3', '医疗费用支付方式3', 'payment scheme 3', 'cn', 1, EF08, 6, PAYMENT],

  // DDF1/DF01/EF05 — addresses.
  [21, 'addressType1', '地址类别1', 'address type 1', 'cn', 1, DF01_EF05, 1, { codeTable: 'addressType' }],
  [22, 'address1', '地址1', 'address 1', 'ans', 100, DF01_EF05, 2],
  [23, 'addressType2', '地址类别2', 'address type 2', 'cn', 1, DF01_EF05, 3, { codeTable: 'addressType' }],
  [24, 'address2', '地址2', 'address 2', 'ans', 100, DF01_EF05, 4],

  // DDF1/DF01/EF06 — contacts.
  [25, 'contact1Name', '联系人姓名1', 'contact 1 name', 'ans', 30, DF01_EF06, 1],
  [26, 'contact1Relation', '联系人关系1', 'contact 1 relationship', 'cn', 1, DF01_EF06, 2, RELATION],
  [27, 'contact1Phone', '联系人电话1', 'contact 1 phone', 'ans', 20, DF01_EF06, 3],
  [28, 'contact2Name', '联系人姓名2', 'contact 2 name', 'ans', 30, DF01_EF06, 4],
  [29, 'contact2Relation', '联系人关系2', 'contact 2 relationship', 'cn', 1, DF01_EF06, 5, RELATION],
  [30, 'contact2Phone', '联系人电话2', 'contact 2 phone', 'ans', 20, DF01_EF06, 6],
  [31, 'contact3Name', '联系人姓名3', 'contact 3 name', 'ans', 30, DF01_EF06, 7],
  [32, 'contact3Relation', '联系人关系3', 'contact 3 relationship', 'cn', 1, DF01_EF06, 8, RELATION],
  [33, 'contact3Phone', '联系人电话3', 'contact 3 phone', 'ans', 20, DF01_EF06, 9],

  // DDF1/DF01/EF07 — education, marital status, occupation.
  [
    34,
    'education',
    '文化程度代码',
    'education level',
    'cn',
    1,
    DF01_EF07,
    1,
    {
      codeTable: 'education',
      note: 'XLS cites GB/T 4658; HDDEF lists one-digit 1984 codes, the 2006 edition uses two digits (spec §10).',
    },
  ],
  [
    35,
    'maritalStatus',
    '婚姻状况代码',
    'marital status',
    'cn',
    1,
    DF01_EF07,
    2,
    { codeTable: 'maritalStatus' },
  ],
  [
    36,
    'occupation',
    '职业代码',
    'occupation',
    'ans',
    3,
    DF01_EF07,
    3,
    { codeTable: 'occupation', note: 'XLS cites GB/T 6565; HDDEF lists 0,1,3,4,5,6,X,Y.' },
  ],

  // DDF1/DF01/EF08 — documents and record numbers.
  [
    37,
    'documentType',
    '证件类别',
    'document type',
    'cn',
    1,
    DF01_EF08,
    1,
    { codeTable: 'documentType', note: 'Decides whether 身份证号 or 证件号码 is mandatory (DLL comment).' },
  ],
  [38, 'documentNumber', '证件号码', 'document number', 'ans', 18, DF01_EF08, 2],
  [39, 'healthRecordNumber', '健康档案编号', 'health record number', 'ans', 17, DF01_EF08, 3],
  [
    40,
    'ruralInsuranceNumber',
    '新农合证(卡)号',
    'rural cooperative insurance number',
    'ans',
    18,
    DF01_EF08,
    4,
    { note: 'XLS: the ID number.' },
  ],

  // DDF1/DF02/EF05 — blood groups and medical alerts.
  [
    41,
    'aboBloodGroup',
    'ABO血型代码',
    'ABO blood group',
    'b',
    1,
    DF02_EF05,
    1,
    { codeTable: 'aboBloodGroup' },
  ],
  [
    42,
    'rhBloodGroup',
    'RH血型代码',
    'Rh blood group',
    'cn',
    1,
    DF02_EF05,
    2,
    {
      codeTable: 'rhBloodGroup',
      note: 'Declared cn (stored "1F"); the DLL reads it as b and would return "1F" (spec §9.6).',
    },
  ],
  [43, 'asthma', '哮喘标志', 'asthma', 'b', 1, DF02_EF05, 3, FLAG],
  [44, 'heartDisease', '心脏病标志', 'heart disease', 'b', 1, DF02_EF05, 4, FLAG],
  [
    45,
    'cardioCerebrovascular',
    '心脑血管病标志',
    'cardio-cerebrovascular disease',
    'b',
    1,
    DF02_EF05,
    5,
    FLAG,
  ],
  [46, 'epilepsy', '癫痫标志', 'epilepsy', 'b', 1, DF02_EF05, 6, FLAG],
  [47, 'coagulationDisorder', '凝血紊乱标志', 'coagulation disorder', 'b', 1, DF02_EF05, 7, FLAG],
  [48, 'diabetes', '糖尿病标志', 'diabetes', 'b', 1, DF02_EF05, 8, FLAG],
  [49, 'glaucoma', '青光眼标志', 'glaucoma', 'b', 1, DF02_EF05, 9, FLAG],
  [50, 'dialysis', '透析标志', 'dialysis', 'b', 1, DF02_EF05, 10, FLAG],
  [51, 'organTransplant', '器官移植标志', 'organ transplant', 'b', 1, DF02_EF05, 11, FLAG],
  [52, 'organLoss', '器官缺失标志', 'organ loss', 'b', 1, DF02_EF05, 12, FLAG],
  [53, 'removableProsthesis', '可装卸义肢标志', 'removable prosthesis', 'b', 1, DF02_EF05, 13, FLAG],
  [54, 'pacemaker', '心脏起搏器标志', 'pacemaker', 'b', 1, DF02_EF05, 14, FLAG],
  [55, 'otherMedicalAlert', '其他医学警示名称', 'other medical alert', 'ans', 40, DF02_EF05, 15],

  // DDF1/DF02/EF06 — own file and update key (UK_DF02_2).
  [56, 'psychiatricFlag', '精神病标志', 'psychiatric flag', 'b', 1, DF02_EF06, 1, FLAG],
];

const tlvItem = ([no, key, name, gloss, type, length, file, record, extra]: TlvRow): DataItem => ({
  no,
  key,
  name,
  gloss,
  type,
  length,
  location: { kind: 'tlv', file, record, tag: no },
  ...extra,
  confidence: extra?.confidence ?? 'high',
});

// ---------------------------------------------------------------------------------------------
// Items 58–63: raw record files (spec §4.3).
// ---------------------------------------------------------------------------------------------

const RECORD_ITEMS: readonly DataItem[] = [
  {
    no: 58,
    key: 'allergySubstance',
    name: '过敏物质名称',
    gloss: 'allergen',
    type: 'ans',
    length: 20,
    location: { kind: 'record', file: 'DDF1/DF02/EF07', offset: 0 },
    confidence: 'high',
  },
  {
    no: 59,
    key: 'allergyReaction',
    name: '过敏反应',
    gloss: 'allergic reaction',
    type: 'ans',
    length: 100,
    location: { kind: 'record', file: 'DDF1/DF02/EF07', offset: 20 },
    confidence: 'high',
  },
  {
    no: 60,
    key: 'immunisationName',
    name: '免疫接种名称',
    gloss: 'immunisation',
    type: 'ans',
    length: 20,
    location: { kind: 'record', file: 'DDF1/DF02/EF08', offset: 0 },
    confidence: 'high',
  },
  {
    no: 61,
    key: 'immunisationDate',
    name: '免疫接种时间',
    gloss: 'immunisation date',
    type: 'cn',
    length: 4,
    location: { kind: 'record', file: 'DDF1/DF02/EF08', offset: 20 },
    format: 'date',
    confidence: 'high',
  },
  {
    no: 62,
    key: 'inpatientRecordFlag',
    name: '住院记录有效标志',
    gloss: 'inpatient record in use (EE0n)',
    type: 'b',
    length: 1,
    location: { kind: 'record', file: 'DDF1/DF03/EF05', offset: 0 },
    codeTable: 'indexFlag',
    confidence: 'high',
    note: 'Record n flags EE0n: 00 in use, FF empty. Not a yes/no flag, hence no "flag" format.',
  },
  {
    no: 63,
    key: 'outpatientRecordFlag',
    name: '门诊记录有效标志',
    gloss: 'outpatient record in use (ED0n)',
    type: 'b',
    length: 1,
    location: { kind: 'record', file: 'DDF1/DF03/EF06', offset: 0 },
    codeTable: 'indexFlag',
    confidence: 'high',
    note: 'Record n flags ED0n: 00 in use, FF empty. Not a yes/no flag, hence no "flag" format.',
  },
];

// ---------------------------------------------------------------------------------------------
// Items 64–384: encounter files (spec §4.4, §4.5).
// ---------------------------------------------------------------------------------------------

/** A field of a layout: `offset` is absolute for single fields, relative inside a block. */
type Field = readonly [offset: number, key: string, name: string, gloss: string, ItemType, number, Extra?];

type Unnumbered = Omit<DataItem, 'no'>;

const field =
  (layout: LayoutId) =>
  ([offset, key, name, gloss, type, length, extra]: Field): Unnumbered => ({
    key,
    name,
    gloss,
    type,
    length,
    location: { kind: 'binary', layout, offset },
    ...extra,
    confidence: extra?.confidence ?? 'high',
  });

/** `count` copies of a block at `base + stride·k`; keys `prefix.k.key`, names `name(k+1)`. */
const block = (
  layout: LayoutId,
  prefix: string,
  base: number,
  stride: number,
  count: number,
  fields: readonly Field[],
): Unnumbered[] =>
  Array.from({ length: count }, (_, k) =>
    fields.map(([rel, key, name, gloss, type, length, extra]) =>
      field(layout)([
        base + stride * k + rel,
        `${prefix}.${k}.${key}`,
        `${name}${k + 1}`,
        `${gloss} #${k + 1}`,
        type,
        length,
        extra,
      ]),
    ),
  ).flat();

const numbered = (start: number, items: readonly Unnumbered[]): DataItem[] =>
  items.map((item, i) => ({ no: start + i, ...item }));

const SIGNATURE_NOTE: Extra = {
  note: 'SM2 signature written by the signing operation, not by a whole-record write (spec §6.7).',
};
const SAM_CERT_NOTE: Extra = {
  note: "The signing terminal's SAM certificate (190 bytes, format not public; spec §6.7, §10).",
};
const CN5_AMOUNT: Extra = {
  format: 'amount',
  note: 'RMB; HDDEF "N..10,2": 10 BCD digits, the last two implied decimals (cn has no point).',
};
const CN4_AMOUNT: Extra = {
  format: 'amount',
  note: 'RMB; HDDEF "N..8,2": 8 BCD digits, the last two implied decimals (cn has no point).',
};
const CN7_DATETIME: Extra = {
  format: 'datetime',
  confidence: 'med',
  note: 'cn 7 = 14 digits YYYYMMDDhhmmss. HDDEF calls it "DT15" (WS 363, with a "T"), which cannot fit cn 7.',
};

// spec §4.4 — inpatient record, 1893 bytes; whole-record data 0..1638.
const EE = field('inpatient');
const INPATIENT: readonly Unnumbered[] = [
  EE([0, 'hospitalName', '住院机构名称', 'hospital name', 'ans', 70]),
  EE([
    70,
    'hospitalOrgCode',
    '住院机构组织机构代码',
    'hospital organization code',
    'ans',
    10,
    { note: 'WS 218.' },
  ]),
  EE([80, 'admissionDate', '入院日期', 'admission date', 'cn', 4, DATE]),
  EE([84, 'admissionCount', '住院次数', 'number of admissions', 'cn', 2]),
  EE([86, 'caseNumber', '病案号', 'case number', 'ans', 18]),
  EE([104, 'admissionDepartment', '入院科室名称', 'admitting department', 'ans', 50]),
  EE([154, 'admissionCondition', '入院病情', 'condition on admission', 'cn', 1]),
  EE([155, 'hospitalInfection', '医院感染名称', 'hospital-acquired infection', 'ans', 50]),
  EE([
    205,
    'injuryExternalCause',
    '损伤和中毒外部原因',
    'external cause of injury/poisoning',
    'ans',
    7,
    { note: 'ICD-10.' },
  ]),
  ...block('inpatient', 'diagnoses', 212, 247, 3, [
    [0, 'serologyItem', '血清学检查项目代码', 'serology test', 'cn', 1, { codeTable: 'serologyItem' }],
    [1, 'serologyResult', '血清学检查结果', 'serology result', 'cn', 1, { codeTable: 'serologyResult' }],
    [2, 'diseaseName', '疾病诊断名称', 'diagnosis name', 'ans', 50],
    [52, 'diseaseCode', '疾病诊断代码', 'diagnosis code', 'ans', 7, { note: 'ICD-10.' }],
    [59, 'confirmedDate', '确诊日期', 'date confirmed', 'cn', 4, DATE],
    [63, 'agreementDescription', '诊断符合情况描述', 'diagnostic agreement (text)', 'ans', 20],
    [83, 'agreementCode', '诊断符合情况代码', 'diagnostic agreement code', 'cn', 1],
    [84, 'diagnosisTypeDescription', '疾病诊断类型描述', 'diagnosis type (text)', 'ans', 20],
    [104, 'diagnosisTypeCode', '疾病诊断类型代码', 'diagnosis type code', 'cn', 1],
    [
      105,
      'treatmentResultCode',
      '治疗结果代码',
      'treatment outcome code',
      'cn',
      1,
      { note: 'WS 364 CV05.10.010.' },
    ],
    [106, 'operationName', '手术/操作名称', 'operation/procedure name', 'ans', 80, { note: 'ICD-9-CM.' }],
    [186, 'operationCode', '手术/操作代码', 'operation/procedure code', 'ans', 5],
    [191, 'operationDate', '手术日期', 'operation date', 'cn', 4, DATE],
    [195, 'anaesthesiaMethod', '麻醉方法', 'anaesthesia method', 'ans', 50],
    [
      245,
      'anaesthesiaMethodCode',
      '麻醉方法代码',
      'anaesthesia method code',
      'cn',
      1,
      { note: 'WS 364 CV06.00.103.' },
    ],
    [
      246,
      'incisionHealing',
      '切口愈合等级',
      'incision healing grade',
      'cn',
      1,
      { codeTable: 'incisionHealing' },
    ],
  ]),
  ...block('inpatient', 'transfusions', 953, 13, 4, [
    [0, 'type', '输血品种代码', 'blood product', 'cn', 1, { codeTable: 'transfusionType' }],
    [1, 'volume', '输血量', 'transfusion volume', 'cn', 2],
    [3, 'unit', '计量单位', 'transfusion unit', 'ans', 10],
  ]),
  EE([1005, 'rescueCount', '抢救次数', 'resuscitations', 'cn', 2]),
  EE([1007, 'rescueSuccessCount', '抢救成功次数', 'successful resuscitations', 'cn', 2]),
  EE([1009, 'dischargeDate', '出院日期', 'discharge date', 'cn', 4, DATE]),
  EE([1013, 'dischargeDepartment', '出院科室名称', 'discharging department', 'ans', 50]),
  EE([1063, 'lengthOfStay', '住院天数', 'length of stay (days)', 'cn', 3]),
  EE([1066, 'autopsyFlag', '尸检标志', 'autopsy', 'b', 1, FLAG]),
  EE([1067, 'followUpFlag', '随诊标志', 'follow-up', 'b', 1, FLAG]),
  EE([
    1068,
    'inpatientPaymentScheme',
    '医疗付款方式代码',
    'payment scheme of the stay',
    'cn',
    1,
    { codeTable: 'paymentScheme', note: 'WS 364.13 CV07.10.003.' },
  ]),
  ...block('inpatient', 'fees', 1069, 26, 20, [
    [0, 'category', '费用分类', 'fee category', 'ans', 20],
    [20, 'categoryCode', '费用分类代码', 'fee category code', 'ans', 1],
    [21, 'amount', '费用金额', 'fee amount', 'cn', 5, CN5_AMOUNT],
  ]),
  EE([1589, 'totalCost', '住院总费用', 'total cost of the stay', 'cn', 5, CN5_AMOUNT]),
  EE([1594, 'bedFee', '床位费', 'bed fee', 'cn', 5, CN5_AMOUNT]),
  EE([1599, 'nursingFee', '护理费', 'nursing fee', 'cn', 5, CN5_AMOUNT]),
  EE([1604, 'westernMedicineFee', '西药费', 'Western medicine fee', 'cn', 5, CN5_AMOUNT]),
  EE([1609, 'chineseMedicineFee', '中药费', 'Chinese medicine fee', 'cn', 5, CN5_AMOUNT]),
  EE([1614, 'labFee', '化验费', 'laboratory fee', 'cn', 5, CN5_AMOUNT]),
  EE([1619, 'treatmentFee', '诊疗费', 'diagnosis and treatment fee', 'cn', 5, CN5_AMOUNT]),
  EE([1624, 'surgeryFee', '手术费', 'surgery fee', 'cn', 5, CN5_AMOUNT]),
  EE([1629, 'examinationFee', '检查费', 'examination fee', 'cn', 5, CN5_AMOUNT]),
  EE([1634, 'otherFee', '其他费用', 'other fees', 'cn', 5, CN5_AMOUNT]),
  EE([1639, 'signature', '交易信息签名', 'record signature (SM2)', 'b', 64, SIGNATURE_NOTE]),
  EE([1703, 'samCertificate', 'SAM卡证书', 'signing SAM certificate', 'b', 190, SAM_CERT_NOTE]),
];

// spec §4.5 — outpatient record, 3267 bytes; whole-record data 0..3012.
const ED = field('outpatient');
const OUTPATIENT: readonly Unnumbered[] = [
  ED([0, 'visitHospitalName', '就诊机构名称', 'clinic/hospital name', 'ans', 70]),
  ED([
    70,
    'visitHospitalOrgCode',
    '就诊机构组织机构代码',
    'clinic organization code',
    'ans',
    10,
    { note: 'WS 218.' },
  ]),
  ED([80, 'visitDateTime', '就诊日期时间', 'visit date-time', 'cn', 7, CN7_DATETIME]),
  ED([87, 'visitNumber', '门诊号', 'outpatient number', 'ans', 18]),
  ED([105, 'visitDepartment', '就医科室名称', 'department', 'ans', 50]),
  ED([
    155,
    'visitPaymentScheme',
    '医疗付款方式',
    'payment scheme of the visit',
    'cn',
    1,
    { codeTable: 'paymentScheme' },
  ]),
  ...block('outpatient', 'visitDiagnoses', 156, 125, 5, [
    [0, 'symptomName', '症状名称', 'symptom', 'ans', 50],
    [50, 'symptomCode', '症状代码', 'symptom code', 'ans', 5],
    [55, 'date', '诊断日期', 'diagnosis date', 'cn', 4, DATE],
    [59, 'name', '门诊诊断名称', 'outpatient diagnosis', 'ans', 50],
    [109, 'code', '门诊诊断代码', 'outpatient diagnosis code', 'ans', 7, { note: 'ICD-10.' }],
    [116, 'onsetDateTime', '发病日期时间', 'onset date-time', 'cn', 7, CN7_DATETIME],
    [123, 'symptomDuration', '症状持续时间', 'symptom duration (minutes)', 'cn', 2],
  ]),
  ...block('outpatient', 'visitLabTests', 781, 126, 10, [
    [0, 'name', '检查/检验项目名称', 'lab/exam item', 'ans', 80],
    [80, 'resultCode', '检查/检验结果代码', 'lab/exam result code', 'cn', 1, { codeTable: 'labResultCode' }],
    [81, 'quantitativeResult', '检查/检验定量结果', 'quantitative result', 'cn', 5],
    [86, 'unit', '检查/检验计量单位', 'result unit', 'ans', 20],
    [106, 'code', '检查/检验项目代码', 'lab/exam item code (e.g. LOINC)', 'ans', 20],
  ]),
  ...block('outpatient', 'visitDrugs', 2041, 91, 5, [
    [0, 'name', '药物名称', 'drug name', 'ans', 50],
    [50, 'dosageFormCode', '药物剂型代码', 'dosage form code', 'cn', 1, { note: 'WS 364 CV08.50.002.' }],
    [51, 'days', '用药天数', 'days of use', 'cn', 3],
    [54, 'frequency', '药物使用频率', 'frequency', 'ans', 20],
    [74, 'doseUnit', '药物使用剂量单位', 'dose unit', 'ans', 6],
    [80, 'singleDose', '药物使用次剂量', 'single dose', 'cn', 3],
    [83, 'totalDose', '药物使用总剂量', 'total dose', 'cn', 6],
    [89, 'routeCode', '用药途径代码', 'route code', 'cn', 2, { note: 'WS 364 CV06.00.102.' }],
  ]),
  ...block('outpatient', 'visitProcedures', 2496, 89, 3, [
    [0, 'name', '手术/操作名称', 'procedure name', 'ans', 80],
    [80, 'code', '手术/操作代码', 'procedure code', 'ans', 5],
    [85, 'date', '手术/操作日期', 'procedure date', 'cn', 4, DATE],
  ]),
  ...block('outpatient', 'visitFees', 2763, 25, 10, [
    [0, 'category', '费用分类名称', 'fee category', 'ans', 20],
    [20, 'categoryCode', '费用分类代码', 'fee category code', 'cn', 1, { note: 'WS 364 CV07.10.001.' }],
    [21, 'amount', '费用金额', 'fee amount', 'cn', 4, CN4_AMOUNT],
  ]),
  ED([3013, 'visitSignature', '交易信息签名', 'record signature (SM2)', 'b', 64, SIGNATURE_NOTE]),
  ED([3077, 'visitSamCertificate', 'SAM卡证书', 'signing SAM certificate', 'b', 190, SAM_CERT_NOTE]),
];

// ---------------------------------------------------------------------------------------------
// Item 385: photo (spec §4.6).
// ---------------------------------------------------------------------------------------------

const PHOTO: DataItem = {
  no: 385,
  key: 'photo',
  name: '照片',
  gloss: 'photo',
  type: 'b',
  length: 3074,
  location: { kind: 'binary', file: 'DDF1/EF07', offset: 0 },
  format: 'photo',
  confidence: 'high',
  note: '2-byte big-endian length L, then L ≤ 3072 bytes of JPEG.',
};

export const HEALTH_CARD_ITEMS: readonly DataItem[] = [
  ...TLV_ROWS.map(tlvItem),
  ...RECORD_ITEMS,
  ...numbered(64, INPATIENT),
  ...numbered(213, OUTPATIENT),
  PHOTO,
].sort((a, b) => a.no - b.no);
