import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asciiBytes, fromHex, toHex } from '../bytes.js';
import { HcardError } from '../errors.js';
import {
  SM2_DEFAULT_USER_ID,
  sm2CompressPublicKey,
  sm2DecompressPublicKey,
  sm2Digest,
  sm2GenerateKeyPair,
  sm2IsValidPublicKey,
  sm2PublicKeyFromPrivate,
  sm2Sign,
  sm2SignDigest,
  sm2Verify,
  sm2VerifyDigest,
  sm2Za,
} from './sm2.js';

/** The part of sm-crypto 0.5.8 used here (the package ships no type declarations). */
interface SmCryptoSm2 {
  getPublicKeyFromPrivateKey(privateKeyHex: string): string;
  doSignature(
    message: string | ArrayLike<number>,
    privateKeyHex: string,
    options: { hash: boolean; der: boolean; userId?: string; publicKey?: string },
  ): string;
  doVerifySignature(
    message: string | ArrayLike<number>,
    signatureHex: string,
    publicKeyHex: string,
    options: { hash: boolean; der: boolean; userId?: string },
  ): boolean;
}
// An independent pure-JS SM2 (jsbn), loaded through require so no ambient module declaration is
// needed. With `hash: true` it computes e = SM3(Z_A ‖ M) itself; a string message is taken as UTF-8.
const smCrypto = createRequire(import.meta.url)('sm-crypto') as { sm2: SmCryptoSm2 };

const N = 0xfffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123n;
const hex32 = (n: bigint): string => n.toString(16).padStart(64, '0');
const bytes32 = (n: bigint): Uint8Array => fromHex(hex32(n));

/** GB/T 32918.2-2016 Annex A (example of a digital signature on the recommended 256-bit curve). */
const ANNEX_A = {
  d: fromHex('3945208F7B2144B13F36E38AC6D39F95889393692860B51A42FB81EF4DF7C5B8'),
  x: '09F9DF311E5421A150DD7D161E4BC5C672179FAD1833FC076BB08FF356F35020',
  y: 'CCEA490CE26775A52DC6EA718CC1AA600AED05FBF35E084A6632F6072DA9AD13',
  userId: asciiBytes('1234567812345678'),
  za: 'B2E14C5C79C6DF5B85F4FE7ED8DB7A262B9DA7E07CCB0EA9F4747B8CCDA8A4F3',
  message: asciiBytes('message digest'),
  e: 'F0B43E94BA45ACCAACE692ED534382EB17E6AB5A19CE7B31F4486FDFC0D28640',
  k: fromHex('59276E27D506861A16680F3AD9C02DCCEF3CC1FA3CDBE4CE6D54B80DEAC1BC21'),
  r: 'F5A03B0648D2C4630EEAC513E1BB81A15944DA3827D5B74143AC7EACEEE720B3',
  s: 'B1B6AA29DF212FD8763182BC0D421CA1BB9038FD1F7F42D4840B69C485BBC1AA',
};
const annexPublicKey = fromHex(`04${ANNEX_A.x}${ANNEX_A.y}`);

function expectHcardError(fn: () => unknown, code: string): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(HcardError);
    expect((e as HcardError).code).toBe(code);
    return;
  }
  expect.fail(`expected ${code}`);
}

function flipBit(bytes: Uint8Array, bit: number): Uint8Array {
  const out = Uint8Array.from(bytes);
  const i = Math.floor(bit / 8) % out.length;
  out[i] = out[i]! ^ (1 << (bit % 8));
  return out;
}

describe('SM2 known answers: GB/T 32918.2-2016 Annex A', () => {
  it('derives the public key from d', () => {
    expect(toHex(sm2PublicKeyFromPrivate(ANNEX_A.d))).toBe(`04${ANNEX_A.x}${ANNEX_A.y}`);
  });

  it('computes Z_A with ENTL = 0x0080 and the default ID', () => {
    expect(toHex(SM2_DEFAULT_USER_ID)).toBe(toHex(ANNEX_A.userId));
    expect(toHex(sm2Za(annexPublicKey))).toBe(ANNEX_A.za);
    expect(toHex(sm2Za(annexPublicKey, ANNEX_A.userId))).toBe(ANNEX_A.za);
  });

  it('computes e = SM3(Z_A ‖ M)', () => {
    expect(toHex(sm2Digest(annexPublicKey, ANNEX_A.message))).toBe(ANNEX_A.e);
  });

  it('signs with the given k to exactly (r, s), from the message and from the digest', () => {
    const expected = ANNEX_A.r + ANNEX_A.s;
    expect(toHex(sm2Sign(ANNEX_A.d, ANNEX_A.message, { k: ANNEX_A.k, userId: ANNEX_A.userId }))).toBe(
      expected,
    );
    expect(toHex(sm2SignDigest(ANNEX_A.d, fromHex(ANNEX_A.e), { k: ANNEX_A.k }))).toBe(expected);
  });

  it('verifies (r, s), from the message and from the digest, with 65- and 33-byte keys', () => {
    const signature = fromHex(ANNEX_A.r + ANNEX_A.s);
    const compressed = sm2CompressPublicKey(annexPublicKey);
    expect(compressed).toHaveLength(33);
    for (const key of [annexPublicKey, compressed]) {
      expect(sm2Verify(key, ANNEX_A.message, signature)).toBe(true);
      expect(sm2VerifyDigest(key, fromHex(ANNEX_A.e), signature)).toBe(true);
      expect(toHex(sm2Za(key))).toBe(ANNEX_A.za);
    }
  });
});

