/**
 * SM2 digital signatures per GB/T 32918.2-2016 (GM/T 0003.2) on the recommended 256-bit curve
 * of GB/T 32918.5-2017. `@noble/curves` supplies the point arithmetic only; every step of the
 * signature scheme is written out here, with the clause it implements.
 *
 * Do not replace this with `crypto.sign('sm3', …)` on an SM2-curve EC key: that is ECDSA over
 * the SM2 curve (no Z_A, different equations), which no SM2 verifier accepts
 * (architecture.md §4, §10).
 */
import { weierstrass } from '@noble/curves/abstract/weierstrass.js';
import { bytesToNumberBE, numberToBytesBE } from '@noble/curves/utils.js';
import { asciiBytes, concatBytes, u16be } from '../bytes.js';
import { hcardError } from '../errors.js';
import { sm3 } from './sm3.js';

// GB/T 32918.5-2017 clause 5 (recommended curve parameters): y² = x³ + ax + b over F_p, h = 1.
const P = 0xfffffffeffffffffffffffffffffffffffffffff00000000ffffffffffffffffn;
const A = 0xfffffffeffffffffffffffffffffffffffffffff00000000fffffffffffffffcn;
const B = 0x28e9fa9e9d9f5e344d5a9e4bcf6509a7f39789f515ab8f92ddbcbd414d940e93n;
const N = 0xfffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123n;
const GX = 0x32c4ae2c1f1981195f9904466a39c9948fe30bbff2660be1715a4589334c74c7n;
const GY = 0xbc3736a2f4f6779c59bdcee36b692153d0a9877cc62a474002df32e52139f0a0n;

/** Point type over the SM2 curve. noble's SEC1 point codec (04‖x‖y, 02/03‖x) is the one GB/T 32918.1 clause 4.2.9 uses. */
const Sm2Point = weierstrass({ p: P, n: N, h: 1n, a: A, b: B, Gx: GX, Gy: GY });
type Sm2Point = InstanceType<typeof Sm2Point>;

const FIELD_BYTES = 32;
/** r‖s, each a 32-byte big-endian integer. */
export const SM2_SIGNATURE_LENGTH = 64;
export const SM2_PRIVATE_KEY_LENGTH = 32;
export const SM2_PUBLIC_KEY_LENGTH = 65;
export const SM2_COMPRESSED_PUBLIC_KEY_LENGTH = 33;

/** The default user ID of GB/T 32918.2 Annex A and GM/T 0009: ASCII `1234567812345678`. */
export const SM2_DEFAULT_USER_ID: Uint8Array = asciiBytes('1234567812345678');

/** The curve constants that enter Z_A (GB/T 32918.2 clause 5.5), as 32-byte strings. */
const CURVE_ZA_PREFIX = concatBytes(...[A, B, GX, GY].map(toFieldBytes));

function toFieldBytes(value: bigint): Uint8Array {
  return numberToBytesBE(value, FIELD_BYTES);
}

function mod(value: bigint, modulus: bigint): bigint {
  const r = value % modulus;
  return r < 0n ? r + modulus : r;
}

/** Modular inverse by the extended Euclidean algorithm; `value` must be non-zero mod `modulus`. */
function invert(value: bigint, modulus: bigint): bigint {
  let [oldR, r] = [mod(value, modulus), modulus];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  if (oldR !== 1n) throw hcardError('HCARD_E_INTERNAL', 'value is not invertible');
  return mod(oldS, modulus);
}

/** GB/T 32918.1-2016 clause 6.1: a private key is an integer d in [1, n-2]. */
function privateScalar(privateKey: Uint8Array): bigint {
  if (!(privateKey instanceof Uint8Array) || privateKey.length !== SM2_PRIVATE_KEY_LENGTH) {
    throw hcardError('HCARD_E_KEY_INVALID', `SM2 private key must be ${SM2_PRIVATE_KEY_LENGTH} bytes`);
  }
  const d = bytesToNumberBE(privateKey);
  // n-1 is excluded because signing needs (1 + d)⁻¹ mod n (clause 6.1 A6).
  if (d < 1n || d > N - 2n) throw hcardError('HCARD_E_KEY_INVALID', 'SM2 private key out of range [1, n-2]');
  return d;
}

/**
 * Decodes a 33- or 65-byte public key and validates it per GB/T 32918.1 clause 6.2: not the point
 * at infinity, coordinates in F_p, on the curve, and of order n (noble's `fromBytes` checks all of these).
 */
function publicPoint(publicKey: Uint8Array): Sm2Point {
  if (
    !(publicKey instanceof Uint8Array) ||
    (publicKey.length !== SM2_PUBLIC_KEY_LENGTH && publicKey.length !== SM2_COMPRESSED_PUBLIC_KEY_LENGTH)
  ) {
    throw hcardError('HCARD_E_SM2_POINT_INVALID', 'SM2 public key must be 33 or 65 bytes', {
      length: publicKey?.length,
    });
  }
  try {
    return Sm2Point.fromBytes(publicKey);
  } catch (cause) {
    throw hcardError('HCARD_E_SM2_POINT_INVALID', 'not a point on the SM2 curve', {}, cause);
  }
}

