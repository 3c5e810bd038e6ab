import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asciiBytes, fromHex, toHex } from '../bytes.js';
import { HcardError } from '../errors.js';
import {
  beijingDate,
  type CertificateFields,
  COMPACT_CERTIFICATE_MAX_LENGTH,
  type CompactCertificate,
  decodeCertificate,
  encodeCertificate,
  encodeCertificateTbs,
  ISSUER_CERTIFICATE_FIELD_SIZE,
  issueCertificate,
  SAM_CERTIFICATE_FIELD_SIZE,
  verifyCertificate,
} from './certificate.js';
import { sm2CompressPublicKey, sm2GenerateKeyPair, sm2Sign, sm2Verify } from './sm2.js';

function expectHcardError(fn: () => unknown, code: string): HcardError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(HcardError);
    expect((e as HcardError).code).toBe(code);
    return e as HcardError;
  }
  return expect.fail(`expected ${code}`);
}

const root = sm2GenerateKeyPair();
const issuer = sm2GenerateKeyPair();
const sam = sm2GenerateKeyPair();

/** An issuer certificate with the longest identifiers the format allows. */
const issuerFields: CertificateFields = {
  serial: fromHex('0000000000000001'),
  issuerId: asciiBytes('CN-NHC-ROOT-2024'), // 16 bytes
  subjectId: fromHex('41010000000000000000000012345678'), // 16 bytes
  role: 'issuer',
  notBefore: '20240101',
  notAfter: '20341231',
  publicKey: issuer.publicKey,
};

const samFields: CertificateFields = {
  serial: fromHex('00000000000000A7'),
  issuerId: fromHex('41010000000000000000000012345678'),
  subjectId: asciiBytes('SAM-0001'),
  role: 'sam',
  notBefore: '20250301',
  notAfter: '20300228',
  publicKey: sm2CompressPublicKey(sam.publicKey),
};

describe('compact certificate codec', () => {
  it('round-trips an issued certificate', () => {
    const bytes = issueCertificate(issuerFields, root.privateKey);
    const cert = decodeCertificate(bytes);
    expect(cert).toMatchObject({
      version: 0,
      serial: issuerFields.serial,
      issuerId: issuerFields.issuerId,
      subjectId: issuerFields.subjectId,
      role: 'issuer',
      notBefore: '20240101',
      notAfter: '20341231',
      publicKey: issuer.publicKey,
    });
    expect(cert.publicKey).toHaveLength(65);
    expect(cert.signature).toHaveLength(64);
    expect(cert.tbs).toEqual(encodeCertificateTbs(issuerFields));
    expect(sm2Verify(root.publicKey, cert.tbs, cert.signature)).toBe(true);
    expect(encodeCertificate(cert)).toEqual(bytes);
  });

  it('measures 138 + |issuerId| + |subjectId| bytes: at most 170, within the 180-byte issuer field', () => {
    const longest = issueCertificate(issuerFields, root.privateKey);
    expect(longest).toHaveLength(170);
    expect(COMPACT_CERTIFICATE_MAX_LENGTH).toBe(170);
    expect(toHex(longest.subarray(0, 3))).toBe('3081A7');
    const shortest = issueCertificate(
      { ...issuerFields, issuerId: Uint8Array.of(1), subjectId: Uint8Array.of(2) },
      root.privateKey,
    );
    expect(shortest).toHaveLength(140);
    expect(issueCertificate(samFields, issuer.privateKey)).toHaveLength(138 + 16 + 8);
  });

  it('pads the issuer certificate to 180 and the SAM certificate to 190 bytes, and decodes both padded', () => {
    const issuerCert = issueCertificate(issuerFields, root.privateKey, ISSUER_CERTIFICATE_FIELD_SIZE);
    expect(issuerCert).toHaveLength(180);
    expect(issuerCert.subarray(170).every((b) => b === 0)).toBe(true);
    expect(decodeCertificate(issuerCert).role).toBe('issuer');

    const samCert = issueCertificate(samFields, issuer.privateKey, SAM_CERTIFICATE_FIELD_SIZE);
    expect(samCert).toHaveLength(190);
    expect(samCert.subarray(162).every((b) => b === 0)).toBe(true);
    const decoded = decodeCertificate(samCert);
    expect(decoded.role).toBe('sam');
    expect(decoded.publicKey).toEqual(sam.publicKey);
    expect(encodeCertificate(decoded, SAM_CERTIFICATE_FIELD_SIZE)).toEqual(samCert);
  });

  it('refuses a field too small for the certificate', () => {
    const cert = decodeCertificate(issueCertificate(issuerFields, root.privateKey));
    expectHcardError(() => encodeCertificate(cert, 169), 'HCARD_E_ARG_INVALID');
    expect(encodeCertificate(cert, 170)).toHaveLength(170);
  });

  it('refuses invalid fields when issuing', () => {
    const bad: Partial<Record<keyof CertificateFields, unknown>>[] = [
      { serial: new Uint8Array(7) },
      { serial: new Uint8Array(9) },
      { issuerId: new Uint8Array(0) },
      { subjectId: new Uint8Array(17) },
      { role: 'root' },
      { role: 'toString' },
      { notBefore: '20230230' },
      { notAfter: '2034-12-31' },
      { notBefore: '20350101' },
      { version: 1 },
    ];
    for (const change of bad) {
      expectHcardError(
        () => issueCertificate({ ...issuerFields, ...change } as CertificateFields, root.privateKey),
        'HCARD_E_ARG_INVALID',
      );
    }
    expectHcardError(
      () => issueCertificate({ ...issuerFields, publicKey: new Uint8Array(65) }, root.privateKey),
      'HCARD_E_SM2_POINT_INVALID',
    );
    expect(
      issueCertificate({ ...issuerFields, notBefore: '20240229', notAfter: '20240229' }, root.privateKey),
    ).toBeInstanceOf(Uint8Array);
  });
});

