/**
 * The card's records, encoded once in prepare. Most of a card is the same for the whole batch
 * (issuer, dates, city, empty fields), so a batch has one template holding every file's bytes,
 * and each card carries only its own records: the items that come from the enrolment row, the
 * security code and the photo. The encoder lays a card's records over the template and adds the
 * one item only the blank chip knows (its serial).
 */
import {
  asciiBytes,
  type CardProfile,
  concatBytes,
  type DataItem,
  decodeTlvRecord,
  emptyValue,
  encodeTlvRecord,
  fromHex,
  HEALTH_CARD_PROFILE,
  type HealthCardSettings,
  hcardError,
  itemDef,
  itemsOfFile,
  toHex,
  u16be,
} from '@hcard/card-core';
import type { EnrolledPerson } from '../model.js';
import type { IssuanceSettings } from '../settings.js';

/** A file's bytes as the personalisation writes them. */
export type FileBytes = { readonly records: readonly Uint8Array[] } | { readonly data: Uint8Array };

/** Where a per-card item lives: its file and record number. */
interface Slot {
  readonly item: DataItem;
  readonly path: string;
  readonly record: number;
}

/** Items each card gets from its enrolment row (and its security code), in payload order. */
const PERSONAL_ITEMS = [
  'cardNumber',
  'securityCode',
  'name',
  'sex',
  'ethnicity',
  'birthDate',
  'idNumber',
  'phone1',
  'addressType1',
  'address1',
  'documentNumber',
  'ruralInsuranceNumber',
] as const;
type PersonalItem = (typeof PERSONAL_ITEMS)[number];

/** Written at encode time from the blank chip. */
const CHIP_ITEM = 'chipSerial';

export const PAYLOAD_VERSION = 1;

export interface CardTemplate {
  readonly profile: CardProfile;
  /** Every file of the card with the batch-wide values; per-card records are placeholders. */
  readonly files: ReadonlyMap<string, FileBytes>;
  readonly personal: readonly Slot[];
  readonly chip: Slot;
  readonly photo: { readonly path: string; readonly length: number };
  readonly codec: Pick<HealthCardSettings, 'charset'>;
}

const slotOf = (profile: CardProfile, key: string): Slot => {
  const item = itemDef(profile, key);
  if (item.location.kind !== 'tlv') throw hcardError('HCARD_E_ARG_INVALID', `item ${key} is not a TLV item`);
  return { item, path: item.location.file, record: item.location.record };
};

/** Batch-wide item values from the issuance settings. */
function batchValues(settings: IssuanceSettings): Record<string, string> {
  return {
    cardType: settings.cardType,
    specVersion: settings.specVersion,
    issuerName: settings.issuerName,
    issuerCode: settings.issuerCode,
    issuerCertificate: toHex(settings.issuerCertificate),
    issueDate: settings.issueDate,
    expiryDate: settings.expiryDate,
    cityCode: settings.cityCode,
    documentType: settings.documentType,
    paymentScheme1: settings.paymentScheme,
  };
}

export function buildTemplate(
  settings: IssuanceSettings,
  profile: CardProfile = HEALTH_CARD_PROFILE,
): CardTemplate {
  const codec = { charset: settings.charset };
  const values = batchValues(settings);
  // Only what differs from a blank chip: the COS creates every file zero-filled, so cyclic and
  // encounter files need no writes; index files are set to FF (every slot free, spec §9.5).
  const files = new Map<string, FileBytes>();
  for (const file of profile.files) {
    if (file.structure === 'linear-tlv') {
      const records: Uint8Array[] = [];
      for (const item of itemsOfFile(profile, file.path)) {
        if (item.location.kind !== 'tlv') continue;
        records[item.location.record - 1] = encodeTlvRecord(
          item,
          values[item.key] ?? emptyValue(item),
          codec,
        );
      }
      files.set(file.path, { records });
    } else if (file.structure === 'linear-raw') {
      const free = () => new Uint8Array(file.recordLength ?? 0).fill(0xff);
      files.set(file.path, { records: Array.from({ length: file.records ?? 0 }, free) });
    }
  }
  const photoItem = itemDef(profile, 'photo');
  return {
    profile,
    files,
    personal: PERSONAL_ITEMS.map((key) => slotOf(profile, key)),
    chip: slotOf(profile, CHIP_ITEM),
    photo: { path: (photoItem.location as { file: string }).file, length: photoItem.length },
    codec,
  };
}

