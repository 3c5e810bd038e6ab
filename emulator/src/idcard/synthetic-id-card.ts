/**
 * Synthetic ID cards of the four types (spec C.6), all made up.
 *
 * The resident ID card of a seed is the same person as the health card of that seed
 * (`generateResident(seed)`): same name, ID number, sex, ethnicity, birth date and address, so
 * identity checks can compare the two. The chip's address field holds 35 characters; the few
 * generated addresses that are longer keep their first 35 (`addressTruncated`). Issuing
 * authority and validity are added from a stream of their own, so the health card stays as it is.
 *
 * J, I and Y cards take their person (name, sex, birth date, address) from the same generator
 * and add what their type carries: a Hong Kong/Macao/Taiwan residence-permit number (prefix
 * 810000/820000/830000), a 2017 foreigner number (3 letters + 12 digits) or a 2023 one
 * (`9` + province + ISO 3166 numeric nationality + birth date + sequence + GB 11643 check digit,
 * the shape of the official samples in spec C.6).
 *
 * The photo is 1024 seeded random bytes: it stands in for WLT data, which nothing here can
 * encode or decode.
 */
import { gb11643CheckDigit, lookupRegion } from '@hcard/card-core';
import { createRandom, type Random } from '../synthetic/random.js';
import { DEFAULT_REFERENCE_DATE, generateResident } from '../synthetic/resident.js';
import { encodeTextBlock, fieldCapacity, type IdCardKind } from './text-block.js';

export interface SyntheticIdCard {
  readonly kind: IdCardKind;
  /** The values laid out in the text block, by the layout's field names. */
  readonly fields: Readonly<Record<string, string>>;
  /** 256 bytes, UTF-16LE. */
  readonly text: Uint8Array;
  /** 1024 bytes standing in for the WLT photo. */
  readonly photo: Uint8Array;
  /** 1024 bytes (two 512-byte templates) when the card holds fingerprints. */
  readonly fingerprint?: Uint8Array;
  /** 追加住址 (command 30 03), when the card has one. */
  readonly appendedAddress?: string;
  /** The resident's address was longer than the chip's 35 characters. */
  readonly addressTruncated: boolean;
}

export interface IdCardOptions {
  readonly kind?: IdCardKind;
  /** Fingerprint templates on the card; default: resident and J cards have them. */
  readonly fingerprint?: boolean;
  readonly appendedAddress?: string;
}

export function generateIdCard(seed: number | string, options: IdCardOptions = {}): SyntheticIdCard {
  const kind = options.kind ?? 'resident';
  const person = generateResident(seed).items;
  const random = createRandom(seed).fork(`idcard:${kind}`);
  const address = person.address1!;
  const addressChars = fieldCapacity('resident', 'address');
  const fields = FIELDS[kind](person, random);
  const fingerprint = options.fingerprint ?? (kind === 'resident' || kind === 'J');
  return {
    kind,
    fields,
    text: encodeTextBlock(kind, fields),
    photo: randomBytes(random.fork('photo'), 1024),
    ...(fingerprint ? { fingerprint: randomBytes(random.fork('fingerprint'), 1024) } : {}),
    ...(options.appendedAddress === undefined ? {} : { appendedAddress: options.appendedAddress }),
    addressTruncated: (kind === 'resident' || kind === 'J') && address.length > addressChars,
  };
}

type Person = Readonly<Record<string, string>>;

const FIELDS: Record<IdCardKind, (person: Person, random: Random) => Record<string, string>> = {
  resident: (p, random) => ({
    name: p.name!,
    sex: sexCode(p),
    ethnicity: p.ethnicity!,
    birthDate: p.birthDate!,
    address: p.address1!.slice(0, fieldCapacity('resident', 'address')),
    idNumber: p.idNumber!,
    issuer: policeAuthority(p.idNumber!.slice(0, 6)),
    ...residentValidity(p.birthDate!, random),
  }),
  J: (p, random) => {
    const place = random.pick(HMT_PLACES);
    const issued = recentDate(random, p.birthDate!);
    return {
      name: p.name!,
      sex: sexCode(p),
      birthDate: p.birthDate!,
      address: p.address1!.slice(0, fieldCapacity('J', 'address')),
      idNumber: withCheckDigit(place.prefix + p.birthDate! + sequence(random, p)),
      issuer: policeAuthority(p.idNumber!.slice(0, 6)),
      validFrom: issued,
      validTo: addYears(issued, 5),
      passNumber: place.passLetter + random.digits(8),
      issueCount: '01',
    };
  },
  I: (p, random) => {
    const nation = random.pick(NATIONS);
    const issued = recentDate(random, p.birthDate!);
    const regionCode = `${p.idNumber!.slice(0, 2)}00`;
    return {
      englishName: foreignName(nation, p, random),
      sex: sexCode(p),
      permitNumber: nation.alpha3 + regionCode + p.birthDate!.slice(2) + random.digits(2),
      nationality: nation.alpha3,
      chineseName: random.chance(0.5) ? p.name! : '',
      validFrom: issued,
      validTo: addYears(issued, adultOn(p.birthDate!, issued) ? 10 : 5),
      birthDate: p.birthDate!,
      cardVersion: '01',
      issuerCode: regionCode,
    };
  },
  Y: (p, random) => {
    const nation = random.pick(NATIONS);
    const issued = recentDate(random, p.birthDate!);
    return {
      chineseName: random.chance(0.5) ? p.name! : '',
      sex: sexCode(p),
      birthDate: p.birthDate!,
      foreignName: foreignName(nation, p, random).slice(0, fieldCapacity('Y', 'foreignName')),
      idNumber: withCheckDigit(
        `9${p.idNumber!.slice(0, 2)}${nation.numeric}${p.birthDate!}${sequence(random, p)}`,
      ),
      issuer: '国家移民管理局',
      validFrom: issued,
      validTo: addYears(issued, adultOn(p.birthDate!, issued) ? 10 : 5),
      previousNumber: '',
      issueCount: '01',
      nationality: nation.alpha3,
    };
  },
};