describe('verifyCertificate', () => {
  const issuerCert = issueCertificate(issuerFields, root.privateKey, ISSUER_CERTIFICATE_FIELD_SIZE);
  const samCert = issueCertificate(samFields, issuer.privateKey, SAM_CERTIFICATE_FIELD_SIZE);

  it('walks root → issuer → SAM and verifies a record signed by the SAM', () => {
    const issuerKey = verifyCertificate(issuerCert, root.publicKey, { at: '20250601', role: 'issuer' });
    expect(issuerKey).toEqual(issuer.publicKey);
    const samKey = verifyCertificate(decodeCertificate(samCert), issuerKey, { at: '20250601', role: 'sam' });
    expect(samKey).toEqual(sam.publicKey);
    const record = asciiBytes('encounter record');
    expect(sm2Verify(samKey, record, sm2Sign(sam.privateKey, record))).toBe(true);
  });

  it('accepts both ends of the validity period', () => {
    expect(verifyCertificate(samCert, issuer.publicKey, { at: '20250301' })).toEqual(sam.publicKey);
    expect(verifyCertificate(samCert, issuer.publicKey, { at: '20300228' })).toEqual(sam.publicKey);
  });

  it('expired or not yet valid → HCARD_E_CERT_EXPIRED', () => {
    const e = expectHcardError(
      () => verifyCertificate(samCert, issuer.publicKey, { at: '20300301' }),
      'HCARD_E_CERT_EXPIRED',
    );
    expect(e.details).toMatchObject({ notAfter: '20300228' });
    expectHcardError(
      () => verifyCertificate(samCert, issuer.publicKey, { at: '20250228' }),
      'HCARD_E_CERT_EXPIRED',
    );
    expectHcardError(
      () => verifyCertificate(samCert, issuer.publicKey, { at: '2025-06-01' }),
      'HCARD_E_ARG_INVALID',
    );
  });

  it('defaults to today in Beijing time', () => {
    expect(beijingDate(new Date('2024-12-31T15:59:59Z'))).toBe('20241231');
    expect(beijingDate(new Date('2024-12-31T16:00:00Z'))).toBe('20250101');
    const expired = issueCertificate(
      { ...samFields, notBefore: '20000101', notAfter: '20001231' },
      issuer.privateKey,
    );
    expectHcardError(() => verifyCertificate(expired, issuer.publicKey), 'HCARD_E_CERT_EXPIRED');
    const current = issueCertificate(
      { ...samFields, notBefore: '20000101', notAfter: '99991231' },
      issuer.privateKey,
    );
    expect(verifyCertificate(current, issuer.publicKey)).toEqual(sam.publicKey);
  });

  it('a tampered tbs, a wrong trusted key or the wrong role → HCARD_E_CERT_UNTRUSTED', () => {
    const cert: CompactCertificate = decodeCertificate(samCert);
    // Field changes re-encoded with the original signature.
    for (const change of [
      { subjectId: asciiBytes('SAM-0002') },
      { notAfter: '20991231' },
      { role: 'issuer' as const },
      { publicKey: issuer.publicKey },
    ]) {
      const tampered = encodeCertificate({ ...cert, ...change }, SAM_CERTIFICATE_FIELD_SIZE);
      expectHcardError(
        () => verifyCertificate(tampered, issuer.publicKey, { at: '20250601' }),
        'HCARD_E_CERT_UNTRUSTED',
      );
    }
    // A decoded object whose key was swapped afterwards, keeping the original tbs and signature.
    expectHcardError(
      () => verifyCertificate({ ...cert, publicKey: root.publicKey }, issuer.publicKey, { at: '20250601' }),
      'HCARD_E_CERT_UNTRUSTED',
    );
    // A byte flipped inside the serial: still decodes, no longer verifies.
    const flipped = Uint8Array.from(samCert);
    const serialOffset = samCert.indexOf(0xa7, 5);
    flipped[serialOffset] = 0xa8;
    expect(decodeCertificate(flipped).serial).toEqual(fromHex('00000000000000A8'));
    expectHcardError(
      () => verifyCertificate(flipped, issuer.publicKey, { at: '20250601' }),
      'HCARD_E_CERT_UNTRUSTED',
    );
    // A changed signature.
    const badSignature = Uint8Array.from(cert.signature);
    badSignature[10] = badSignature[10]! ^ 0x01;
    expectHcardError(
      () => verifyCertificate({ ...cert, signature: badSignature }, issuer.publicKey, { at: '20250601' }),
      'HCARD_E_CERT_UNTRUSTED',
    );
    expectHcardError(
      () => verifyCertificate(samCert, root.publicKey, { at: '20250601' }),
      'HCARD_E_CERT_UNTRUSTED',
    );
    expectHcardError(
      () => verifyCertificate(samCert, issuer.publicKey, { at: '20250601', role: 'issuer' }),
      'HCARD_E_CERT_UNTRUSTED',
    );
  });

  it('a malformed trusted key → HCARD_E_SM2_POINT_INVALID', () => {
    expectHcardError(
      () => verifyCertificate(samCert, new Uint8Array(65), { at: '20250601' }),
      'HCARD_E_SM2_POINT_INVALID',
    );
  });
});

