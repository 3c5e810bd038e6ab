/**
 * Seeded generator of synthetic residents for card images, fixtures and demos. Everything is
 * made up: names are random picks from common characters, ID numbers carry a real county code
 * and a valid check digit but a random birth date and sequence, and the photo is a drawing.
 *
 * Item values use the card API's string forms (spec §4.1): ans as text, cn as a digit string,
 * b as uppercase hex. All Chinese text is strict GB2312 and fits its field (spec §4.2).
 */

import {
  countyCodes,
  dialingCode,
  encodeAnsText,
  gb11643CheckDigit,
  hcardError,
  isCalendarDate,
  isHcardError,
  lookupRegion,
} from '@hcard/card-core';
import { generatePhoto } from './photo.js';
import { createRandom, type Random } from './random.js';

export interface SyntheticResident {
  /** Item key → value as the card API returns it: ans text, cn digit string, b uppercase hex. */
  items: Record<string, string>;
  /** DF02/EF07 records, 0..3. */
  allergies: { substance: string; reaction: string }[];
  /** DF02/EF08 records, 0..10, oldest first; date YYYYMMDD. */
  immunisations: { name: string; date: string }[];
  /** JPEG of at most 3072 bytes (DDF1/EF07). */
  photo: Uint8Array;
}

export interface ResidentOptions {
  /** "Today" (YYYYMMDD) for ages and card dates. Fixed by default so a seed means one resident. */
  readonly referenceDate?: string;
  /** Only home regions whose code starts with this, e.g. "41" (河南省) or "4101" (郑州市). */
  readonly regionPrefix?: string;
}

export const DEFAULT_REFERENCE_DATE = '20240601';
export const MAX_AGE = 95;

type Sex = 'male' | 'female';

interface Home {
  readonly countyCode: string;
  readonly cityCode: string;
  /** Province + city + county as written in an address (municipalities have no city part). */
  readonly regionText: string;
  /** Where the issuing health commission sits: the city, the municipality or a 省直辖 county. */
  readonly issuerPlace: string;
  readonly dialingCode: string | undefined;
}

export function generateResident(seed: number | string, options: ResidentOptions = {}): SyntheticResident {
  const today = options.referenceDate ?? DEFAULT_REFERENCE_DATE;
  if (!isCalendarDate(today)) throw hcardError('HCARD_E_ARG_INVALID', 'referenceDate must be YYYYMMDD');
  const random = createRandom(seed);

  const sex: Sex = random.chance(0.5) ? 'male' : 'female';
  const age = pickAge(random);
  const birthDate = pickBirthDate(random, today, age);
  const home = pickHome(random, options.regionPrefix ?? '');
  const idNumber = makeCitizenId(random, home.countyCode, birthDate, sex);
  const surname = pickSurname(random);
  const married = pickMaritalStatus(random, age, sex);
  // Issued within the last 8 years (and not before birth), so the 10-year card is still valid.
  const issueDay = random.int(
    Math.max(toDayNumber(birthDate), toDayNumber(addYears(today, -8))),
    toDayNumber(today),
  );
  const issueDate = fromDayNumber(issueDay);
  const address1 = address(random, home, surname);

  const items: Record<string, string> = {
    // EF05 issuer data
    cardType: '1',
    specVersion: '1.00',
    issuerName: issuerName(home.issuerPlace),
    issuerCode: home.cityCode + random.digits(16),
    issueDate,
    cardNumber: idNumber,
    chipSerial: chipSerial(random),
    cityCode: home.cityCode,
    // EF06 holder identity
    name: surname + givenName(random, sex),
    sex: sex === 'male' ? '01' : '02',
    ethnicity: random.chance(0.92) ? '01' : String(random.int(2, 56)).padStart(2, '0'),
    birthDate,
    idNumber,
    // EF08 expiry, phones, payment
    expiryDate: addYears(issueDate, 10),
    phone1: mobileNumber(random),
    phone2: secondPhone(random, home),
    ...paymentSchemes(random),
    // DF01 addresses, contacts, social data, documents
    addressType1: '1',
    address1,
    addressType2: '2',
    // Most people live where they are registered; some have moved within the same county.
    address2: random.chance(0.6) ? address1 : address(random, home, surname),
    ...contacts(random, { age, sex, surname, married: married === '20' }),
    education: pickEducation(random, age),
    maritalStatus: married,
    occupation: pickOccupation(random, age),
    documentType: '01',
    documentNumber: idNumber,
    healthRecordNumber: home.countyCode + random.digits(11),
    // The data dictionary says the rural-insurance card number is the citizen ID number.
    ruralInsuranceNumber: idNumber,
    // DF02 medical data
    aboBloodGroup: random.weighted([
      ['01', 28],
      ['02', 31],
      ['03', 31],
      ['04', 9],
      ['05', 1],
    ]),
    rhBloodGroup: random.weighted([
      ['1', 95],
      ['2', 1],
      ['3', 4],
    ]),
    ...medicalFlags(random, age),
    otherMedicalAlert: random.chance(0.15) ? random.pick(MEDICAL_ALERTS) : '',
    psychiatricFlag: random.chance(0.01) ? '01' : '00',
  };
  return {
    items,
    allergies: allergies(random),
    immunisations: immunisations(random, birthDate, today, sex),
    photo: generatePhoto(seed, { sex }),
  };
}

