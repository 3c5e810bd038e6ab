/**
 * Identity verdicts over a real generated card's items (emulator), its certificate signed by
 * the documented test root, and its CVN from the test key store: every reason reached, and the
 * overall verdict.
 */

import {
  checkIdentity,
  decodeCertificate,
  IDENTITY_CHECKS,
  IDENTITY_REASONS,
  type IdentityCheckOptions,
  type IdentityEvidence,
  identityEvidence,
  sm2PublicKeyFromPrivate,
} from '@hcard/card-core';
import { generateCard, TEST_KEY_STORE } from '@hcard/emulator';
import { describe, expect, it } from 'vitest';

const BUILT = generateCard('identity-check');
const ITEMS = BUILT.items;
const TODAY = '20250101';
const SEX = ITEMS.sex === '01' ? 'male' : 'female';
const OPTIONS: IdentityCheckOptions = {
  today: TODAY,
  trustedRoot: sm2PublicKeyFromPrivate(TEST_KEY_STORE.sm2PrivateKey('root')),
  securityCode: (card) => TEST_KEY_STORE.securityCode(card),
  hotlist: () => undefined,
};
const GENUINE: IdentityEvidence = {
  authentication: 'passed',
  health: { items: ITEMS },
  ssse: {
    cardNumber: 'X12345678',
    expiryDate: ITEMS.expiryDate,
    holder: { name: ITEMS.name, idNumber: ITEMS.idNumber, sex: SEX, birthDate: ITEMS.birthDate },
  },
  bank: { holderName: ITEMS.name },
  idCard: { name: ITEMS.name!, idNumber: ITEMS.idNumber! },
};

const reasons = (evidence: IdentityEvidence, options: IdentityCheckOptions = OPTIONS) =>
  Object.fromEntries(checkIdentity(evidence, options).checks.map((c) => [c.check, c.reason]));
const withItems = (changes: Record<string, string>): IdentityEvidence => ({
  ...GENUINE,
  health: { items: { ...ITEMS, ...changes } },
});

