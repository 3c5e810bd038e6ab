/**
 * A blank card in the reference COS's factory state (architecture §5): every file of the
 * profile exists with its contents zero-filled (TLV records at their item's size, other records
 * at the file's record length, transparent files at their size), no card keys, the transport
 * key diversified from the key store's TRANSPORT master with the chip's CN, the CN in the ATR
 * and a 10-character chip serial, both reproducible from a seed.
 */
import {
  asciiBytes,
  type CardProfile,
  HEALTH_CARD_PROFILE,
  itemsOfFile,
  type KeyStore,
  REFERENCE_COS,
  sm3,
  TRANSPORT_KEY,
  toHex,
} from '@hcard/card-core';
import { TEST_KEY_STORE } from '../keys/test-key-set.js';
import { createRandom } from '../synthetic/random.js';
import { healthCardAtr } from './build-image.js';
import { CARD_IMAGE_FORMAT, type CardImage, type FileImage } from './image-format.js';

export interface BlankCardOptions {
  readonly seed?: number | string;
  readonly keyStore?: KeyStore;
  readonly profile?: CardProfile;
  /** EXTERNAL AUTHENTICATE tries of the transport key. */
  readonly transportTries?: number;
}

const SERIAL_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** The chip serial of a blank card from a seed: 10 uppercase letters and digits, as item 0A. */
export function blankChipSerial(seed: number | string): string {
  const random = createRandom(`blank-chip:${seed}`);
  return Array.from({ length: 10 }, () => SERIAL_ALPHABET[random.int(0, SERIAL_ALPHABET.length - 1)]).join(
    '',
  );
}

/** The chip's card factor: the same function of the serial buildCardImage uses. */
export const chipFactor = (chipSerial: string): Uint8Array =>
  sm3(asciiBytes(`chip:${chipSerial}`)).slice(0, 8);

export function buildBlankCardImage(options: BlankCardOptions = {}): CardImage {
  const profile = options.profile ?? HEALTH_CARD_PROFILE;
  const keyStore = options.keyStore ?? TEST_KEY_STORE;
  const chipSerial = blankChipSerial(options.seed ?? 'blank');
  const cn = chipFactor(chipSerial);
  const fill = REFERENCE_COS.factoryFill;
  const zeros = (n: number) => toHex(new Uint8Array(n).fill(fill));

  const files: Record<string, FileImage> = {};
  for (const file of profile.files) {
    if (file.structure === 'transparent') {
      files[file.path] = { data: zeros(file.size!) };
    } else if (file.structure === 'linear-tlv') {
      // Each TLV record is created at its item's final size: tag ‖ len ‖ value (spec §3.3).
      const sizes = new Map<number, number>();
      for (const item of itemsOfFile(profile, file.path))
        if (item.location.kind === 'tlv') sizes.set(item.location.record, item.length + 2);
      files[file.path] = {
        records: Array.from({ length: file.records! }, (_, i) =>
          zeros(sizes.get(i + 1) ?? file.recordLength!),
        ),
      };
    } else {
      files[file.path] = { records: Array.from({ length: file.records! }, () => zeros(file.recordLength!)) };
    }
  }

  const transport = keyStore.cardKey(
    TRANSPORT_KEY.id,
    TRANSPORT_KEY.factors.map(() => cn),
  );
  return {
    format: CARD_IMAGE_FORMAT,
    profile: profile.id,
    description: 'Blank card, reference COS factory state (test transport key)',
    atr: toHex(healthCardAtr(cn)),
    keySet: keyStore.id,
    lifecycle: 'factory',
    transportKey: { value: toHex(transport), tries: options.transportTries ?? 10 },
    chipSerial,
    keys: {},
    files,
  };
}