function plain(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The public key P = [d]G (GB/T 32918.1 clause 6.1), uncompressed `04‖x‖y`. */
export function sm2PublicKeyFromPrivate(privateKey: Uint8Array): Uint8Array {
  return plain(Sm2Point.BASE.multiply(privateScalar(privateKey)).toBytes(false));
}

/** A fresh key pair; d is drawn uniformly from [1, n-2] by rejection sampling over `crypto.getRandomValues`. */
export function sm2GenerateKeyPair(): { privateKey: Uint8Array; publicKey: Uint8Array } {
  const privateKey = new Uint8Array(SM2_PRIVATE_KEY_LENGTH);
  for (;;) {
    crypto.getRandomValues(privateKey);
    const d = bytesToNumberBE(privateKey);
    if (d >= 1n && d <= N - 2n) return { privateKey, publicKey: sm2PublicKeyFromPrivate(privateKey) };
  }
}

/** 33-byte compressed form `02/03‖x` of a (33- or 65-byte) public key. */
export function sm2CompressPublicKey(publicKey: Uint8Array): Uint8Array {
  return plain(publicPoint(publicKey).toBytes(true));
}

/** 65-byte uncompressed form `04‖x‖y` of a (33- or 65-byte) public key. */
export function sm2DecompressPublicKey(publicKey: Uint8Array): Uint8Array {
  return plain(publicPoint(publicKey).toBytes(false));
}

/** True when `publicKey` is a valid 33- or 65-byte SM2 public key. */
export function sm2IsValidPublicKey(publicKey: Uint8Array): boolean {
  try {
    publicPoint(publicKey);
    return true;
  } catch {
    return false;
  }
}

function zaOfPoint(point: Sm2Point, userId: Uint8Array): Uint8Array {
  // ENTL_A is the ID length in *bits*, two bytes, so the ID is at most 8191 bytes.
  if (!(userId instanceof Uint8Array) || userId.length * 8 > 0xffff) {
    throw hcardError('HCARD_E_ARG_INVALID', 'SM2 user ID must be at most 8191 bytes');
  }
  // GB/T 32918.2 clause 5.5: Z_A = H256(ENTL_A ‖ ID_A ‖ a ‖ b ‖ x_G ‖ y_G ‖ x_A ‖ y_A).
  return sm3(u16be(userId.length * 8), userId, CURVE_ZA_PREFIX, toFieldBytes(point.x), toFieldBytes(point.y));
}

/** Z_A, the hash of the signer's distinguishing identifier, curve and public key (GB/T 32918.2 clause 5.5). */
export function sm2Za(publicKey: Uint8Array, userId: Uint8Array = SM2_DEFAULT_USER_ID): Uint8Array {
  return zaOfPoint(publicPoint(publicKey), userId);
}

/** The digest e = SM3(Z_A ‖ M) that is actually signed (GB/T 32918.2 clause 6.1 A1–A2, 7.1 B3–B4). */
export function sm2Digest(
  publicKey: Uint8Array,
  message: Uint8Array,
  userId: Uint8Array = SM2_DEFAULT_USER_ID,
): Uint8Array {
  return sm3(sm2Za(publicKey, userId), message);
}

function digestScalar(e: Uint8Array): bigint {
  if (!(e instanceof Uint8Array) || e.length !== FIELD_BYTES) {
    throw hcardError('HCARD_E_ARG_INVALID', `SM2 digest e must be ${FIELD_BYTES} bytes (an SM3 hash)`);
  }
  // Clause 6.1 A4 / 7.1 B7: e is converted to an integer (GB/T 32918.1 clause 4.2.3).
  return bytesToNumberBE(e);
}

export interface Sm2SignOptions {
  /**
   * A fixed ephemeral k, for known-answer tests only: reusing k across two messages reveals the
   * private key. When it leads to r = 0, r + k = n or s = 0 the call fails instead of retrying.
   */
  k?: Uint8Array;
}

/**
 * Signs a precomputed digest e (as a PSAM's SM2 sign-hash command does: the terminal computes
 * e = SM3(Z_A ‖ M) and the SAM signs it). Returns r‖s, 64 bytes.
 */
export function sm2SignDigest(
  privateKey: Uint8Array,
  e: Uint8Array,
  options: Sm2SignOptions = {},
): Uint8Array {
  const d = privateScalar(privateKey);
  const eInt = digestScalar(e);
  const fixedK = options.k === undefined ? undefined : fixedNonce(options.k);
  // (1 + d)⁻¹ does not depend on k: compute it once.
  const inverseOnePlusD = invert(1n + d, N);
  for (;;) {
    // A3: k ∈ [1, n-1], random unless fixed for a known-answer test.
    const k = fixedK ?? randomNonce();
    // A4: (x1, y1) = [k]G.
    const x1 = Sm2Point.BASE.multiply(k).x;
    // A5: r = (e + x1) mod n; back to A3 if r = 0 or r + k = n.
    const r = mod(eInt + x1, N);
    if (r === 0n || r + k === N) {
      if (fixedK !== undefined)
        throw hcardError('HCARD_E_ARG_INVALID', 'the fixed k gives r = 0 or r + k = n');
      continue;
    }
    // A6: s = ((1 + d)⁻¹ · (k − r·d)) mod n; back to A3 if s = 0.
    const s = mod(inverseOnePlusD * mod(k - r * d, N), N);
    if (s === 0n) {
      if (fixedK !== undefined) throw hcardError('HCARD_E_ARG_INVALID', 'the fixed k gives s = 0');
      continue;
    }
    // A7: the signature is (r, s), here as the 64-byte r‖s a PSAM returns.
    return concatBytes(toFieldBytes(r), toFieldBytes(s));
  }
}

function fixedNonce(k: Uint8Array): bigint {
  if (!(k instanceof Uint8Array) || k.length !== FIELD_BYTES) {
    throw hcardError('HCARD_E_ARG_INVALID', `SM2 nonce k must be ${FIELD_BYTES} bytes`);
  }
  const value = bytesToNumberBE(k);
  if (value < 1n || value >= N) throw hcardError('HCARD_E_ARG_INVALID', 'SM2 nonce k out of range [1, n-1]');
  return value;
}

/** Uniform k in [1, n-1] by rejection sampling (n is close to 2^256, so few draws are rejected). */
function randomNonce(): bigint {
  const buffer = new Uint8Array(FIELD_BYTES);
  for (;;) {
    crypto.getRandomValues(buffer);
    const k = bytesToNumberBE(buffer);
    if (k >= 1n && k < N) return k;
  }
}

/** Signs `message` for the signer's own public key and user ID (GB/T 32918.2 clause 6.1). */
export function sm2Sign(
  privateKey: Uint8Array,
  message: Uint8Array,
  options: Sm2SignOptions & { userId?: Uint8Array } = {},
): Uint8Array {
  const publicKey = sm2PublicKeyFromPrivate(privateKey);
  const e = sm2Digest(publicKey, message, options.userId ?? SM2_DEFAULT_USER_ID);
  return sm2SignDigest(privateKey, e, options.k === undefined ? {} : { k: options.k });
}

function verifyWithPoint(point: Sm2Point, e: Uint8Array, signature: Uint8Array): boolean {
  const eInt = digestScalar(e);
  if (!(signature instanceof Uint8Array) || signature.length !== SM2_SIGNATURE_LENGTH) return false;
  const r = bytesToNumberBE(signature.subarray(0, FIELD_BYTES));
  const s = bytesToNumberBE(signature.subarray(FIELD_BYTES));
  // B1, B2: r' and s' must lie in [1, n-1].
  if (r < 1n || r >= N || s < 1n || s >= N) return false;
  // B5: t = (r' + s') mod n; fail if t = 0.
  const t = mod(r + s, N);
  if (t === 0n) return false;
  // B6: (x1', y1') = [s']G + [t]P_A. Public scalars, so the faster variable-time multiply is fine;
  // [s']G uses the cached base-point table.
  const sum = Sm2Point.BASE.multiply(s).add(point.multiplyUnsafe(t));
  if (sum.is0()) return false;
  // B7: R = (e' + x1') mod n; the signature is valid iff R = r'.
  return mod(eInt + sum.x, N) === r;
}

/**
 * Verifies r‖s over a precomputed digest e (GB/T 32918.2 clause 7.1 B1–B2, B5–B7). Returns false
 * for any invalid signature, including a wrong length or r, s out of range; throws only for a
 * malformed public key or a digest that is not 32 bytes.
 */
export function sm2VerifyDigest(publicKey: Uint8Array, e: Uint8Array, signature: Uint8Array): boolean {
  return verifyWithPoint(publicPoint(publicKey), e, signature);
}

/** Verifies r‖s over `message` (GB/T 32918.2 clause 7.1): false for any invalid signature. */
export function sm2Verify(
  publicKey: Uint8Array,
  message: Uint8Array,
  signature: Uint8Array,
  options: { userId?: Uint8Array } = {},
): boolean {
  const point = publicPoint(publicKey);
  // B3–B4: e' = SM3(Z_A ‖ M').
  const e = sm3(zaOfPoint(point, options.userId ?? SM2_DEFAULT_USER_ID), message);
  return verifyWithPoint(point, e, signature);
}
