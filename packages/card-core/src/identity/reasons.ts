/**
 * Every check of an identity verdict and every reason it can give, as data: the desk page, the
 * CLI, the gateway's schema and docs/identity-checks.md list them from here.
 */
export const IDENTITY_CHECKS = [
  'card_authentication',
  'issuer_certificate',
  'security_code',
  'card_not_expired',
  'id_number_valid',
  'not_hotlisted',
  'applications_agree',
  'id_card_matches',
] as const;
export type IdentityCheckName = (typeof IDENTITY_CHECKS)[number];

export const VERDICTS = ['pass', 'fail', 'not_possible'] as const;
export type Verdict = (typeof VERDICTS)[number];

interface ReasonDef {
  readonly check: IdentityCheckName;
  readonly verdict: Verdict;
  readonly words: string;
}

const reason = (check: IdentityCheckName, verdict: Verdict, words: string): ReasonDef => ({
  check,
  verdict,
  words,
});

export const IDENTITY_REASONS = {
  PSAM_AUTH_OK: reason(
    'card_authentication',
    'pass',
    "The card proved its keys to the PSAM: they are diversified from the issuer's masters",
  ),
  PSAM_AUTH_FAILED: reason(
    'card_authentication',
    'fail',
    "The card failed the PSAM-driven authentication: its keys are not the issuer's",
  ),
  CARD_NOT_READ: reason(
    'card_authentication',
    'not_possible',
    'The card could not be read (no card, or it was taken out during the read)',
  ),
  PSAM_AUTH_NOT_RUN: reason(
    'card_authentication',
    'not_possible',
    'No PSAM authentication ran (no PSAM, or the card could not be read)',
  ),
  CERT_VERIFIED: reason(
    'issuer_certificate',
    'pass',
    'The issuer certificate verifies to the configured root',
  ),
  CERT_UNTRUSTED: reason(
    'issuer_certificate',
    'fail',
    'The issuer certificate does not verify to the configured root',
  ),
  CERT_EXPIRED: reason('issuer_certificate', 'fail', 'The issuer certificate is outside its validity period'),
  CERT_MALFORMED: reason(
    'issuer_certificate',
    'fail',
    'The issuer certificate on the card cannot be decoded',
  ),
  CERT_NO_ROOT: reason('issuer_certificate', 'not_possible', 'No trusted root key is configured'),
  CERT_NOT_READ: reason('issuer_certificate', 'not_possible', 'The issuer certificate was not read'),
  CVN_MATCHES: reason('security_code', 'pass', 'The security code (CVN) matches the card data'),
  CVN_MISMATCH: reason(
    'security_code',
    'fail',
    'The security code (CVN) does not match the card number and dates',
  ),
  CVN_NO_KEY: reason(
    'security_code',
    'not_possible',
    'No issuer key is available to check the security code',
  ),
  CVN_NOT_READ: reason('security_code', 'not_possible', 'The security code was not read'),
  CARD_VALID: reason('card_not_expired', 'pass', 'The card is within its validity period'),
  CARD_EXPIRED: reason('card_not_expired', 'fail', 'The card has expired'),
  CARD_EXPIRY_NOT_READ: reason('card_not_expired', 'not_possible', 'No expiry date was read'),
  ID_VALID: reason(
    'id_number_valid',
    'pass',
    'The ID number is a valid GB 11643 number and agrees with the birth date and sex',
  ),
  ID_INVALID: reason('id_number_valid', 'fail', 'The ID number is not a valid GB 11643 number'),
  ID_BIRTHDATE_MISMATCH: reason(
    'id_number_valid',
    'fail',
    'The birth date on the card is not the one in the ID number',
  ),
  ID_SEX_MISMATCH: reason('id_number_valid', 'fail', 'The sex on the card is not the one in the ID number'),
  ID_NOT_READ: reason('id_number_valid', 'not_possible', 'No ID number was read'),
  NOT_HOTLISTED: reason('not_hotlisted', 'pass', 'The card is not on the hotlist'),
  HOTLISTED: reason('not_hotlisted', 'fail', 'The card is on the hotlist'),
  NO_HOTLIST: reason('not_hotlisted', 'not_possible', 'No hotlist is configured'),
  APPLICATIONS_AGREE: reason('applications_agree', 'pass', "The card's applications name the same holder"),
  APPLICATIONS_DISAGREE: reason(
    'applications_agree',
    'fail',
    "The card's applications name different holders",
  ),
  ONE_APPLICATION: reason(
    'applications_agree',
    'not_possible',
    'Fewer than two applications gave the holder',
  ),
  ID_CARD_MATCHES: reason(
    'id_card_matches',
    'pass',
    'The ID card has the same name and ID number as the card',
  ),
  ID_CARD_MISMATCH: reason(
    'id_card_matches',
    'fail',
    'The ID card has another name or ID number than the card',
  ),
  NO_ID_CARD: reason('id_card_matches', 'not_possible', 'No ID card was read'),
  ID_CARD_NOT_READ: reason(
    'id_card_matches',
    'not_possible',
    'The ID card could not be read (no card, a damaged frame, or the card moved)',
  ),
  HOLDER_NOT_READ: reason(
    'id_card_matches',
    'not_possible',
    "The card's holder was not read, so the ID card cannot be compared",
  ),
} as const satisfies Record<string, ReasonDef>;

export type IdentityReason = keyof typeof IDENTITY_REASONS;
