/**
 * The documented TEST issuer key set (never for real cards). Every key is derived from a
 * public label with SM3, so anyone can recompute it:
 *   symmetric master key of card key K  = SM3("hcard-test-issuer/1:" ‖ K)[0..16]
 *   SM2 private key of role R            = SM3("hcard-test-issuer/1:sm2:" ‖ R)
 * K is a profile key (RK_DDF1 …), TRANSPORT (the reference COS's factory key, 1 level, CN) or
 * CVN (the security-code key). R is 'root', 'issuer' or 'sam' (the terminal's PSAM).
 * Card keys are these masters diversified with the card's CN and CITY (card-core
 * key-derivation.ts); callers get them through the KeyStore interface, never the masters.
 */
import {
  asciiBytes,
  type HealthCardSessionOptions,
  type KeyId,
  type KeyStore,
  type MasterKeySource,
  type Sm2Role,
  type SsseKeyId,
  sm2PublicKeyFromPrivate,
  sm3,
  softwareKeyStore,
  ssseCardKey,
} from '@hcard/card-core';

export const TEST_KEY_SET = 'hcard-test-issuer/1';

/** PIN of the test PSAM (the value the national DLL's test PSAMs use). Never a real PSAM's. */
export const TEST_PSAM_PIN = '123456';

/** Session options for a terminal using the test PSAM (tests, benchmarks, `hcard demo`). */
export const TEST_SESSION_OPTIONS: HealthCardSessionOptions = { settings: { psamPin: TEST_PSAM_PIN } };

/**
 * A key store that can also fill an emulated PSAM. A PSAM *is* a key store (it holds the
 * masters and diversifies on the card's behalf), so building its image is the one place masters
 * leave a store: `exportPsamMasters` exists for `buildPsamImage` only and is not part of the
 * KeyStore interface that issuance sees.
 */
export interface PsamKeySource extends KeyStore {
  exportPsamMasters(ids: readonly KeyId[]): ReadonlyMap<KeyId, Uint8Array>;
}

const testMasterKey: MasterKeySource = (id) => sm3(asciiBytes(`${TEST_KEY_SET}:${id}`)).slice(0, 16);
const testSm2PrivateKey = (role: Sm2Role) => sm3(asciiBytes(`${TEST_KEY_SET}:sm2:${role}`));

export const TEST_KEY_STORE: PsamKeySource = {
  ...softwareKeyStore({ id: TEST_KEY_SET, masterKey: testMasterKey, sm2PrivateKey: testSm2PrivateKey }),
  exportPsamMasters: (ids) => new Map(ids.map((id) => [id, testMasterKey(id)])),
};

export const testPublicKey = (role: Sm2Role): Uint8Array =>
  sm2PublicKeyFromPrivate(TEST_KEY_STORE.sm2PrivateKey(role));

/**
 * The SSSE application's keys (card-core ssse-security.ts: RKSSSE for external, IKSSSE for
 * internal authentication) by the same label rule, SM3("hcard-test-issuer/1:" ‖ id)[0..16].
 * Apart from TEST_KEY_STORE, whose KeyStore interface knows the health-card keys only.
 */
export interface SsseKeySource {
  readonly id: string;
  /** The card's key `id`, diversified with its 卡识别码 as the PSAM does. */
  cardKey(id: SsseKeyId, cardIdCode: Uint8Array): Uint8Array;
  /** The masters, for an emulated PSAM (`buildPsamImage`) and an emulated HSM only. */
  exportPsamMasters(ids: readonly SsseKeyId[]): ReadonlyMap<SsseKeyId, Uint8Array>;
}

const testSsseMaster = (id: SsseKeyId) => sm3(asciiBytes(`${TEST_KEY_SET}:${id}`)).slice(0, 16);

export const TEST_SSSE_KEYS: SsseKeySource = {
  id: TEST_KEY_SET,
  cardKey: (id, cardIdCode) => ssseCardKey(testSsseMaster(id), cardIdCode),
  exportPsamMasters: (ids) => new Map(ids.map((id) => [id, testSsseMaster(id)])),
};
