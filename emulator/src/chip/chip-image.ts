/**
 * Images of a whole chip: the "three cards in one" card (health + social security + bank) or a
 * card with some of them. JSON, one section per application, each in its own image format:
 *
 *   {"format":"hcard-chip-image/1","health":{…card image…},"ssse":{…},"bank":{…}}
 *
 * A plain health-card image (`hcard-card-image/1`, what `hcard card new --apps health` and the
 * issuance hopper write) is a chip with the health application only: `loadEmulatedChip` takes
 * both. The chip's ATR is the health application's; a chip without it uses the SSSE
 * application's, else `atr`.
 */
import { fromHex, hcardError } from '@hcard/card-core';
import type { BankImage } from '../bank/bank-image.js';
import { type BankImageOptions, buildBankImage } from '../bank/build-bank-image.js';
import { EmulatedBankApp } from '../bank/emulated-bank-app.js';
import { EmulatedHealthCard, type EmulatedHealthCardOptions } from '../health-card/emulated-health-card.js';
import { type BuildCardOptions, type BuiltCard, buildCardImage } from '../images/build-image.js';
import { CARD_IMAGE_FORMAT, type CardImage } from '../images/image-format.js';
import { type BuildSsseOptions, type BuiltSsseCard, buildSsseImage } from '../ssse/build-ssse-image.js';
import { EmulatedSsseApp } from '../ssse/emulated-ssse-app.js';
import type { SsseImage } from '../ssse/ssse-image.js';
import { generateResident, type SyntheticResident } from '../synthetic/resident.js';
import type { EmulatedApplication } from './emulated-application.js';
import { EmulatedChip } from './emulated-chip.js';

export const CHIP_IMAGE_FORMAT = 'hcard-chip-image/1';
/** The ATR of a chip with the bank application only (no health or SSSE ATR to take): ISO 7816-3, T=1 offered. */
export const BANK_ONLY_ATR = '3B6800000073C84013009000';
export const CHIP_APPLICATIONS = ['health', 'ssse', 'bank'] as const;
export type ChipApplication = (typeof CHIP_APPLICATIONS)[number];

export interface ChipImage {
  readonly format: typeof CHIP_IMAGE_FORMAT;
  readonly description?: string;
  /** The chip's ATR (hex) when it has neither a health nor an SSSE application. */
  readonly atr?: string;
  readonly health?: CardImage;
  readonly ssse?: SsseImage;
  readonly bank?: BankImage;
}

const invalid = (detail: string) => hcardError('HCARD_E_IMAGE_INVALID', detail);

/** Which applications an image holds, health first. */
export function chipApplications(image: ChipImage | CardImage): ChipApplication[] {
  if (image.format === CARD_IMAGE_FORMAT) return ['health'];
  return CHIP_APPLICATIONS.filter((app) => (image as ChipImage)[app] !== undefined);
}

/**
 * An emulated chip from a chip image or a plain health-card image (parsed JSON); each
 * application validates its own section (HCARD_E_IMAGE_INVALID / HCARD_E_BANK_IMAGE_INVALID,
 * naming the field).
 */
export function loadEmulatedChip(json: unknown, options: EmulatedHealthCardOptions = {}): EmulatedChip {
  const format = (json as { format?: unknown } | null)?.format;
  if (format === CARD_IMAGE_FORMAT)
    return new EmulatedChip({ health: new EmulatedHealthCard(json, options) });
  if (format !== CHIP_IMAGE_FORMAT)
    throw invalid(`format must be ${CHIP_IMAGE_FORMAT} or ${CARD_IMAGE_FORMAT}`);
  const image = json as Record<string, unknown>;
  const unknown = Object.keys(image).filter(
    (k) => !['format', 'description', 'atr', ...CHIP_APPLICATIONS].includes(k),
  );
  if (unknown.length > 0) throw invalid(`unknown field ${unknown[0]}`);
  const health = image.health === undefined ? undefined : new EmulatedHealthCard(image.health, options);
  const ssse = image.ssse === undefined ? undefined : new EmulatedSsseApp(image.ssse);
  const bank = image.bank === undefined ? undefined : new EmulatedBankApp(image.bank);
  const applications: EmulatedApplication[] = [ssse, bank].filter((a) => a !== undefined);
  if (!health && applications.length === 0) throw invalid('a chip image needs at least one application');
  let atr: Uint8Array | undefined;
  if (typeof image.atr === 'string') {
    if (!/^([0-9A-Fa-f]{2}){2,33}$/.test(image.atr)) throw invalid('atr must be 2–33 bytes of hex');
    atr = fromHex(image.atr);
  }
  return new EmulatedChip({
    ...(health ? { health } : {}),
    applications,
    atr: atr ?? health?.atr ?? ssse?.atr,
  });
}

export interface BuildChipOptions {
  /** Which applications (default all three). */
  readonly apps?: readonly ChipApplication[];
  readonly health?: BuildCardOptions;
  readonly ssse?: BuildSsseOptions;
  readonly bank?: BankImageOptions;
}

export interface BuiltChip {
  readonly image: ChipImage;
  readonly resident: SyntheticResident;
  /** The health application as built (its items as a reader returns them), when on the chip. */
  readonly health?: BuiltCard;
  /** The SSSE application as built (what a reader returns), when on the chip. */
  readonly ssse?: BuiltSsseCard;
}

/**
 * One synthetic resident's chip: every application built from the same person, so that they
 * agree; the per-application options make them disagree (another name, ID number, expiry).
 */
export function buildChipImage(resident: SyntheticResident, options: BuildChipOptions = {}): BuiltChip {
  const apps = options.apps ?? CHIP_APPLICATIONS;
  if (apps.length === 0) throw hcardError('HCARD_E_ARG_INVALID', 'a chip needs at least one application');
  for (const app of apps)
    if (!CHIP_APPLICATIONS.includes(app))
      throw hcardError(
        'HCARD_E_ARG_INVALID',
        `unknown application ${app}; known: ${CHIP_APPLICATIONS.join(', ')}`,
      );
  const health = apps.includes('health') ? buildCardImage(resident, options.health) : undefined;
  const ssse = apps.includes('ssse') ? buildSsseImage(resident, options.ssse) : undefined;
  const bank = apps.includes('bank') ? buildBankImage(resident, options.bank) : undefined;
  const image: ChipImage = {
    format: CHIP_IMAGE_FORMAT,
    description: `synthetic three-in-one card: ${apps.join(', ')}`,
    ...(health || ssse ? {} : { atr: BANK_ONLY_ATR }),
    ...(health ? { health: health.image } : {}),
    ...(ssse ? { ssse: ssse.image } : {}),
    ...(bank ? { bank } : {}),
  };
  return { image, resident, ...(health ? { health } : {}), ...(ssse ? { ssse } : {}) };
}

/** `buildChipImage` of the resident a seed gives: the same seed, the same chip (its health application is `generateCard(seed)`'s). */
export function generateChip(seed: number | string, options: BuildChipOptions = {}): BuiltChip {
  return buildChipImage(generateResident(seed), { ...options, health: { seed, ...options.health } });
}