// ---------------------------------------------------------------------------------------------
// Identity

function pickAge(random: Random): number {
  // Rough population shape: fewer children and elderly than working-age adults.
  const [min, max] = random.weighted<readonly [number, number]>([
    [[0, 17], 18],
    [[18, 39], 30],
    [[40, 64], 36],
    [[65, 79], 12],
    [[80, MAX_AGE], 4],
  ]);
  return random.int(min, max);
}

/** A birth date at which someone is exactly `age` on `today`. */
function pickBirthDate(random: Random, today: string, age: number): string {
  const latest = toDayNumber(addYears(today, -age));
  const earliest = toDayNumber(addYears(today, -(age + 1))) + 1;
  return fromDayNumber(random.int(earliest, latest));
}

function makeCitizenId(random: Random, countyCode: string, birthDate: string, sex: Sex): string {
  // The sequence's last digit is odd for men and even for women (GB 11643 §5.3); never "000".
  const k = random.int(1, 499);
  const sequence = String(sex === 'male' ? 2 * k - 1 : 2 * k).padStart(3, '0');
  const first17 = countyCode + birthDate + sequence;
  return first17 + gb11643CheckDigit(first17);
}

function pickSurname(random: Random): string {
  return random.chance(0.01) ? random.pick(COMPOUND_SURNAMES) : random.pick(SURNAMES);
}

function givenName(random: Random, sex: Sex): string {
  const pool = sex === 'male' ? MALE_NAME_CHARACTERS : FEMALE_NAME_CHARACTERS;
  const first = random.chance(0.3) ? random.pick(NEUTRAL_NAME_CHARACTERS) : random.pick(pool);
  return random.chance(0.3) ? first : first + random.pick(pool);
}

/** 10 uppercase letters and digits, like the unique chip identifier of item 10. */
function chipSerial(random: Random): string {
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let s = '';
  for (let i = 0; i < 10; i++) s += alphabet[random.int(0, alphabet.length - 1)];
  return s;
}

// ---------------------------------------------------------------------------------------------
// Region, address, phones

const homesByPrefix = new Map<string, readonly Home[]>();

function pickHome(random: Random, regionPrefix: string): Home {
  let homes = homesByPrefix.get(regionPrefix);
  if (!homes) {
    homes = countyCodes()
      .filter((code) => code.startsWith(regionPrefix))
      .map(homeFor)
      .filter((home): home is Home => home !== undefined);
    homesByPrefix.set(regionPrefix, homes);
  }
  if (homes.length === 0) {
    throw hcardError('HCARD_E_ARG_INVALID', 'regionPrefix matches no county with a GB2312 name', {
      regionPrefix,
    });
  }
  return random.pick(homes);
}

/** The home for a county, or undefined when a name needs characters outside GB2312. */
function homeFor(countyCode: string): Home | undefined {
  const region = lookupRegion(countyCode);
  if (!region?.county) return undefined;
  const regionText = region.province + (region.city ?? '') + region.county;
  if (!isGb2312Text(regionText)) return undefined;
  // Municipalities are provinces named "…市"; other counties without a city are 省直辖.
  const issuerPlace = region.city ?? (region.province.endsWith('市') ? region.province : region.county);
  return {
    countyCode,
    cityCode: `${countyCode.slice(0, 4)}00`,
    regionText,
    issuerPlace,
    dialingCode: dialingCode(countyCode),
  };
}

