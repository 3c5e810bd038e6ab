/**
 * The social-security back end's HSM (加密机) for iReadCardBas_HSM_Step1/Step2 (spec A.7), as
 * the reference COS defines the cryptograms (card-core ssse-security.ts): from a step-1 string
 * it derives the card's IKSSSE and RKSSSE keys from the masters and the 卡识别码 and answers
 * pKey = expected internal result (16 hex) ‖ 16 × "0" ‖ external cryptogram (32 hex). For a card
 * that is not 3.0 (no random values in step 1) pKey does not matter: it answers 64 × "0".
 */
import {
  fromHex,
  type HsmStep1Fields,
  parseHsmStep1String,
  ssseExternalCryptogram,
  ssseInternalAuthResult,
  toHex,
} from '@hcard/card-core';
import { type SsseKeySource, TEST_SSSE_KEYS } from '../keys/test-key-set.js';

export function emulatedHsmPKey(
  step1: string | HsmStep1Fields,
  keys: SsseKeySource = TEST_SSSE_KEYS,
): string {
  const f = typeof step1 === 'string' ? parseHsmStep1String(step1) : step1;
  if (f.internalFactor === '') return '0'.repeat(64);
  const id = fromHex(f.cardIdCode);
  const internal = ssseInternalAuthResult(
    keys.cardKey('IKSSSE', id),
    fromHex(f.internalFactor),
    fromHex(f.internalData),
  );
  const external = ssseExternalCryptogram(
    keys.cardKey('RKSSSE', id),
    fromHex(f.externalFactor),
    fromHex(f.externalData),
  );
  return `${toHex(internal)}${'0'.repeat(16)}${toHex(external)}`;
}