describe('checkIdentity', () => {
  it('passes a genuine card whose applications and ID card agree, with every check and its words', () => {
    const verdict = checkIdentity(GENUINE, OPTIONS);
    expect(verdict.verdict).toBe('pass');
    expect(verdict.checks.map((c) => c.check)).toEqual([...IDENTITY_CHECKS]);
    expect(reasons(GENUINE)).toEqual({
      card_authentication: 'PSAM_AUTH_OK',
      issuer_certificate: 'CERT_VERIFIED',
      security_code: 'CVN_MATCHES',
      card_not_expired: 'CARD_VALID',
      id_number_valid: 'ID_VALID',
      not_hotlisted: 'NOT_HOTLISTED',
      applications_agree: 'APPLICATIONS_AGREE',
      id_card_matches: 'ID_CARD_MATCHES',
    });
    for (const check of verdict.checks) expect(check.words).toBe(IDENTITY_REASONS[check.reason].words);
  });

  it('fails a card that failed the PSAM authentication, whatever else it says', () => {
    const verdict = checkIdentity({ ...GENUINE, authentication: 'failed' }, OPTIONS);
    expect(verdict.verdict).toBe('fail');
    expect(verdict.checks[0]).toMatchObject({ reason: 'PSAM_AUTH_FAILED', verdict: 'fail' });
  });

  it('is not_possible, never pass, when no authentication ran and nothing failed', () => {
    const verdict = checkIdentity({ authentication: 'not_run' }, { today: TODAY });
    expect(verdict.verdict).toBe('not_possible');
    expect(Object.values(reasons({ authentication: 'not_run' }, { today: TODAY }))).toEqual([
      'PSAM_AUTH_NOT_RUN',
      'CERT_NOT_READ',
      'CVN_NOT_READ',
      'CARD_EXPIRY_NOT_READ',
      'ID_NOT_READ',
      'NO_HOTLIST',
      'ONE_APPLICATION',
      'NO_ID_CARD',
    ]);
  });

  it('checks the issuer certificate against the configured root and its validity', () => {
    const cert = ITEMS.issuerCertificate!;
    // One byte inside the signature's r value: still DER, no longer the root's signature.
    const at =
      cert.indexOf(
        Buffer.from(decodeCertificate(Buffer.from(cert, 'hex')).signature)
          .toString('hex')
          .toUpperCase(),
      ) + 20;
    expect(at).toBeGreaterThan(20);
    const flipped = cert.slice(0, at) + (cert.slice(at, at + 2) === '00' ? '01' : '00') + cert.slice(at + 2);
    expect(reasons(withItems({ issuerCertificate: flipped })).issuer_certificate).toBe('CERT_UNTRUSTED');
    const otherRoot = sm2PublicKeyFromPrivate(TEST_KEY_STORE.sm2PrivateKey('issuer'));
    expect(reasons(GENUINE, { ...OPTIONS, trustedRoot: otherRoot }).issuer_certificate).toBe(
      'CERT_UNTRUSTED',
    );
    expect(reasons(GENUINE, { ...OPTIONS, today: '20400101' }).issuer_certificate).toBe('CERT_EXPIRED');
    expect(reasons(withItems({ issuerCertificate: '00'.repeat(180) })).issuer_certificate).toBe(
      'CERT_MALFORMED',
    );
    expect(reasons(GENUINE, { ...OPTIONS, trustedRoot: undefined }).issuer_certificate).toBe('CERT_NO_ROOT');
    expect(checkIdentity(withItems({ issuerCertificate: flipped }), OPTIONS).verdict).toBe('fail');
  });

  it('checks the security code against the issuer key', () => {
    const other = ITEMS.securityCode === '000' ? '001' : '000';
    expect(reasons(withItems({ securityCode: other })).security_code).toBe('CVN_MISMATCH');
    // A changed expiry with the old code is caught too: the code covers the dates.
    expect(reasons(withItems({ expiryDate: '20991231' })).security_code).toBe('CVN_MISMATCH');
    expect(reasons(GENUINE, { ...OPTIONS, securityCode: undefined }).security_code).toBe('CVN_NO_KEY');
  });

  it('fails an expired card, health or social-security application', () => {
    const after = { ...OPTIONS, today: '21000101' };
    expect(checkIdentity(GENUINE, after).checks.find((c) => c.check === 'card_not_expired')).toMatchObject({
      reason: 'CARD_EXPIRED',
      detail: 'expired: health, ssse',
    });
    const ssseExpired = { ...GENUINE, ssse: { ...GENUINE.ssse!, expiryDate: '20240101' } };
    expect(
      checkIdentity(ssseExpired, OPTIONS).checks.find((c) => c.check === 'card_not_expired'),
    ).toMatchObject({
      reason: 'CARD_EXPIRED',
      detail: 'expired: ssse',
    });
    // The last valid day is still valid.
    expect(reasons(GENUINE, { ...OPTIONS, today: ITEMS.expiryDate! }).card_not_expired).toBe('CARD_VALID');
  });

  it('checks the ID number, and that it agrees with the birth date and sex on the card', () => {
    const id = ITEMS.idNumber!;
    const badCheck = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
    expect(reasons(withItems({ idNumber: badCheck })).id_number_valid).toBe('ID_INVALID');
    expect(reasons(withItems({ birthDate: '19000101' })).id_number_valid).toBe('ID_BIRTHDATE_MISMATCH');
    expect(reasons(withItems({ sex: ITEMS.sex === '01' ? '02' : '01' })).id_number_valid).toBe(
      'ID_SEX_MISMATCH',
    );
  });

  it('fails a hotlisted card, by its health card number or its social-security card number', () => {
    const byHealth = {
      ...OPTIONS,
      hotlist: (n: string) => (n === ITEMS.cardNumber ? { reason: 'lost' as const } : undefined),
    };
    expect(checkIdentity(GENUINE, byHealth).checks.find((c) => c.check === 'not_hotlisted')).toMatchObject({
      verdict: 'fail',
      reason: 'HOTLISTED',
      detail: 'lost',
    });
    const bySsse = {
      ...OPTIONS,
      hotlist: (n: string) => (n === 'X12345678' ? { reason: 'stolen' as const } : undefined),
    };
    expect(checkIdentity(GENUINE, bySsse).verdict).toBe('fail');
    expect(reasons(GENUINE, { ...OPTIONS, hotlist: undefined }).not_hotlisted).toBe('NO_HOTLIST');
  });

  it('fails applications that name different holders, and says which differ', () => {
    const other = {
      ...GENUINE,
      ssse: { ...GENUINE.ssse!, holder: { ...GENUINE.ssse!.holder!, name: '王小明' } },
    };
    expect(checkIdentity(other, OPTIONS).checks.find((c) => c.check === 'applications_agree')).toMatchObject({
      verdict: 'fail',
      detail: 'name: health ≠ ssse',
    });
    const bank = { ...GENUINE, bank: { holderName: '王小明' } };
    expect(checkIdentity(bank, OPTIONS).checks.find((c) => c.check === 'applications_agree')?.detail).toBe(
      'name: health ≠ bank',
    );
    // A Latin-letter bank name is not compared; spaces inside a name do not count.
    expect(reasons({ ...GENUINE, bank: { holderName: 'WANG/XIAOMING' } }).applications_agree).toBe(
      'APPLICATIONS_AGREE',
    );
    const spaced = Array.from(ITEMS.name!).join(' ');
    expect(reasons({ ...GENUINE, bank: { holderName: spaced } }).applications_agree).toBe(
      'APPLICATIONS_AGREE',
    );
    const idDiffers = { ...GENUINE, ssse: { ...GENUINE.ssse!, holder: { idNumber: '11010519491231002X' } } };
    expect(
      checkIdentity(idDiffers, OPTIONS).checks.find((c) => c.check === 'applications_agree')?.detail,
    ).toBe('ID number: health ≠ ssse');
    expect(reasons({ authentication: 'passed', health: { items: ITEMS } }).applications_agree).toBe(
      'ONE_APPLICATION',
    );
  });

  it('compares the ID card with the card holder', () => {
    const mismatched = { ...GENUINE, idCard: { name: '王小明', idNumber: '11010519491231002X' } };
    expect(checkIdentity(mismatched, OPTIONS).checks.at(-1)).toMatchObject({
      verdict: 'fail',
      reason: 'ID_CARD_MISMATCH',
      detail: 'name and ID number: ID card ≠ health',
    });
    expect(checkIdentity(mismatched, OPTIONS).verdict).toBe('fail');
    const lowerX = { ...GENUINE, idCard: { name: ITEMS.name!, idNumber: ITEMS.idNumber!.toLowerCase() } };
    expect(reasons(lowerX).id_card_matches).toBe('ID_CARD_MATCHES');
    expect(reasons({ authentication: 'failed', idCard: GENUINE.idCard }).id_card_matches).toBe(
      'HOLDER_NOT_READ',
    );
  });

  it('is not_possible when the card or the ID card could not be read, and says why', () => {
    const none = checkIdentity(
      identityEvidence(undefined, undefined, { cardError: 'HCARD_E_NO_CARD' }),
      OPTIONS,
    );
    expect(none.verdict).toBe('not_possible');
    expect(none.checks[0]).toMatchObject({ reason: 'CARD_NOT_READ', detail: 'HCARD_E_NO_CARD' });
    const idCardGone = checkIdentity(
      { ...GENUINE, idCard: undefined, idCardError: 'HCARD_E_CARD_REMOVED' },
      OPTIONS,
    );
    expect(idCardGone.checks.at(-1)).toMatchObject({
      reason: 'ID_CARD_NOT_READ',
      detail: 'HCARD_E_CARD_REMOVED',
    });
    // Nothing failed and the card authenticated: still a pass, with the ID card check not_possible.
    expect(idCardGone.verdict).toBe('pass');
  });
});