describe('decodeCertificate on malformed input', () => {
  const der = issueCertificate(samFields, issuer.privateKey);

  const malformed: [string, Uint8Array][] = [
    ['empty', new Uint8Array(0)],
    ['all zero (an empty field)', new Uint8Array(190)],
    ['all FF (an erased field)', new Uint8Array(190).fill(0xff)],
    ['truncated', der.subarray(0, der.length - 1)],
    ['non-zero padding', Uint8Array.from([...der, 0, 0, 1, 0])],
    ['not a SEQUENCE', Uint8Array.from([0x31, ...der.subarray(1)])],
  ];

  it.each(malformed)('%s → HCARD_E_CERT_MALFORMED', (_name, bytes) => {
    expectHcardError(() => decodeCertificate(bytes), 'HCARD_E_CERT_MALFORMED');
  });

  it('non-canonical DER (a long-form length) → HCARD_E_CERT_MALFORMED', () => {
    // Outer length written as 82 00 LL instead of 81 LL: valid BER, not DER.
    expect(toHex(der.subarray(0, 2))).toBe('3081');
    const longForm = Uint8Array.from([0x30, 0x82, 0x00, ...der.subarray(2)]);
    expect(longForm).toHaveLength(der.length + 1);
    expectHcardError(() => decodeCertificate(longForm), 'HCARD_E_CERT_MALFORMED');
  });

  it('fields of the wrong size, a bad date, an unknown role or a key off the curve → HCARD_E_CERT_MALFORMED', () => {
    const cert = decodeCertificate(der);
    // Encode valid fields, then patch the DER so that only the one property is wrong.
    const patch = (from: string, to: string) => {
      const hex = toHex(der);
      expect(hex).toContain(from);
      return fromHex(hex.replace(from, to));
    };
    // notBefore 20250301 → 20251301 (month 13).
    expectHcardError(
      () => decodeCertificate(patch('040420250301', '040420251301')),
      'HCARD_E_CERT_MALFORMED',
    );
    // notBefore → non-BCD nibble.
    expectHcardError(
      () => decodeCertificate(patch('040420250301', '0404202503A1')),
      'HCARD_E_CERT_MALFORMED',
    );
    // role sam(2) → 3.
    expectHcardError(() => decodeCertificate(patch('0A0102', '0A0103')), 'HCARD_E_CERT_MALFORMED');
    // version 0 → 1.
    expectHcardError(() => decodeCertificate(patch('020100', '020101')), 'HCARD_E_CERT_MALFORMED');
    // public key x changed so that it is (most likely) off the curve: search for such an x.
    const keyHex = toHex(sm2CompressPublicKey(cert.publicKey));
    let rejected = 0;
    for (let i = 1; i < 16; i++) {
      const otherKey =
        keyHex.slice(0, -2) +
        ((Number.parseInt(keyHex.slice(-2), 16) ^ i) & 0xff).toString(16).padStart(2, '0').toUpperCase();
      try {
        decodeCertificate(patch(keyHex, otherKey));
      } catch (e) {
        expect((e as HcardError).code).toBe('HCARD_E_CERT_MALFORMED');
        rejected++;
      }
    }
    expect(rejected).toBeGreaterThan(0);
  });

  it('arbitrary bytes only ever throw HcardError HCARD_E_CERT_MALFORMED', () => {
    const onlyMalformed = (bytes: Uint8Array) => {
      try {
        decodeCertificate(bytes);
      } catch (e) {
        expect(e).toBeInstanceOf(HcardError);
        expect((e as HcardError).code).toBe('HCARD_E_CERT_MALFORMED');
      }
    };
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), onlyMalformed), { numRuns: 2000 });
    // Inputs that start like a certificate reach deeper into the parser.
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 200 }), (tail) =>
        onlyMalformed(Uint8Array.from([0x30, 0x81, tail.length - 1, ...tail])),
      ),
      { numRuns: 1000 },
    );
    // Mutations of a valid certificate: bytes changed, removed or inserted.
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.nat({ max: der.length - 1 }),
            fc.integer({ min: 0, max: 255 }),
            fc.constantFrom('set', 'del', 'ins'),
          ),
          {
            minLength: 1,
            maxLength: 4,
          },
        ),
        (edits) => {
          const bytes = Array.from(der);
          for (const [at, value, kind] of edits) {
            const i = Math.min(at, bytes.length - 1);
            if (kind === 'set') bytes[i] = value;
            else if (kind === 'del') bytes.splice(i, 1);
            else bytes.splice(i, 0, value);
          }
          onlyMalformed(Uint8Array.from(bytes));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
