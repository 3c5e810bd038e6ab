/**
 * An independent reference for the health card's symmetric crypto, for tests only.
 *
 * Built on nothing of ours: the only primitive is the SM4 block function of the npm package
 * `sm-crypto` 0.5.8 (a pure-JS SM4, unrelated to the OpenSSL SM4 our code uses), and everything
 * above it is written here from the spec text (spec §6.2–§6.5, §6.11), not from our sources:
 *
 *   pad80(x)          x ‖ 80 ‖ 00… to a multiple of 16, always appended      (ISO/IEC 9797-1 method 2)
 *   cbcMac(K, IV, x)  CBC over whole blocks, first 4 bytes of the last block  (spec §6.4 step 7)
 *   diversify(K, f)   E_K(f ‖ ~f)                                             (spec §6.11)
 *   card key          1 level: diversify(master, CN);
 *                     2 levels: diversify(diversify(master, CITY), CN)        (factors CN ‖ CITY, last first)
 *   session key       diversify(card key, challenge)
 *   cryptogram A      E = ECB_SK(T ‖ 00×8), A = E[0..8] ⊕ E[8..16]            (spec §6.2 steps 3–5)
 *   SM command        D = L ‖ data ‖ 80 00…, C = ECB_SK(D), H = CLA INS P1 P2 (|C|+4),
 *                     MAC = cbcMac(SK, 00×16, pad80(H ‖ C)), command = H ‖ C ‖ MAC   (spec §6.4)
 *
 * Not a `.test.ts` file, so Vitest does not run it as a suite; both crypto test files import it.
 */
import { createRequire } from 'node:module';

/** The part of sm-crypto 0.5.8 used here (the package ships no type declarations). */
interface SmCryptoSm4 {
  encrypt(
    input: number[],
    key: number[],
    options: { padding: 'none'; mode: 'ecb'; output: 'array' },
  ): number[];
}

// Byte arrays are passed as plain arrays: sm-crypto reads a *string* input to encrypt as UTF-8.
const smCrypto = createRequire(import.meta.url)('sm-crypto') as { sm4: SmCryptoSm4 };

// ---- byte helpers (our own, so the reference does not lean on card-core's bytes.ts) ----------

export function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase();
}

export function unhex(text: string): Uint8Array {
  const clean = text.replace(/\s+/g, '');
  if (!/^([0-9a-fA-F]{2})*$/.test(clean)) throw new Error(`bad hex: ${text}`);
  return Uint8Array.from(clean.match(/../g) ?? [], (pair) => Number.parseInt(pair, 16));
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

export function xor(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length !== b.length) throw new Error('xor of unequal lengths');
  return a.map((x, i) => x ^ b[i]!);
}

export const ascii = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));

// ---- the reference -----------------------------------------------------------------------------

/** SM4-ECB over whole 16-byte blocks, by sm-crypto. */
export function refSm4Ecb(key: Uint8Array, data: Uint8Array): Uint8Array {
  if (key.length !== 16 || data.length % 16 !== 0) throw new Error('SM4-ECB needs a 16-byte key and blocks');
  return Uint8Array.from(
    smCrypto.sm4.encrypt(Array.from(data), Array.from(key), {
      padding: 'none',
      mode: 'ecb',
      output: 'array',
    }),
  );
}

/** ISO/IEC 9797-1 padding method 2 to 16 bytes: 80 is always appended. */
export function refPad80(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(16 * Math.ceil((data.length + 1) / 16));
  out.set(data);
  out[data.length] = 0x80;
  return out;
}

/** CBC-MAC with a 16-byte IV over already padded data, truncated to 4 bytes. */
export function refCbcMac(key: Uint8Array, iv: Uint8Array, padded: Uint8Array): Uint8Array {
  if (iv.length !== 16 || padded.length === 0 || padded.length % 16 !== 0) throw new Error('bad MAC input');
  let chain = iv;
  for (let i = 0; i < padded.length; i += 16) chain = refSm4Ecb(key, xor(chain, padded.slice(i, i + 16)));
  return chain.slice(0, 4);
}

/** One diversification level: E_K(f ‖ ~f) for an 8-byte factor f. */
export function refDiversify(parent: Uint8Array, factor: Uint8Array): Uint8Array {
  if (factor.length !== 8) throw new Error('factor must be 8 bytes');
  return refSm4Ecb(
    parent,
    concat(
      factor,
      factor.map((b) => ~b & 0xff),
    ),
  );
}

/**
 * The card's key from a master key: 1 level (PSAM usage 0x27/0x28) diversifies with CN only;
 * 2 levels (0x47/0x48) first with CITY, then with CN (master → CITY → CN).
 */
export function refCardKey(master: Uint8Array, cn: Uint8Array, city?: Uint8Array): Uint8Array {
  return city === undefined ? refDiversify(master, cn) : refDiversify(refDiversify(master, city), cn);
}

export const refSessionKey = (cardKey: Uint8Array, challenge: Uint8Array): Uint8Array =>
  refDiversify(cardKey, challenge);

