/**
 * Card image files for `hcard emulate`: read, parse and validate, so a bad file fails before
 * anything is served; and the holder's name and ID for the (masked) status line.
 */
import { readFileSync } from 'node:fs';
import { decodeTlvRecord, fromHex, HEALTH_CARD_PROFILE, hcardError, itemDef } from '@hcard/card-core';
import {
  type CardImage,
  type ChipImage,
  chipApplications,
  type EmulatedChip,
  loadEmulatedChip,
} from '@hcard/emulator';

/**
 * A card image file (`hcard-card-image/1`, the health application alone) or a chip image
 * (`hcard-chip-image/1`, health + social security + bank or some of them), as a chip to serve.
 */
export function loadCardImage(file: string): {
  card: EmulatedChip;
  health: CardImage | undefined;
  apps: string[];
} {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? 'read failed';
    throw hcardError('HCARD_E_ARG_INVALID', `cannot read the card image ${file} (${reason})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw hcardError('HCARD_E_IMAGE_INVALID', `${file} is not JSON`);
  }
  // Each application validates its section (HCARD_E_IMAGE_INVALID …, naming what is wrong).
  const card = loadEmulatedChip(json);
  const image = json as CardImage | ChipImage;
  const health = 'health' in image ? image.health : (image as CardImage);
  return { card, health: card.health ? health : undefined, apps: chipApplications(image) };
}

/** Name and ID number as stored in the image, or undefined if they cannot be decoded. */
export function imageHolder(image: CardImage): { name: string; idNumber: string } | undefined {
  const value = (key: string) => {
    const item = itemDef(HEALTH_CARD_PROFILE, key);
    if (item.location.kind !== 'tlv') return undefined;
    const file = image.files[item.location.file];
    const record = file && 'records' in file ? file.records[item.location.record - 1] : undefined;
    return record === undefined ? undefined : decodeTlvRecord(item, fromHex(record));
  };
  try {
    const name = value('name');
    const idNumber = value('idNumber');
    return name === undefined || idNumber === undefined ? undefined : { name, idNumber };
  } catch {
    return undefined;
  }
}