function issuerName(place: string): string {
  const full = `${place}卫生健康委员会`;
  return gbByteLength(full) <= ITEM_BYTES.issuerName ? full : `${place}卫健委`;
}

function address(random: Random, home: Home, surname: string): string {
  const number = `${random.int(1, 399)}号`;
  const detail = random.chance(0.7)
    ? `${random.pick(STREETS)}${number}${random.int(1, 30)}号楼${random.int(1, 6)}单元${random.int(1, 28)}0${random.int(1, 4)}室`
    : `${random.pick(TOWNS)}镇${surname}${random.pick(VILLAGE_SUFFIXES)}村${number}`;
  for (const text of [home.regionText + detail, home.regionText + number]) {
    if (gbByteLength(text) <= ITEM_BYTES.address) return text;
  }
  return home.regionText;
}

function mobileNumber(random: Random): string {
  return `1${random.int(3, 9)}${random.digits(9)}`;
}

function secondPhone(random: Random, home: Home): string {
  const kind = random.weighted([
    ['mobile', 45],
    ['landline', 30],
    ['none', 25],
  ] as const);
  if (kind === 'none') return '';
  if (kind === 'mobile' || home.dialingCode === undefined) return mobileNumber(random);
  // Three-digit area codes (010, 02x) go with 8-digit local numbers, four-digit ones with 7 or 8.
  const localLength = home.dialingCode.length === 3 ? 8 : random.pick([7, 8]);
  return `${home.dialingCode}-${random.int(2, 8)}${random.digits(localLength - 1)}`;
}

function paymentSchemes(random: Random): Record<string, string> {
  const first = random.weighted([
    ['1', 30],
    ['2', 35],
    ['3', 25],
    ['5', 4],
    ['6', 2],
    ['7', 4],
  ]);
  const [second, third] = random.sample(
    ['1', '2', '3', '4', '5', '6', '7', '8'].filter((c) => c !== first),
    2,
  );
  return { paymentScheme1: first, paymentScheme2: second!, paymentScheme3: third! };
}

// ---------------------------------------------------------------------------------------------
// Family and social data

interface ContactContext {
  readonly age: number;
  readonly sex: Sex;
  readonly surname: string;
  readonly married: boolean;
}

function contacts(random: Random, who: ContactContext): Record<string, string> {
  // Relation codes from the HDDEF list: 1 spouse, 2 son, 3 daughter, 5 parent, 7 sibling, 8 other.
  const likely: string[] = [];
  if (who.married) likely.push('1');
  if (who.age < 70) likely.push('5');
  if (who.age >= 45) likely.push(random.pick(['2', '3']));
  const others = random.sample(['5', '7', '8', ...(who.age >= 45 ? ['2', '3'] : [])], 3);
  const relations = [...likely, ...others].slice(0, 3);

  const out: Record<string, string> = {};
  relations.forEach((relation, i) => {
    const n = i + 1;
    out[`contact${n}Name`] = contactName(random, who, relation);
    out[`contact${n}Relation`] = relation;
    out[`contact${n}Phone`] = mobileNumber(random);
  });
  return out;
}

function contactName(random: Random, who: ContactContext, relation: string): string {
  const otherSex: Sex = who.sex === 'male' ? 'female' : 'male';
  switch (relation) {
    case '1':
      return pickSurname(random) + givenName(random, otherSex);
    case '2':
    case '3': {
      // Children usually carry the father's surname.
      const surname = who.sex === 'male' ? who.surname : pickSurname(random);
      return surname + givenName(random, relation === '2' ? 'male' : 'female');
    }
    case '5':
      return random.chance(0.5)
        ? who.surname + givenName(random, 'male')
        : pickSurname(random) + givenName(random, 'female');
    case '7':
      return who.surname + givenName(random, random.chance(0.5) ? 'male' : 'female');
    default:
      return pickSurname(random) + givenName(random, random.chance(0.5) ? 'male' : 'female');
  }
}