describe('SM2 cross-check with sm-crypto 0.5.8 (independent implementation)', () => {
  const annexPublicHex = toHex(annexPublicKey).toLowerCase();

  it('derives the same public key and accepts the Annex A signature', () => {
    expect(smCrypto.sm2.getPublicKeyFromPrivateKey(toHex(ANNEX_A.d)).toUpperCase()).toBe(
      toHex(annexPublicKey),
    );
    const ours = sm2Sign(ANNEX_A.d, ANNEX_A.message, { k: ANNEX_A.k });
    expect(
      smCrypto.sm2.doVerifySignature('message digest', toHex(ours), annexPublicHex, {
        hash: true,
        der: false,
        userId: '1234567812345678',
      }),
    ).toBe(true);
  });

  it('both ways for the Annex A key with random k', () => {
    for (let i = 0; i < 10; i++) {
      const ours = sm2Sign(ANNEX_A.d, ANNEX_A.message);
      expect(
        smCrypto.sm2.doVerifySignature(ANNEX_A.message, toHex(ours), annexPublicHex, {
          hash: true,
          der: false,
        }),
      ).toBe(true);
      const theirs = smCrypto.sm2.doSignature('message digest', toHex(ANNEX_A.d), { hash: true, der: false });
      expect(sm2Verify(annexPublicKey, ANNEX_A.message, fromHex(theirs))).toBe(true);
    }
  });

  // sm-crypto (jsbn) manages only ~50 verifications/s, so the bounded loops below take a few
  // seconds; the timeouts leave room for a loaded machine.
  const keyMessageUserId = fc.record({
    d: fc.bigInt({ min: 1n, max: N - 2n }),
    message: fc.uint8Array({ maxLength: 300 }),
    userIdText: fc.option(fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 40 }), {
      nil: undefined,
    }),
  });
  const setUp = ({ d, message, userIdText }: { d: bigint; message: Uint8Array; userIdText?: string }) => {
    const privateKey = bytes32(d);
    const publicKey = sm2PublicKeyFromPrivate(privateKey);
    const publicHex = toHex(publicKey).toLowerCase();
    const ourOptions = userIdText === undefined ? {} : { userId: asciiBytes(userIdText) };
    const theirOptions =
      userIdText === undefined ? { hash: true, der: false } : { hash: true, der: false, userId: userIdText };
    const theirSign = () =>
      fromHex(smCrypto.sm2.doSignature(message, hex32(d), { ...theirOptions, publicKey: publicHex }));
    return { privateKey, publicKey, publicHex, ourOptions, theirOptions, theirSign, message };
  };

  it('both ways for 200 random keys, messages and user IDs', { timeout: 90_000 }, () => {
    fc.assert(
      fc.property(keyMessageUserId, (input) => {
        const { privateKey, publicKey, publicHex, ourOptions, theirOptions, theirSign, message } =
          setUp(input);
        const ours = sm2Sign(privateKey, message, ourOptions);
        expect(sm2Verify(publicKey, message, ours, ourOptions)).toBe(true);
        expect(smCrypto.sm2.doVerifySignature(message, toHex(ours), publicHex, theirOptions)).toBe(true);
        expect(sm2Verify(publicKey, message, theirSign(), ourOptions)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('derives the same public key as sm-crypto for 200 random private keys', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: N - 2n }), (d) => {
        expect(toHex(sm2PublicKeyFromPrivate(bytes32(d))).toLowerCase()).toBe(
          smCrypto.sm2.getPublicKeyFromPrivateKey(hex32(d)),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('a tampered signature or message fails in both', { timeout: 90_000 }, () => {
    fc.assert(
      fc.property(keyMessageUserId, fc.nat(), (input, bit) => {
        const { privateKey, publicKey, publicHex, ourOptions, theirOptions, theirSign, message } =
          setUp(input);
        const ours = sm2Sign(privateKey, message, ourOptions);
        const theirs = theirSign();

        const badSignature = flipBit(ours, bit % 512);
        expect(sm2Verify(publicKey, message, badSignature, ourOptions)).toBe(false);
        expect(smCrypto.sm2.doVerifySignature(message, toHex(badSignature), publicHex, theirOptions)).toBe(
          false,
        );

        const badMessage = message.length === 0 ? Uint8Array.of(0) : flipBit(message, bit);
        expect(sm2Verify(publicKey, badMessage, ours, ourOptions)).toBe(false);
        expect(sm2Verify(publicKey, badMessage, theirs, ourOptions)).toBe(false);
        expect(smCrypto.sm2.doVerifySignature(badMessage, toHex(ours), publicHex, theirOptions)).toBe(false);
      }),
      { numRuns: 60 },
    );
  });

  it('interoperates on generated key pairs and UTF-8 messages', () => {
    for (let i = 0; i < 20; i++) {
      const { privateKey, publicKey } = sm2GenerateKeyPair();
      const text = `就诊记录 ${i}`;
      const message = new TextEncoder().encode(text);
      const ours = sm2Sign(privateKey, message);
      expect(
        smCrypto.sm2.doVerifySignature(text, toHex(ours), toHex(publicKey), { hash: true, der: false }),
      ).toBe(true);
      const theirs = smCrypto.sm2.doSignature(text, toHex(privateKey), { hash: true, der: false });
      expect(sm2Verify(publicKey, message, fromHex(theirs))).toBe(true);
    }
  });
});

describe('SM2 keys', () => {
  it('generates d in [1, n-2] with a matching public key', () => {
    for (let i = 0; i < 20; i++) {
      const { privateKey, publicKey } = sm2GenerateKeyPair();
      const d = BigInt(`0x${toHex(privateKey)}`);
      expect(d >= 1n && d <= N - 2n).toBe(true);
      expect(publicKey).toEqual(sm2PublicKeyFromPrivate(privateKey));
      expect(sm2IsValidPublicKey(publicKey)).toBe(true);
    }
  });

  it('compresses and decompresses', () => {
    const compressed = sm2CompressPublicKey(annexPublicKey);
    // y of the Annex A key ends in 13 (odd), so the prefix is 03.
    expect(toHex(compressed)).toBe(`03${ANNEX_A.x}`);
    expect(sm2DecompressPublicKey(compressed)).toEqual(annexPublicKey);
    expect(sm2DecompressPublicKey(annexPublicKey)).toEqual(annexPublicKey);
    expect(sm2CompressPublicKey(compressed)).toEqual(compressed);
  });

  it('rejects private keys outside [1, n-2] or of the wrong length', () => {
    for (const d of [0n, N - 1n, N, (1n << 256n) - 1n]) {
      expectHcardError(() => sm2PublicKeyFromPrivate(bytes32(d)), 'HCARD_E_KEY_INVALID');
      expectHcardError(() => sm2Sign(bytes32(d), ANNEX_A.message), 'HCARD_E_KEY_INVALID');
    }
    expectHcardError(() => sm2PublicKeyFromPrivate(ANNEX_A.d.subarray(1)), 'HCARD_E_KEY_INVALID');
    expect(sm2PublicKeyFromPrivate(bytes32(1n))).toHaveLength(65);
    expect(sm2PublicKeyFromPrivate(bytes32(N - 2n))).toHaveLength(65);
  });

  it('rejects points not on the curve, the wrong prefix or length, and x ≥ p', () => {
    const offCurve = Uint8Array.from(annexPublicKey);
    offCurve[64] = offCurve[64]! ^ 1;
    const wrongPrefix = Uint8Array.from(annexPublicKey);
    wrongPrefix[0] = 0x05;
    const xNotOnCurve = Uint8Array.from(sm2CompressPublicKey(annexPublicKey));
    // Some x have no y on the curve; find one near the Annex A x.
    let found: Uint8Array | undefined;
    for (let delta = 1; delta < 64 && found === undefined; delta++) {
      const candidate = Uint8Array.from(xNotOnCurve);
      candidate[32] = candidate[32]! ^ delta;
      if (!sm2IsValidPublicKey(candidate)) found = candidate;
    }
    const bad = [
      offCurve,
      wrongPrefix,
      found!,
      fromHex(`04${'FF'.repeat(64)}`),
      fromHex(`02${'FF'.repeat(32)}`),
      new Uint8Array(65),
      Uint8Array.of(0),
      annexPublicKey.subarray(0, 64),
    ];
    expect(found).toBeDefined();
    const signature = fromHex(ANNEX_A.r + ANNEX_A.s);
    for (const key of bad) {
      expect(sm2IsValidPublicKey(key)).toBe(false);
      expectHcardError(() => sm2Verify(key, ANNEX_A.message, signature), 'HCARD_E_SM2_POINT_INVALID');
      expectHcardError(
        () => sm2VerifyDigest(key, fromHex(ANNEX_A.e), signature),
        'HCARD_E_SM2_POINT_INVALID',
      );
      expectHcardError(() => sm2Za(key), 'HCARD_E_SM2_POINT_INVALID');
      expectHcardError(() => sm2CompressPublicKey(key), 'HCARD_E_SM2_POINT_INVALID');
    }
  });
});

describe('SM2 verification rejects', () => {
  const e = fromHex(ANNEX_A.e);
  const r = BigInt(`0x${ANNEX_A.r}`);
  const s = BigInt(`0x${ANNEX_A.s}`);
  const signatureOf = (rr: bigint, ss: bigint) => fromHex(hex32(rr) + hex32(ss));

  it('r or s equal to 0, n or above n (clause 7.1 B1, B2), and t = 0 (B5)', () => {
    expect(sm2VerifyDigest(annexPublicKey, e, signatureOf(r, s))).toBe(true);
    for (const [rr, ss] of [
      [0n, s],
      [r, 0n],
      [N, s],
      [r, N],
      [N + 1n, s],
      [r, N + 1n],
      [(1n << 256n) - 1n, s],
      [r, (1n << 256n) - 1n],
      [r, N - r], // t = (r + s) mod n = 0
    ] as const) {
      expect(sm2VerifyDigest(annexPublicKey, e, signatureOf(rr, ss))).toBe(false);
      expect(sm2Verify(annexPublicKey, ANNEX_A.message, signatureOf(rr, ss))).toBe(false);
    }
  });

  it('a signature of the wrong length', () => {
    const signature = fromHex(ANNEX_A.r + ANNEX_A.s);
    expect(sm2Verify(annexPublicKey, ANNEX_A.message, signature.subarray(0, 63))).toBe(false);
    expect(sm2Verify(annexPublicKey, ANNEX_A.message, new Uint8Array(65))).toBe(false);
    expect(sm2Verify(annexPublicKey, ANNEX_A.message, new Uint8Array(0))).toBe(false);
  });

  it('a wrong user ID, a wrong key, a wrong message', () => {
    const signature = sm2Sign(ANNEX_A.d, ANNEX_A.message, { userId: asciiBytes('ALICE123@YAHOO.COM') });
    expect(
      sm2Verify(annexPublicKey, ANNEX_A.message, signature, { userId: asciiBytes('ALICE123@YAHOO.COM') }),
    ).toBe(true);
    expect(sm2Verify(annexPublicKey, ANNEX_A.message, signature)).toBe(false);
    expect(sm2Verify(annexPublicKey, ANNEX_A.message, signature, { userId: new Uint8Array(0) })).toBe(false);
    const other = sm2GenerateKeyPair();
    expect(
      sm2Verify(other.publicKey, ANNEX_A.message, signature, { userId: asciiBytes('ALICE123@YAHOO.COM') }),
    ).toBe(false);
    expect(
      sm2Verify(annexPublicKey, asciiBytes('message digesT'), signature, {
        userId: asciiBytes('ALICE123@YAHOO.COM'),
      }),
    ).toBe(false);
  });

  it('rejects digests that are not 32 bytes and fixed k outside [1, n-1]', () => {
    expectHcardError(() => sm2SignDigest(ANNEX_A.d, e.subarray(1)), 'HCARD_E_ARG_INVALID');
    expectHcardError(
      () => sm2VerifyDigest(annexPublicKey, e.subarray(1), new Uint8Array(64)),
      'HCARD_E_ARG_INVALID',
    );
    expectHcardError(() => sm2SignDigest(ANNEX_A.d, e, { k: bytes32(0n) }), 'HCARD_E_ARG_INVALID');
    expectHcardError(() => sm2SignDigest(ANNEX_A.d, e, { k: bytes32(N) }), 'HCARD_E_ARG_INVALID');
  });

  it('an ECDSA-form signature over the SM2 curve, s = k⁻¹(e + r·d) (what §10 warns about)', () => {
    // ECDSA-style s = k⁻¹(e + r·d) with the same k: what crypto.sign computes on an SM2 EC key.
    const d = BigInt(`0x${toHex(ANNEX_A.d)}`);
    const k = BigInt(`0x${toHex(ANNEX_A.k)}`);
    const x1 = BigInt('0x04EBFC718E8D1798620432268E77FEB6415E2EDE0E073C0F4F640ECD2E149A73');
    const rEcdsa = x1 % N;
    const eInt = BigInt(`0x${ANNEX_A.e}`);
    let kInverse = 1n;
    for (let base = k, exp = N - 2n; exp > 0n; exp >>= 1n, base = (base * base) % N) {
      if (exp & 1n) kInverse = (kInverse * base) % N;
    }
    const sEcdsa = (kInverse * (eInt + rEcdsa * d)) % N;
    expect(sm2VerifyDigest(annexPublicKey, e, signatureOf(rEcdsa, sEcdsa))).toBe(false);
  });
});
