/**
 * What a card is personalised with: the diversified keys of one chip and the bytes of every
 * file. Master keys never appear here: `planKeys` asks the key store for each card key already
 * diversified with this chip's factors. `checkPlan` rejects a plan that does not fit the
 * profile before a single command reaches the card.
 */
import { encodeCn } from '../codecs/cn.js';
import { type KeyStore, TRANSPORT_KEY } from '../crypto/key-store.js';
import { hcardError } from '../errors.js';
import { HEALTH_CARD_PROFILE } from '../profiles/health-card/index.js';
import { DEFAULT_HEALTH_CARD_SETTINGS, type HealthCardSettings } from '../profiles/health-card/settings.js';
import { itemDef } from '../profiles/lookup.js';
import type { CardProfile, KeyId } from '../profiles/types.js';

/** One file's contents, shaped like a card image's `files` entry (bytes instead of hex). */
export type PlanFile = { readonly records: readonly Uint8Array[] } | { readonly data: Uint8Array };

export interface PlanKeys {
  /** The chip these keys were diversified for: its card factor CN (ATR bytes 5–12). */
  readonly cn: Uint8Array;
  /** The transport key of this chip (KeyStore.cardKey('TRANSPORT', [CN])). */
  readonly transportKey: Uint8Array;
  /** Every card key of the profile, diversified (KeyStore.cardKey(id, factors)). */
  readonly keys: Readonly<Partial<Record<KeyId, Uint8Array>>>;
}

export interface PersonalisationPlan extends PlanKeys {
  /** EXTERNAL AUTHENTICATE tries of every loaded key (1–15); default 15. */
  readonly keyTries?: number;
  /**
   * Contents by profile path ('DDF1/EF05'). Record files: records from record 1 (fewer than
   * the file has leaves the rest in the factory state). Transparent files: exactly their size.
   * A file left out keeps its factory contents, except index files, set to FF (spec §9.5).
   */
  readonly files: Readonly<Record<string, PlanFile>>;
}

export const DEFAULT_KEY_TRIES = 15;

/** The diversified keys of a chip, from its CN and the card's city code (GB/T 2260, 6 digits). */
export function planKeys(
  keyStore: KeyStore,
  chip: { readonly cn: Uint8Array; readonly cityCode: string },
  options: { profile?: CardProfile; settings?: Pick<HealthCardSettings, 'cityFactor'> } = {},
): PlanKeys {
  const profile = options.profile ?? HEALTH_CARD_PROFILE;
  const settings = options.settings ?? DEFAULT_HEALTH_CARD_SETTINGS;
  if (chip.cn.length !== 8)
    throw hcardError('HCARD_E_ARG_INVALID', `card factor CN of ${chip.cn.length} bytes`);
  const city = settings.cityFactor(encodeCn(chip.cityCode, itemDef(profile, 'cityCode').length));
  const factors = { CN: chip.cn, CITY: city };
  const keys: Partial<Record<KeyId, Uint8Array>> = {};
  for (const key of profile.keys)
    keys[key.id] = keyStore.cardKey(
      key.id,
      key.factors.map((f) => factors[f]),
    );
  return {
    cn: Uint8Array.from(chip.cn),
    transportKey: keyStore.cardKey(
      TRANSPORT_KEY.id,
      TRANSPORT_KEY.factors.map((f) => factors[f]),
    ),
    keys,
  };
}

const invalid = (detail: string) => hcardError('HCARD_E_ARG_INVALID', `personalisation plan: ${detail}`);

/** Throws HCARD_E_ARG_INVALID naming the key or file that does not fit (never its bytes). */
export function checkPlan(plan: PersonalisationPlan, profile: CardProfile = HEALTH_CARD_PROFILE): void {
  if (plan.cn.length !== 8) throw invalid(`cn has ${plan.cn.length} bytes, expected 8`);
  if (plan.transportKey.length !== 16) throw invalid('the transport key is not 16 bytes');
  for (const key of profile.keys) {
    const value = plan.keys[key.id];
    if (!value) throw invalid(`key ${key.id} is missing`);
    if (value.length !== 16) throw invalid(`key ${key.id} is not 16 bytes`);
  }
  const tries = plan.keyTries ?? DEFAULT_KEY_TRIES;
  if (!Number.isInteger(tries) || tries < 1 || tries > 15) throw invalid(`keyTries ${tries} outside 1–15`);
  for (const [path, contents] of Object.entries(plan.files)) {
    const def = profile.files.find((f) => f.path === path);
    if (!def) throw invalid(`${path} is not a file of ${profile.id}`);
    if (def.structure === 'transparent') {
      if (!('data' in contents)) throw invalid(`${path} is transparent: give { data }`);
      if (contents.data.length !== def.size) throw invalid(`${path} needs ${def.size} bytes`);
      continue;
    }
    if (!('records' in contents)) throw invalid(`${path} is a record file: give { records }`);
    if (contents.records.length > def.records!) throw invalid(`${path} has only ${def.records} records`);
    for (const [i, record] of contents.records.entries()) {
      const fixed = def.structure !== 'linear-tlv';
      if (
        record.length === 0 ||
        record.length > def.recordLength! ||
        (fixed && record.length !== def.recordLength)
      )
        throw invalid(
          `${path} record ${i + 1} has ${record.length} bytes, expected ${fixed ? '' : 'at most '}${def.recordLength}`,
        );
    }
  }
}
