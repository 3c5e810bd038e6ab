/**
 * Renders a card front (per print job; never in prepare's hot path) from the person's card data.
 * PNG comes from sharp's librsvg with fontconfig finding the CJK font, tagged 300 dpi.
 */
import { hcardError } from '@hcard/card-core';
import sharp from 'sharp';
import { type FaceText, faceSvg } from './face-template.js';

export interface FaceData {
  readonly name: string;
  /** Item 12's code: '01' male, '02' female. */
  readonly sex: string;
  /** The card number (the ID number, spec §7): printed on the card in full. */
  readonly cardNumber: string;
  readonly issuerName: string;
  /** YYYYMMDD */
  readonly validFrom: string;
  /** YYYYMMDD */
  readonly validTo: string;
  /** JPEG bytes, as stored on the card. */
  readonly photo?: Uint8Array;
  /** Default 居民健康卡. */
  readonly title?: string;
}

export type FaceFormat = 'png' | 'svg';

const SEX_LABELS: Readonly<Record<string, string>> = { '01': '男', '02': '女' };
const DEFAULT_TITLE = '居民健康卡';
const PRINT_DPI = 300;

export async function renderFace(face: FaceData, format: FaceFormat): Promise<Uint8Array> {
  const svg = faceSvg(faceText(face));
  if (format === 'svg') return new TextEncoder().encode(svg);
  return sharp(Buffer.from(svg)).png().withMetadata({ density: PRINT_DPI }).toBuffer();
}

/** FaceData → the strings the template prints. */
export function faceText(face: FaceData): FaceText {
  const sex = SEX_LABELS[face.sex];
  if (!sex) throw hcardError('HCARD_E_ARG_INVALID', 'sex must be 01 or 02', { field: 'sex' });
  return {
    title: face.title ?? DEFAULT_TITLE,
    name: face.name,
    sex,
    cardNumber: face.cardNumber,
    issuerName: face.issuerName,
    validity: `${displayDate(face.validFrom, 'validFrom')}–${displayDate(face.validTo, 'validTo')}`,
    photoUri: face.photo ? `data:image/jpeg;base64,${Buffer.from(face.photo).toString('base64')}` : undefined,
  };
}

/** YYYYMMDD → YYYY.MM.DD */
function displayDate(yyyymmdd: string, field: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(yyyymmdd);
  if (!m) throw hcardError('HCARD_E_ARG_INVALID', `${field} must be YYYYMMDD`, { field });
  return `${m[1]}.${m[2]}.${m[3]}`;
}
