/**
 * Builds card and PSAM images from a synthetic resident and a key store: every file of the
 * profile encoded with the same record codecs the reader uses, card keys diversified from the
 * key store's masters, issuer/SAM certificates issued under the key store's root, the security
 * code derived from the issuer's CVN key, and signed encounter records.
 */
import {
  asciiBytes,
  assembleSignedEncounter,
  type CardProfile,
  concatBytes,
  DEFAULT_HEALTH_CARD_SETTINGS,
  encodeCertificateTbs,
  encodeCn,
  encodeEncounter,
  encodeRawRecord,
  encodeTlvRecord,
  encounterDigest,
  fromHex,
  HEALTH_CARD_PROFILE,
  type HealthCardSettings,
  INDEX_FILE,
  ISSUER_CERTIFICATE_FIELD_SIZE,
  issueCertificate,
  itemDef,
  itemsOfFile,
  type KeyId,
  type KeyStore,
  type LayoutId,
  SAM_CERTIFICATE_FIELD_SIZE,
  SSSE_KEY_IDS,
  SSSE_SECURITY,
  type SsseKeyId,
  sm2PublicKeyFromPrivate,
  sm2SignDigest,
  sm3,
  toHex,
  u16be,
} from '@hcard/card-core';
import {
  type PsamKeySource,
  type SsseKeySource,
  TEST_KEY_STORE,
  TEST_PSAM_PIN,
  TEST_SSSE_KEYS,
} from '../keys/test-key-set.js';
import { generateEncounter } from '../synthetic/encounters.js';
import { createRandom } from '../synthetic/random.js';
import { generateResident, type SyntheticResident } from '../synthetic/resident.js';
import {
  CARD_IMAGE_FORMAT,
  type CardImage,
  type FileImage,
  PSAM_IMAGE_FORMAT,
  type PsamImage,
} from './image-format.js';

export interface BuildCardOptions {
  readonly profile?: CardProfile;
  readonly settings?: HealthCardSettings;
  readonly keyStore?: KeyStore;
  /** EXTERNAL AUTHENTICATE tries per key. */
  readonly keyTries?: number;
  /** How many encounter records to fill (signed), from record 1. */
  readonly encounters?: Partial<Record<LayoutId, number>>;
  /** Seed for the encounter contents. */
  readonly seed?: number | string;
}

/**
 * Test images are reproducible: their SM2 signatures use k = SM3(label ‖ d ‖ signed bytes),
 * unique per key and message, instead of a random k. Verifiers cannot tell the difference.
 */
const deterministicK = (privateKey: Uint8Array, signed: Uint8Array) => ({
  k: sm3(asciiBytes('hcard test image k'), privateKey, signed),
});

/** Validity of the test certificates. */
const CERT_VALIDITY = { notBefore: '20200101', notAfter: '20391231' } as const;

/** ATR with the 8-byte card factor CN at bytes 5–12 (spec §2): T0=6C (TB1, TC1, 12 historical bytes). */
export function healthCardAtr(cn: Uint8Array): Uint8Array {
  return concatBytes(Uint8Array.of(0x3b, 0x6c, 0x00, 0x00, 0x00), cn, Uint8Array.of(0x07, 0x90, 0x00));
}

const CERTIFICATE_CHAIN = {
  issuer: { signer: 'root', issuerId: 'ROOT', subjectId: 'ISSUER', fieldSize: ISSUER_CERTIFICATE_FIELD_SIZE },
  sam: { signer: 'issuer', issuerId: 'ISSUER', subjectId: 'SAM0001', fieldSize: SAM_CERTIFICATE_FIELD_SIZE },
} as const;

const publicKeyOf = (keyStore: KeyStore, role: 'root' | 'issuer' | 'sam') =>
  sm2PublicKeyFromPrivate(keyStore.sm2PrivateKey(role));

/** The issuer certificate (signed by the root) or the PSAM's certificate (signed by the issuer). */
export function testCertificate(role: 'issuer' | 'sam', keyStore: KeyStore = TEST_KEY_STORE): Uint8Array {
  const chain = CERTIFICATE_CHAIN[role];
  const fields = {
    serial: sm3(asciiBytes(`${keyStore.id}:${role}-cert`)).slice(0, 8),
    issuerId: asciiBytes(chain.issuerId),
    subjectId: asciiBytes(chain.subjectId),
    role,
    ...CERT_VALIDITY,
    publicKey: publicKeyOf(keyStore, role),
  };
  const signer = keyStore.sm2PrivateKey(chain.signer);
  return issueCertificate(
    fields,
    signer,
    chain.fieldSize,
    deterministicK(signer, encodeCertificateTbs(fields)),
  );
}