/** GB/T 2261.2 code: 10 single, 20 married, 30 widowed, 40 divorced, 90 other. */
function pickMaritalStatus(random: Random, age: number, sex: Sex): string {
  // Legal marriage age is 22 for men and 20 for women.
  if (age < (sex === 'male' ? 22 : 20)) return '10';
  if (age < 25)
    return random.weighted([
      ['10', 70],
      ['20', 30],
    ]);
  if (age < 35)
    return random.weighted([
      ['10', 25],
      ['20', 70],
      ['40', 5],
    ]);
  if (age < 65)
    return random.weighted([
      ['10', 4],
      ['20', 85],
      ['30', 2],
      ['40', 8],
      ['90', 1],
    ]);
  return random.weighted([
    ['10', 2],
    ['20', 65],
    ['30', 28],
    ['40', 4],
    ['90', 1],
  ]);
}

/** GB/T 4658-1984 one-digit codes: 1 postgraduate … 8 primary school, 9 illiterate or none yet. */
function pickEducation(random: Random, age: number): string {
  if (age < 6) return '9';
  if (age < 12) return '8';
  if (age < 15) return '7';
  if (age < 18)
    return random.weighted([
      ['6', 70],
      ['4', 20],
      ['5', 10],
    ]);
  if (age >= 65)
    return random.weighted([
      ['3', 5],
      ['6', 15],
      ['7', 30],
      ['8', 35],
      ['9', 15],
    ]);
  return random.weighted([
    ['1', 4],
    ['2', 18],
    ['3', 16],
    ['4', 8],
    ['5', 4],
    ['6', 20],
    ['7', 22],
    ['8', 7],
    ['9', 1],
  ]);
}

/** GB/T 6565 major groups as listed by HDDEF; children and the very old are "Y" (other). */
function pickOccupation(random: Random, age: number): string {
  if (age < 16 || age >= 70) return 'Y';
  return random.weighted([
    ['0', 3],
    ['1', 15],
    ['3', 12],
    ['4', 20],
    ['5', 18],
    ['6', 18],
    ['X', 1],
    ['Y', 13],
  ]);
}

// ---------------------------------------------------------------------------------------------
// Medical data

export const MEDICAL_FLAG_KEYS = [
  'asthma',
  'heartDisease',
  'cardioCerebrovascular',
  'epilepsy',
  'coagulationDisorder',
  'diabetes',
  'glaucoma',
  'dialysis',
  'organTransplant',
  'organLoss',
  'removableProsthesis',
  'pacemaker',
] as const;

function medicalFlags(random: Random, age: number): Record<string, string> {
  const p = age >= 50 ? 0.05 : 0.01;
  return Object.fromEntries(MEDICAL_FLAG_KEYS.map((key) => [key, random.chance(p) ? '01' : '00']));
}

function allergies(random: Random): SyntheticResident['allergies'] {
  const count = random.weighted([
    [0, 70],
    [1, 20],
    [2, 7],
    [3, 3],
  ]);
  return random
    .sample(ALLERGENS, count)
    .map((substance) => ({ substance, reaction: random.pick(ALLERGIC_REACTIONS) }));
}

function immunisations(
  random: Random,
  birthDate: string,
  today: string,
  sex: Sex,
): SyntheticResident['immunisations'] {
  const born = toDayNumber(birthDate);
  const now = toDayNumber(today);
  const records: SyntheticResident['immunisations'] = [];
  // Childhood doses in schedule order, cut off at a random point (records are often incomplete);
  // only for those born after the schedule existed.
  const childhoodDoses = birthDate >= CHILDHOOD_SCHEDULE_SINCE ? random.int(0, CHILDHOOD_SCHEDULE.length) : 0;
  for (const [name, ageInDays] of CHILDHOOD_SCHEDULE.slice(0, childhoodDoses)) {
    const day = born + ageInDays + random.int(0, 14);
    if (day <= now) records.push({ name, date: fromDayNumber(day) });
  }
  const adultFrom = toDayNumber(addYears(birthDate, 18));
  if (adultFrom <= now) {
    for (const name of random.sample(ADULT_VACCINES, random.int(0, 2))) {
      if (name === 'HPV疫苗' && sex === 'male') continue;
      records.push({ name, date: fromDayNumber(random.int(adultFrom, now)) });
    }
  }
  return records.sort((a, b) => a.date.localeCompare(b.date)).slice(-10);
}

// ---------------------------------------------------------------------------------------------
// Dates as day numbers (days since 1970-01-01, UTC) so arithmetic has no time-zone surprises.

