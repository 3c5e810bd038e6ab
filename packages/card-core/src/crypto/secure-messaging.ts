/**
 * Health-card secure messaging (spec §6.2–§6.5), split into the pure steps both sides share.
 * A terminal does the cipher work in its PSAM (80 DE / 80 FA); the emulated card and PSAM do
 * it with these functions. Independent vectors in the tests anchor both sides.
 *
 *   external authentication:  E = ECB_SK(T ‖ 00×8),  A = E[0..8] ⊕ E[8..16]
 *   SM UPDATE RECORD:         D = L ‖ data ‖ 80 00…,  C = ECB_SK(D)
 *                             H = 04 DC P1 P2 Lc',    Lc' = |C| + 4
 *                             MAC = CBC-MAC_SK(IV 0, pad(H ‖ C))[0..4]
 *                             command = H ‖ C ‖ MAC
 */
import { concatBytes, equalBytes, filled, xorBytes } from '../bytes.js';
import { hcardError } from '../errors.js';
import type { BlockCipher } from './block-cipher.js';
import { cbcMac, MAC_LENGTH } from './mac.js';
import { pad80 } from './padding.js';

/** The 16 bytes a PSAM encrypts for EXTERNAL AUTHENTICATE: T(8) ‖ 00×8 (spec §6.2 step 3). */
export const authInput = (terminalData: Uint8Array): Uint8Array => concatBytes(terminalData, filled(8, 0));

/** Folds the PSAM's 16-byte output into the 8-byte cryptogram A (spec §6.2 step 5). */
export function foldCryptogram(e: Uint8Array): Uint8Array {
  if (e.length !== 16) throw hcardError('HCARD_E_ARG_INVALID', 'cryptogram input must be 16 bytes');
  return xorBytes(e.subarray(0, 8), e.subarray(8, 16));
}

export function externalAuthCryptogram(
  cipher: BlockCipher,
  sessionKey: Uint8Array,
  terminalData: Uint8Array,
): Uint8Array {
  return foldCryptogram(cipher.encryptEcb(sessionKey, authInput(terminalData)));
}

/** Data of EXTERNAL AUTHENTICATE: A(8) ‖ T(8) ‖ 01. The trailing 01's meaning is unknown (spec §6.2). */
export const externalAuthData = (cryptogram: Uint8Array, terminalData: Uint8Array): Uint8Array =>
  concatBytes(cryptogram, terminalData, Uint8Array.of(0x01));

/** D = L ‖ data ‖ 80 00… (spec §6.4 step 3). */
export function smPlaintext(data: Uint8Array): Uint8Array {
  if (data.length > 0xff) throw hcardError('HCARD_E_ARG_INVALID', 'secure-messaging data over 255 bytes');
  return pad80(concatBytes(Uint8Array.of(data.length), data));
}

/** H = CLA INS P1 P2 Lc' for a protected command carrying `cipherLength` bytes plus the MAC. */
export function smHeader(cla: number, ins: number, p1: number, p2: number, cipherLength: number): Uint8Array {
  const lc = cipherLength + MAC_LENGTH;
  if (lc > 0xff) throw hcardError('HCARD_E_ARG_INVALID', 'protected command over 255 bytes');
  return Uint8Array.of(cla, ins, p1, p2, lc);
}

/** The data a MAC is computed over, for the PSAM's 80 FA 05: IV(16 × 00) ‖ pad(H ‖ C). */
export const macInput = (header: Uint8Array, cipherText: Uint8Array): Uint8Array =>
  concatBytes(filled(16, 0), pad80(concatBytes(header, cipherText)));

/** Builds a whole protected command locally (the emulator side and independent checks). */
export function buildSmCommand(
  cipher: BlockCipher,
  sessionKey: Uint8Array,
  header: { cla: number; ins: number; p1: number; p2: number },
  data: Uint8Array | undefined,
): Uint8Array {
  const c = data === undefined ? new Uint8Array() : cipher.encryptEcb(sessionKey, smPlaintext(data));
  const h = smHeader(header.cla, header.ins, header.p1, header.p2, c.length);
  const mi = macInput(h, c);
  const mac = cbcMac(cipher, sessionKey, mi.subarray(0, 16), mi.subarray(16));
  return concatBytes(h, c, mac);
}

/**
 * Card side: checks the MAC of a protected command and decrypts its data.
 * Returns undefined when the MAC is wrong or the plaintext is malformed (the card answers 6988).
 */
export function openSmCommand(
  cipher: BlockCipher,
  sessionKey: Uint8Array,
  header: Uint8Array,
  body: Uint8Array,
): { data: Uint8Array | undefined } | undefined {
  if (body.length < MAC_LENGTH) return undefined;
  const c = body.subarray(0, body.length - MAC_LENGTH);
  const mac = body.subarray(body.length - MAC_LENGTH);
  const mi = macInput(header, c);
  const expected = cbcMac(cipher, sessionKey, mi.subarray(0, 16), mi.subarray(16));
  if (!equalBytes(expected, mac)) return undefined;
  if (c.length === 0) return { data: undefined };
  if (c.length % 16 !== 0) return undefined;
  const d = cipher.decryptEcb(sessionKey, c);
  const len = d[0]!;
  if (1 + len >= d.length || d[1 + len] !== 0x80 || d.subarray(2 + len).some((b) => b !== 0))
    return undefined;
  return { data: d.slice(1, 1 + len) };
}