/** An encounter file signed with the key store's SAM key, as a terminal would write it. */
export function signedEncounter(
  profile: CardProfile,
  kind: LayoutId,
  values: Record<string, string>,
  keyStore: KeyStore = TEST_KEY_STORE,
): Uint8Array {
  const data = encodeEncounter(profile, kind, values);
  const sam = keyStore.sm2PrivateKey('sam');
  const e = encounterDigest(publicKeyOf(keyStore, 'sam'), data);
  const signature = sm2SignDigest(sam, e, deterministicK(sam, e));
  return assembleSignedEncounter(data, signature, testCertificate('sam', keyStore));
}

export interface BuiltCard {
  readonly image: CardImage;
  readonly resident: SyntheticResident;
  /** What the card holds, as a reader should return it (item key → value). */
  readonly items: Readonly<Record<string, string>>;
  readonly encounters: Readonly<Record<LayoutId, readonly Record<string, string>[]>>;
}

export function buildCardImage(resident: SyntheticResident, options: BuildCardOptions = {}): BuiltCard {
  const profile = options.profile ?? HEALTH_CARD_PROFILE;
  const settings = options.settings ?? DEFAULT_HEALTH_CARD_SETTINGS;
  const keyStore = options.keyStore ?? TEST_KEY_STORE;
  const random = createRandom(options.seed ?? resident.items.idNumber ?? 'card');
  const items: Record<string, string> = {
    ...resident.items,
    issuerCertificate: toHex(testCertificate('issuer', keyStore)),
  };
  items.securityCode = keyStore.securityCode({
    cardNumber: items.cardNumber!,
    issueDate: items.issueDate!,
    expiryDate: items.expiryDate!,
  });

  const cn = sm3(asciiBytes(`chip:${items.chipSerial}`)).slice(0, 8);
  const city = settings.cityFactor(encodeCn(items.cityCode!, itemDef(profile, 'cityCode').length));
  const factors = { CN: cn, CITY: city };

  const files: Record<string, FileImage> = {};
  for (const file of profile.files) {
    const records = (n: number, fill = 0x00) =>
      Array.from({ length: n }, () => toHex(new Uint8Array(file.recordLength!).fill(fill)));
    switch (file.structure) {
      case 'linear-tlv': {
        const byRecord = itemsOfFile(profile, file.path)
          .filter((i) => i.location.kind === 'tlv')
          .sort(
            (a, b) => (a.location as { record: number }).record - (b.location as { record: number }).record,
          );
        files[file.path] = {
          records: byRecord.map((i) => toHex(encodeTlvRecord(i, items[i.key] ?? '', settings))),
        };
        break;
      }
      case 'cyclic': {
        const list = file.path.endsWith('EF07')
          ? resident.allergies.map((a) => ({ allergySubstance: a.substance, allergyReaction: a.reaction }))
          : resident.immunisations.map((m) => ({ immunisationName: m.name, immunisationDate: m.date }));
        const encoded = list.map((v) => toHex(encodeRawRecord(profile, file.path, v, settings)));
        files[file.path] = { records: [...encoded, ...records(file.records! - encoded.length)] };
        break;
      }
      case 'linear-raw':
        files[file.path] = { records: records(file.records!, 0xff) };
        break;
      case 'transparent':
        files[file.path] = { data: toHex(new Uint8Array(file.size!)) };
    }
  }

  const photo = new Uint8Array(itemDef(profile, 'photo').length);
  photo.set(concatBytes(u16be(resident.photo.length), resident.photo));
  files['DDF1/EF07'] = { data: toHex(photo) };

  const encounters: Record<LayoutId, Record<string, string>[]> = { inpatient: [], outpatient: [] };
  for (const kind of ['inpatient', 'outpatient'] as const) {
    const count = options.encounters?.[kind] ?? (kind === 'inpatient' ? 1 : 2);
    const encounterFiles = profile.files.filter((f) => f.layout === kind);
    const flags = encounterFiles.map(() => 'FF');
    for (let n = 1; n <= Math.min(count, encounterFiles.length); n++) {
      const values = generateEncounter(kind, random.fork(`${kind}${n}`), profile);
      encounters[kind].push(values);
      files[encounterFiles[n - 1]!.path] = { data: toHex(signedEncounter(profile, kind, values, keyStore)) };
      flags[n - 1] = '00';
    }
    files[INDEX_FILE[kind]] = { records: flags };
  }

  const tries = options.keyTries ?? 15;
  const keys: Partial<Record<KeyId, { value: string; tries: number }>> = {};
  for (const key of profile.keys) {
    const value = keyStore.cardKey(
      key.id,
      key.factors.map((f) => factors[f]),
    );
    keys[key.id] = { value: toHex(value), tries };
  }

  const image: CardImage = {
    format: CARD_IMAGE_FORMAT,
    profile: profile.id,
    description: 'Synthetic resident health card (test data, test keys)',
    atr: toHex(healthCardAtr(cn)),
    keySet: keyStore.id,
    keys,
    files,
  };
  return { image, resident, items, encounters };
}