function toDayNumber(yyyymmdd: string): number {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

function fromDayNumber(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
}

/** Same month and day `years` later (or earlier); 29 February becomes 28 February. */
function addYears(yyyymmdd: string, years: number): string {
  const year = String(Number(yyyymmdd.slice(0, 4)) + years).padStart(4, '0');
  const candidate = year + yyyymmdd.slice(4);
  return isCalendarDate(candidate) ? candidate : `${year}${yyyymmdd.slice(4, 6)}28`;
}

// ---------------------------------------------------------------------------------------------
// GB2312 (strict mode) and byte lengths

/** Byte limits of the ans text fields this generator fills (spec §4.2). */
const ITEM_BYTES = { issuerName: 30, address: 100 } as const;

/**
 * Whether the text encodes in strict GB2312. A few county names (浉河区, 鄠邑区 …) need
 * GBK-only characters and are left out of the generator.
 */
function isGb2312Text(text: string): boolean {
  try {
    encodeAnsText(text, 'gb2312');
    return true;
  } catch (e) {
    if (isHcardError(e, 'HCARD_E_ANS_UNMAPPABLE')) return false;
    throw e;
  }
}

/** Bytes in GB2312: 1 per ASCII character, 2 per hanzi. */
const gbByteLength = (text: string): number => encodeAnsText(text, 'gb2312').length;

// ---------------------------------------------------------------------------------------------
// Curated word lists (common characters and generic words, not personal data)

const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];
const COMPOUND_SURNAMES = ['欧阳', '司马', '上官', '诸葛', '东方'];
const MALE_NAME_CHARACTERS = [
  ...'伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆旭宁龙林博文志建国庆东海峰亮成泽晨阳然松柏',
];
const FEMALE_NAME_CHARACTERS = [
  ...'芳娜敏静丽艳娟霞秀玲桂英红梅琳燕萍雪倩洁颖慧婷佳悦欣怡雯璐瑶晶妍蕾岚琪莉薇婧',
];
const NEUTRAL_NAME_CHARACTERS = [...'子一晓嘉思雨安心宏春秋立永天云家小新'];

const STREETS = [
  ...['人民路', '解放路', '建设路', '中山路', '文化路', '和平路', '胜利路', '光明街', '新华路', '东风路'],
  ...['长江路', '黄河路', '工业路', '花园路', '学院路', '友谊路', '幸福街', '朝阳路', '团结路', '青年路'],
];
const TOWNS = ['城关', '新集', '石桥', '柳林', '杨树', '白沙', '双河', '青山', '马店', '高庄'];
const VILLAGE_SUFFIXES = ['庄', '营', '屯', '寨', '湾', '店', '家'];

const MEDICAL_ALERTS = [
  '高血压',
  '长期服用抗凝药物',
  '冠脉支架植入术后',
  '佩戴助听器',
  '慢性肾病',
  '乙肝病毒携带',
  '人工关节置换术后',
  '甲状腺功能减退',
];

const ALLERGENS = [
  ...['青霉素', '头孢类抗生素', '磺胺类药物', '阿司匹林', '碘造影剂', '花粉', '尘螨', '海鲜'],
  ...['花生', '牛奶', '鸡蛋', '芒果', '乳胶', '酒精'],
];
const ALLERGIC_REACTIONS = [
  '皮疹',
  '荨麻疹',
  '皮肤瘙痒',
  '呼吸困难',
  '过敏性休克',
  '恶心呕吐',
  '腹泻',
  '口唇水肿',
  '哮喘发作',
  '全身红斑伴瘙痒',
];

/** Hepatitis B vaccination joined the national immunisation programme in 1992. */
const CHILDHOOD_SCHEDULE_SINCE = '19920101';
/** Childhood doses with the usual age in days (national immunisation programme order). */
const CHILDHOOD_SCHEDULE: readonly (readonly [string, number])[] = [
  ['乙肝疫苗第1剂', 0],
  ['卡介苗', 0],
  ['乙肝疫苗第2剂', 30],
  ['脊灰疫苗第1剂', 60],
  ['脊灰疫苗第2剂', 90],
  ['百白破疫苗第1剂', 90],
  ['百白破疫苗第2剂', 120],
  ['百白破疫苗第3剂', 150],
  ['乙肝疫苗第3剂', 180],
  ['麻腮风疫苗', 240],
];
const ADULT_VACCINES = ['流感疫苗', '狂犬病疫苗', '破伤风疫苗', '带状疱疹疫苗', 'HPV疫苗', '肺炎球菌疫苗'];
