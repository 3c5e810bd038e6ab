/**
 * The key-store seam (architecture §3): issuance, the emulator's image builders and (through a
 * PSAM) terminals get what they need from master keys through this interface, never the
 * masters themselves. A software store serves tests; a PKCS#11 or network HSM implements the
 * same three operations later.
 */
import type { KeyId } from '../profiles/types.js';
import { DEFAULT_DERIVATION, deriveCardKey, type KeyDerivation } from './key-derivation.js';
import { deriveSecurityCode, deriveSecurityCodes, type SecurityCodeInput } from './security-code.js';

/**
 * The reference COS's transport (factory) key: loaded by the chip maker, diversified one level
 * with the card factor CN, it opens personalisation and protects key loading.
 */
export const TRANSPORT_KEY = { id: 'TRANSPORT', factors: ['CN'] } as const;

/** A card key of the profile, or the transport key. */
export type CardKeyId = KeyId | typeof TRANSPORT_KEY.id;

export type Sm2Role = 'root' | 'issuer' | 'sam';

export interface KeyStore {
  /** Which key set this is (written into images, never secret). */
  readonly id: string;
  /** The card key `id` diversified with `factors` in PSAM command order (CN first, spec §6.8). */
  cardKey(id: CardKeyId, factors: readonly Uint8Array[]): Uint8Array;
  /** The three-digit 安全码 of a card, from the issuer's CVN key. */
  securityCode(card: SecurityCodeInput): string;
  /** The same for many cards in one call (batch issuance; equal to `securityCode` per card). */
  securityCodes(cards: readonly SecurityCodeInput[]): string[];
  /** SM2 private keys for certificates and record signing (to become `sign` with an HSM). */
  sm2PrivateKey(role: Sm2Role): Uint8Array;
}

/** Where a software store's masters come from: a function the store closes over and never returns. */
export type MasterKeySource = (id: CardKeyId | 'CVN') => Uint8Array;

/** A key store holding its masters in memory (tests, development stations). */
export function softwareKeyStore(options: {
  readonly id: string;
  readonly masterKey: MasterKeySource;
  readonly sm2PrivateKey: (role: Sm2Role) => Uint8Array;
  readonly derivation?: KeyDerivation;
}): KeyStore {
  const derivation = options.derivation ?? DEFAULT_DERIVATION;
  return {
    id: options.id,
    cardKey: (id, factors) => deriveCardKey(derivation, options.masterKey(id), factors),
    securityCode: (card) => deriveSecurityCode(options.masterKey('CVN'), card, derivation.cipher),
    securityCodes: (cards) => deriveSecurityCodes(options.masterKey('CVN'), cards, derivation.cipher),
    sm2PrivateKey: options.sm2PrivateKey,
  };
}