/** The per-card item values of an enrolled person. */
export function personalValues(person: EnrolledPerson, securityCode: string): Record<PersonalItem, string> {
  return {
    cardNumber: person.idNumber,
    securityCode,
    name: person.name,
    sex: person.sex,
    ethnicity: person.ethnicity,
    birthDate: person.birthDate,
    idNumber: person.idNumber,
    phone1: person.phone,
    addressType1: person.address ? '1' : '',
    address1: person.address,
    documentNumber: person.idNumber,
    ruralInsuranceNumber: person.ruralInsuranceNumber,
  };
}

/**
 * A card's payload: version ‖ its records in slot order (each SIMPLE-TLV, so self-delimiting) ‖
 * the photo field (length-prefixed JPEG; absent without photos).
 */
export function encodeCardPayload(
  template: CardTemplate,
  values: Readonly<Record<PersonalItem, string>>,
  photoJpeg?: Uint8Array,
): Uint8Array {
  const parts: Uint8Array[] = [Uint8Array.of(PAYLOAD_VERSION)];
  for (const slot of template.personal)
    parts.push(encodeRecord(slot.item, values[slot.item.key as PersonalItem], template.codec));
  if (photoJpeg) parts.push(photoField(template, photoJpeg));
  return concatBytes(...parts);
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const DIGITS = /^\d*$/;

/**
 * encodeTlvRecord with fast paths for the values most of a card's own records hold (digits and
 * ASCII: ID and card numbers, phone, dates, codes), which prepare encodes a million times. The
 * bytes are the same (a test compares them); anything else takes the general codec.
 */
export function encodeRecord(
  item: DataItem,
  value: string,
  codec: Pick<HealthCardSettings, 'charset'>,
): Uint8Array {
  const tag = (item.location as { tag?: number }).tag;
  const length = item.length;
  if (tag !== undefined && length < 0x80) {
    if (item.type === 'ans' && value.length <= length && PRINTABLE_ASCII.test(value)) {
      const record = new Uint8Array(2 + length);
      record[0] = tag;
      record[1] = length;
      for (let i = 0; i < value.length; i++) record[2 + i] = value.charCodeAt(i);
      return record;
    }
    if (item.type === 'cn' && value.length <= 2 * length && DIGITS.test(value)) {
      const record = new Uint8Array(2 + length).fill(0xff);
      record[0] = tag;
      record[1] = length;
      for (let i = 0; i < value.length; i++) {
        const d = value.charCodeAt(i) - 48;
        const at = 2 + (i >> 1);
        record[at] = i % 2 === 0 ? (d << 4) | 0x0f : (record[at]! & 0xf0) | d;
      }
      return record;
    }
  }
  return encodeTlvRecord(item, value, codec);
}

/** The photo item's bytes: 2-byte length then the JPEG, zero-padded to the item (spec §4.6). */
function photoField(template: CardTemplate, jpeg: Uint8Array): Uint8Array {
  if (jpeg.length + 2 > template.photo.length)
    throw hcardError(
      'HCARD_E_PHOTO_INVALID',
      `${jpeg.length} bytes do not fit the ${template.photo.length}-byte field`,
    );
  const field = new Uint8Array(template.photo.length);
  field.set(u16be(jpeg.length));
  field.set(jpeg, 2);
  return field;
}

/** What one card is written with: the template with the card's records, photo and chip serial laid over. */
export function cardFiles(
  template: CardTemplate,
  payload: Uint8Array,
  chipSerial: string,
): Map<string, FileBytes> {
  if (payload[0] !== PAYLOAD_VERSION)
    throw hcardError(
      'HCARD_E_ARG_INVALID',
      `card payload version ${payload[0]} (expected ${PAYLOAD_VERSION})`,
    );
  const files = new Map(template.files);
  const records = new Map<string, Uint8Array[]>();
  const put = (slot: Slot, record: Uint8Array) => {
    let list = records.get(slot.path);
    if (!list) {
      list = [...(template.files.get(slot.path) as { records: readonly Uint8Array[] }).records];
      records.set(slot.path, list);
    }
    list[slot.record - 1] = record;
  };
  let offset = 1;
  for (const slot of template.personal) {
    const length = 2 + (payload[offset + 1] ?? 0);
    put(slot, payload.subarray(offset, offset + length));
    offset += length;
  }
  put(template.chip, encodeTlvRecord(template.chip.item, chipSerial, template.codec));
  for (const [path, list] of records) files.set(path, { records: list });
  if (offset < payload.length) files.set(template.photo.path, { data: payload.subarray(offset) });
  return files;
}

/** Template serialised for the journal (so encode uses exactly what prepare encoded). */
export function serialiseTemplate(template: CardTemplate): Uint8Array {
  const files: Record<string, { records: string[] } | { data: string }> = {};
  for (const [path, f] of template.files)
    files[path] = 'data' in f ? { data: toHex(f.data) } : { records: f.records.map(toHex) };
  return asciiBytes(
    JSON.stringify({
      profile: template.profile.id,
      charset: template.codec.charset,
      personal: template.personal.map((s) => s.item.key),
      files,
    }),
  );
}

export function parseTemplate(bytes: Uint8Array, profile: CardProfile = HEALTH_CARD_PROFILE): CardTemplate {
  const json = JSON.parse(new TextDecoder().decode(bytes)) as {
    profile: string;
    charset: HealthCardSettings['charset'];
    personal: string[];
    files: Record<string, { records: string[] } | { data: string }>;
  };
  if (json.profile !== profile.id)
    throw hcardError(
      'HCARD_E_ARG_INVALID',
      `batch template is for profile ${json.profile}, not ${profile.id}`,
    );
  const files = new Map<string, FileBytes>();
  for (const [path, f] of Object.entries(json.files))
    files.set(path, 'data' in f ? { data: fromHex(f.data) } : { records: f.records.map(fromHex) });
  const photoItem = itemDef(profile, 'photo');
  return {
    profile,
    files,
    personal: json.personal.map((key) => slotOf(profile, key)),
    chip: slotOf(profile, CHIP_ITEM),
    photo: { path: (photoItem.location as { file: string }).file, length: photoItem.length },
    codec: { charset: json.charset },
  };
}

/** The per-card item values a payload holds (reports, read-back checks). */
export function payloadValues(template: CardTemplate, payload: Uint8Array): Record<string, string> {
  const values: Record<string, string> = {};
  let offset = 1;
  for (const slot of template.personal) {
    const length = 2 + (payload[offset + 1] ?? 0);
    values[slot.item.key] = decodeTlvRecord(
      slot.item,
      payload.subarray(offset, offset + length),
      template.codec,
    );
    offset += length;
  }
  return values;
}

/** The batch-wide item values of a template (issuer, dates, city …), decoded. */
export function templateValues(template: CardTemplate): Record<string, string> {
  const values: Record<string, string> = {};
  for (const item of template.profile.items) {
    if (item.location.kind !== 'tlv') continue;
    const file = template.files.get(item.location.file);
    const record = file && 'records' in file ? file.records[item.location.record - 1] : undefined;
    if (record) values[item.key] = decodeTlvRecord(item, record, template.codec);
  }
  return values;
}

/** The JPEG in a card's photo field, when the card has a photo. */
export function photoOf(
  template: CardTemplate,
  files: ReadonlyMap<string, FileBytes>,
): Uint8Array | undefined {
  const file = files.get(template.photo.path);
  if (!file || !('data' in file)) return undefined;
  const length = (file.data[0]! << 8) | file.data[1]!;
  return length > 0 ? file.data.subarray(2, 2 + length) : undefined;
}
