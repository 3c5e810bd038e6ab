/**
 * The documented TEST issuer key set (never for real cards). Every key is derived from a
 * public label with SM3, so anyone can recompute it:
 *   symmetric master key of card key K  = SM3("hcard-test-issuer/1:" ‖ K)[0..16]
 *   SM2 private key of role R            = SM3("hcard-test-issuer/1:sm2:" ‖ R)
 * R is 'root' (national/provincial root), 'issuer' (card issuer), 'sam' (the terminal's PSAM).
 * Card keys are these masters diversified with the card's CN and CITY (card-core
 * key-derivation.ts); the PSAM holds the masters.
 */
import {
  asciiBytes,
  type HealthCardSessionOptions,
  type KeyId,
  sm2PublicKeyFromPrivate,
  sm3,
} from '@hcard/card-core';

export const TEST_KEY_SET = 'hcard-test-issuer/1';

/** PIN of the test PSAM (the value the national DLL's test PSAMs use). Never a real PSAM's. */
export const TEST_PSAM_PIN = '123456';

/** Session options for a terminal using the test PSAM (tests, benchmarks, `hcard demo`). */
export const TEST_SESSION_OPTIONS: HealthCardSessionOptions = { settings: { psamPin: TEST_PSAM_PIN } };

/** A source of master keys: the software key store of tests; an HSM can take its place. */
export interface KeyStore {
  readonly id: string;
  /** Master key of a card key, or of the issuer's security-code (CVN) key. */
  masterKey(id: KeyId | 'CVN'): Uint8Array;
  sm2PrivateKey(role: 'root' | 'issuer' | 'sam'): Uint8Array;
}

export const TEST_KEY_STORE: KeyStore = {
  id: TEST_KEY_SET,
  masterKey: (id) => sm3(asciiBytes(`${TEST_KEY_SET}:${id}`)).slice(0, 16),
  sm2PrivateKey: (role) => sm3(asciiBytes(`${TEST_KEY_SET}:sm2:${role}`)),
};

export const testPublicKey = (role: 'root' | 'issuer' | 'sam'): Uint8Array =>
  sm2PublicKeyFromPrivate(TEST_KEY_STORE.sm2PrivateKey(role));