/** The health card's sex code ('01'/'02') as the ID card writes it (GB/T 2261.1: '1'/'2'). */
const sexCode = (p: Person): string => String(Number(p.sex));

/** "XX市公安局YY分局" for a city district, "ZZ县公安局" otherwise (at most 15 characters). */
function policeAuthority(regionCode: string): string {
  const region = lookupRegion(regionCode);
  const county = region?.county ?? region?.city ?? region?.province ?? '公安部';
  const text =
    region?.city && county.endsWith('区')
      ? `${region.city}公安局${county.slice(0, -1)}分局`
      : `${county}公安局`;
  return text.length <= 15 ? text : `${county}公安局`.slice(0, 15);
}

/**
 * A resident card's validity (GA 467 practice): 5 years if issued before 16, 10 before 26,
 * 20 before 46, then 长期 (long-term). Issued within the last 5 years, not before birth.
 */
function residentValidity(birthDate: string, random: Random): { validFrom: string; validTo: string } {
  const issued = recentDate(random, birthDate);
  const age = yearsBetween(birthDate, issued);
  const years = age < 16 ? 5 : age < 26 ? 10 : age < 46 ? 20 : undefined;
  return { validFrom: issued, validTo: years === undefined ? '长期' : addYears(issued, years) };
}

function recentDate(random: Random, birthDate: string): string {
  const today = dayNumber(DEFAULT_REFERENCE_DATE);
  return fromDayNumber(random.int(Math.max(dayNumber(birthDate), today - 5 * 365), today));
}

/** A 3-digit sequence whose last digit is odd for men and even for women (GB 11643). */
function sequence(random: Random, p: Person): string {
  const k = random.int(1, 499);
  return String(p.sex === '01' ? 2 * k - 1 : 2 * k).padStart(3, '0');
}

const withCheckDigit = (first17: string): string => first17 + gb11643CheckDigit(first17);

const HMT_PLACES = [
  { prefix: '810000', passLetter: 'H' },
  { prefix: '820000', passLetter: 'M' },
  { prefix: '830000', passLetter: '' },
] as const;

interface Nation {
  readonly alpha3: string;
  readonly numeric: string;
  readonly surnames: readonly string[];
  readonly male: readonly string[];
  readonly female: readonly string[];
}

/** A few nationalities (GB/T 2659 = ISO 3166 alpha-3, with the numeric code) and common names. */
const NATIONS: readonly Nation[] = [
  {
    alpha3: 'USA',
    numeric: '840',
    surnames: ['SMITH', 'JOHNSON', 'BROWN'],
    male: ['JAMES', 'MICHAEL'],
    female: ['MARY', 'LINDA'],
  },
  {
    alpha3: 'DEU',
    numeric: '276',
    surnames: ['MUELLER', 'SCHMIDT', 'WEBER'],
    male: ['LUKAS', 'JONAS'],
    female: ['ANNA', 'LENA'],
  },
  {
    alpha3: 'JPN',
    numeric: '392',
    surnames: ['SATO', 'SUZUKI', 'TANAKA'],
    male: ['HIROSHI', 'KENJI'],
    female: ['YUKI', 'AIKO'],
  },
  {
    alpha3: 'KOR',
    numeric: '410',
    surnames: ['KIM', 'LEE', 'PARK'],
    male: ['MINHO', 'JUNSEO'],
    female: ['JIWOO', 'SEOYEON'],
  },
  {
    alpha3: 'CAN',
    numeric: '124',
    surnames: ['TREMBLAY', 'MARTIN', 'ROY'],
    male: ['LIAM', 'NOAH'],
    female: ['EMMA', 'OLIVIA'],
  },
];

function foreignName(nation: Nation, p: Person, random: Random): string {
  const given = random.pick(p.sex === '01' ? nation.male : nation.female);
  return `${random.pick(nation.surnames)} ${given}`;
}

function randomBytes(random: Random, n: number): Uint8Array {
  return Uint8Array.from({ length: n }, () => random.int(0, 255));
}

const adultOn = (birthDate: string, date: string): boolean => yearsBetween(birthDate, date) >= 18;

function yearsBetween(from: string, to: string): number {
  const years = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  return to.slice(4) >= from.slice(4) ? years : years - 1;
}

function dayNumber(yyyymmdd: string): number {
  return (
    Date.UTC(Number(yyyymmdd.slice(0, 4)), Number(yyyymmdd.slice(4, 6)) - 1, Number(yyyymmdd.slice(6, 8))) /
    86_400_000
  );
}

function fromDayNumber(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
}

/** Same day `years` later; 29 February becomes 28 February. */
function addYears(yyyymmdd: string, years: number): string {
  const year = Number(yyyymmdd.slice(0, 4)) + years;
  const md = yyyymmdd.slice(4);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return `${year}${md === '0229' && !leap ? '0228' : md}`;
}