/** A = E[0..8] ⊕ E[8..16] with E = ECB_SK(T ‖ 00×8). */
export function refCryptogram(sessionKey: Uint8Array, terminalData: Uint8Array): Uint8Array {
  if (terminalData.length !== 8) throw new Error('T must be 8 bytes');
  const e = refSm4Ecb(sessionKey, concat(terminalData, new Uint8Array(8)));
  return xor(e.slice(0, 8), e.slice(8, 16));
}

/** H ‖ C ‖ MAC; without data (the index-file writes) just H ‖ MAC with Lc' = 4. */
export function refSmCommand(
  sessionKey: Uint8Array,
  header: { cla: number; ins: number; p1: number; p2: number },
  data: Uint8Array | undefined,
): Uint8Array {
  let c: Uint8Array = new Uint8Array(0);
  if (data !== undefined) {
    if (data.length > 255) throw new Error('L is one byte');
    c = refSm4Ecb(sessionKey, refPad80(concat(Uint8Array.of(data.length), data)));
  }
  const h = Uint8Array.of(header.cla, header.ins, header.p1, header.p2, c.length + 4);
  const mac = refCbcMac(sessionKey, new Uint8Array(16), refPad80(concat(h, c)));
  return concat(h, c, mac);
}

/** The 17-byte EXTERNAL AUTHENTICATE data A ‖ T ‖ 01 (spec §6.2 step 6). */
export const refExternalAuthData = (sessionKey: Uint8Array, terminalData: Uint8Array): Uint8Array =>
  concat(refCryptogram(sessionKey, terminalData), terminalData, Uint8Array.of(0x01));

/**
 * Security code as documented in security-code.ts (our format, not public): CBC-MAC (IV 0) over
 * pad80(ASCII card number ‖ BCD issue date ‖ BCD expiry date), the 8 hex digits decimalised:
 * digits 0–9 in order first, then the letters A–F as 0–5 in order; the first three.
 */
export function refSecurityCode(
  key: Uint8Array,
  cardNumber: string,
  issueDate: string,
  expiryDate: string,
): string {
  if (!/^\d{8}$/.test(issueDate) || !/^\d{8}$/.test(expiryDate)) throw new Error('dates are YYYYMMDD');
  // Eight decimal digits in packed BCD are the same characters read as hex.
  const data = concat(ascii(cardNumber), unhex(issueDate), unhex(expiryDate));
  const macHex = hex(refCbcMac(key, new Uint8Array(16), refPad80(data)));
  const digits = macHex.replace(/[A-F]/g, '');
  const letters = macHex
    .replace(/[0-9]/g, '')
    .replace(/[A-F]/g, (letter) => String('ABCDEF'.indexOf(letter)));
  return (digits + letters).slice(0, 3);
}

/**
 * Spec §6.8 key table (DLL key ids), copied from the spec text rather than from keys.ts: card
 * reference (EXTERNAL AUTHENTICATE P2), PSAM index / usage (80 DE P2 / P1) and the number of
 * diversification levels (1 = CN, 2 = CN ‖ CITY).
 */
export const SPEC_KEY_TABLE = {
  RK_DDF1: { cardRef: 0x04, psamIndex: 0x31, psamUsage: 0x47, levels: 2 },
  RK_DF01: { cardRef: 0x84, psamIndex: 0x32, psamUsage: 0x47, levels: 2 },
  RK_DF02: { cardRef: 0x84, psamIndex: 0x33, psamUsage: 0x47, levels: 2 },
  RK_DF03: { cardRef: 0x84, psamIndex: 0x34, psamUsage: 0x47, levels: 2 },
  UK_DDF1: { cardRef: 0x05, psamIndex: 0x2a, psamUsage: 0x27, levels: 1 },
  UK_DF01: { cardRef: 0x85, psamIndex: 0x2b, psamUsage: 0x27, levels: 1 },
  UK_DF02_1: { cardRef: 0x85, psamIndex: 0x2c, psamUsage: 0x47, levels: 2 },
  UK_DF02_2: { cardRef: 0x86, psamIndex: 0x2d, psamUsage: 0x47, levels: 2 },
  UK_DF02_3: { cardRef: 0x87, psamIndex: 0x2e, psamUsage: 0x47, levels: 2 },
  UK_DF03_1: { cardRef: 0x85, psamIndex: 0x2f, psamUsage: 0x47, levels: 2 },
  UK_DF03_2: { cardRef: 0x86, psamIndex: 0x30, psamUsage: 0x27, levels: 1 },
  STK_DDF1: { cardRef: undefined, psamIndex: 0x02, psamUsage: 0x28, levels: 1 },
  STK_DF01: { cardRef: undefined, psamIndex: 0x03, psamUsage: 0x28, levels: 1 },
  STK_DF02: { cardRef: undefined, psamIndex: 0x04, psamUsage: 0x48, levels: 2 },
  STK_DF03: { cardRef: undefined, psamIndex: 0x05, psamUsage: 0x48, levels: 2 },
} as const;

export type SpecKeyId = keyof typeof SPEC_KEY_TABLE;

/** The card's key `id` from its master key, with the levels of the spec table. */
export const refCardKeyOf = (
  id: SpecKeyId,
  master: Uint8Array,
  cn: Uint8Array,
  city: Uint8Array,
): Uint8Array => (SPEC_KEY_TABLE[id].levels === 2 ? refCardKey(master, cn, city) : refCardKey(master, cn));
