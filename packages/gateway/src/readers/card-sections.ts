/**
 * What `GET /v1/readers/{reader}/card?sections=…` can ask for, as one table: each section's
 * scope, the card-core sections that hold it, and how its part of the answer is taken from the
 * card data. Data, not code: a section is added here and nowhere else.
 */
import {
  type Section as CoreSection,
  HEALTH_CARD_PROFILE,
  type HealthCardData,
  itemsOfFile,
} from '@hcard/card-core';
import type { Scope } from '../config/config.js';
import type { ReadAhead } from './reader-service.js';

const keysOf = (...files: string[]) =>
  files.flatMap((f) => itemsOfFile(HEALTH_CARD_PROFILE, f).map((i) => i.key));
const pick = (data: HealthCardData, keys: readonly string[]) =>
  Object.fromEntries(keys.filter((k) => k in data.items).map((k) => [k, data.items[k]!]));

interface SectionDef {
  readonly scope: Scope;
  readonly core: readonly CoreSection[];
  readonly take: (data: HealthCardData) => unknown;
}

const ISSUER_KEYS = [...keysOf('DDF1/EF05'), 'expiryDate'];
const HOLDER_KEYS = [
  ...keysOf('DDF1/EF06'),
  'phone1',
  'phone2',
  ...keysOf('DDF1/DF01/EF07'),
  'documentType',
  'documentNumber',
  'healthRecordNumber',
];
const INSURANCE_KEYS = ['paymentScheme1', 'paymentScheme2', 'paymentScheme3', 'ruralInsuranceNumber'];
const ADDRESS_KEYS = keysOf('DDF1/DF01/EF05', 'DDF1/DF01/EF06');
const CLINICAL_KEYS = keysOf('DDF1/DF02/EF05', 'DDF1/DF02/EF06');

export const CARD_SECTIONS = {
  issuer: { scope: 'read:basic', core: ['basic'], take: (d) => pick(d, ISSUER_KEYS) },
  holder: { scope: 'read:basic', core: ['basic', 'extended'], take: (d) => pick(d, HOLDER_KEYS) },
  photo: {
    scope: 'read:basic',
    core: ['photo'],
    take: (d) => (d.photo ? { mime: 'image/jpeg', base64: Buffer.from(d.photo).toString('base64') } : null),
  },
  insurance: { scope: 'read:basic', core: ['basic', 'extended'], take: (d) => pick(d, INSURANCE_KEYS) },
  address: { scope: 'read:basic', core: ['extended'], take: (d) => pick(d, ADDRESS_KEYS) },
  clinical: {
    scope: 'read:clinical',
    core: ['clinical'],
    take: (d) => ({ ...pick(d, CLINICAL_KEYS), immunisations: d.immunisations ?? [] }),
  },
  allergies: { scope: 'read:clinical', core: ['clinical'], take: (d) => d.allergies ?? [] },
  encounters: {
    scope: 'read:clinical',
    core: ['encounters'],
    take: (d) => ({
      inpatientFlags: d.inpatientFlags ?? [],
      outpatientFlags: d.outpatientFlags ?? [],
      inpatient: d.inpatient ?? [],
      outpatient: d.outpatient ?? [],
    }),
  },
} as const satisfies Record<string, SectionDef>;

export type CardSection = keyof typeof CARD_SECTIONS;
export const CARD_SECTION_NAMES = Object.keys(CARD_SECTIONS) as CardSection[];
export const DEFAULT_SECTIONS: readonly CardSection[] = ['issuer', 'holder', 'insurance'];

/** The card-core sections a request needs, in tree order. */
export const coreSectionsOf = (sections: readonly CardSection[]): CoreSection[] => [
  ...new Set(sections.flatMap((s) => CARD_SECTIONS[s].core)),
];

/** What the config's "readAhead" may name: the sections, and the card's other applications. */
export const READ_AHEAD_NAMES = [...CARD_SECTION_NAMES, 'applications'] as const;
export type ReadAheadName = (typeof READ_AHEAD_NAMES)[number];

/** The config's "readAhead" as the ReaderService's read-ahead. */
export const readAheadOf = (names: readonly ReadAheadName[]): ReadAhead => ({
  sections: coreSectionsOf(names.filter((n): n is CardSection => n !== 'applications')),
  applications: names.includes('applications'),
});
