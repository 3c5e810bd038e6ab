/**
 * The test key set's masters recomputed from their documented labels (test-key-set.ts header)
 * with sm-crypto's SM3, independent of card-core: tests compare the key store's output with
 * these, so the store and the documentation cannot drift apart unnoticed.
 */
import { createRequire } from 'node:module';

const smCrypto = createRequire(import.meta.url)('sm-crypto') as { sm3(input: number[]): string };

/** SM3("hcard-test-issuer/1:" ‖ id)[0..16], id a card key, TRANSPORT or CVN. */
export function documentedTestMaster(id: string): Uint8Array {
  const digest = smCrypto.sm3(Array.from(`hcard-test-issuer/1:${id}`, (c) => c.charCodeAt(0)));
  return Uint8Array.from(digest.slice(0, 32).match(/../g)!, (h) => Number.parseInt(h, 16));
}