/** A synthetic card from a seed: resident, photo, encounters and keys. */
export function generateCard(seed: number | string, options: BuildCardOptions = {}): BuiltCard {
  return buildCardImage(generateResident(seed), { seed, ...options });
}

/**
 * A PSAM holding the key store's master keys, certificates and signing key. The only caller of
 * `exportPsamMasters`: an emulated PSAM is itself a key store.
 */
export function buildPsamImage(
  options: {
    keyStore?: PsamKeySource;
    profile?: CardProfile;
    pin?: string;
    /** SSSE masters at their SSSE_SECURITY slots; the test ones with the test store, null = none. */
    ssseKeys?: SsseKeySource | null;
  } = {},
): PsamImage {
  const keyStore = options.keyStore ?? TEST_KEY_STORE;
  const profile = options.profile ?? HEALTH_CARD_PROFILE;
  const serial = sm3(asciiBytes(`${keyStore.id}:psam`)).slice(0, 10);
  const masters = keyStore.exportPsamMasters(profile.keys.map((k) => k.id));
  const ssseKeys =
    options.ssseKeys === undefined ? (keyStore === TEST_KEY_STORE ? TEST_SSSE_KEYS : null) : options.ssseKeys;
  const ssseMasters = ssseKeys?.exportPsamMasters(SSSE_KEY_IDS);
  return {
    format: PSAM_IMAGE_FORMAT,
    description: 'Synthetic health-card PSAM (test keys)',
    atr: '3B6900004843534D303031',
    pin: options.pin ?? TEST_PSAM_PIN,
    pinTries: 3,
    files: {
      // IF2012 附录A: serial(10) version key-card-type command-set-version issuer-FCI
      '0015': toHex(concatBytes(serial, Uint8Array.of(0x01, 0x01, 0x01, 0x00))),
      // terminal number: province, city, issuer, 3-byte serial
      '0016': '410100000001',
      // national key index, issuer id, receiver id, start and expiry dates
      '001A': toHex(
        concatBytes(
          Uint8Array.of(0x01),
          fromHex('4101000000000001'),
          fromHex('4101000000000002'),
          encodeCn(CERT_VALIDITY.notBefore, 4),
          encodeCn(CERT_VALIDITY.notAfter, 4),
        ),
      ),
      '001B': toHex(testCertificate('issuer', keyStore)),
      '001C': toHex(testCertificate('sam', keyStore)),
    },
    keys: [
      ...profile.keys.map((k) => ({
        index: k.psamIndex,
        usage: k.psamUsage,
        value: toHex(masters.get(k.id)!),
      })),
      ...(ssseMasters ? ssseKeySlots(ssseMasters) : []),
    ],
    signingKey: toHex(keyStore.sm2PrivateKey('sam')),
  };
}

/** The SSSE masters at every algorithm's slots of SSSE_SECURITY. */
const ssseKeySlots = (masters: ReadonlyMap<SsseKeyId, Uint8Array>) =>
  Object.values(SSSE_SECURITY.psamKeys).flatMap((slots) =>
    SSSE_KEY_IDS.map((id) => ({
      index: slots[id].psamIndex,
      usage: slots[id].psamUsage,
      value: toHex(masters.get(id)!),
    })),
  );
