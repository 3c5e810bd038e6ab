/**
 * Identity verdicts for a registration desk (issue 9): from what was read off the three-in-one
 * card (and an ID card, when one was placed on the reader), one verdict per check — `pass`,
 * `fail` or `not_possible` — each with a reason code and words, and an overall verdict. Pure:
 * the reading, the PSAM and the hotlist file are the caller's; this only judges.
 *
 * Overall: `fail` when any check fails; else `pass` when the card authenticated and no check
 * failed; else `not_possible` (nothing proves the card genuine).
 */
import { decodeCertificate, verifyCertificate } from '../crypto/certificate.js';
import type { SecurityCodeInput } from '../crypto/security-code.js';
import { toHcardError } from '../errors.js';
import { parseCitizenId } from '../ids/gb11643.js';
import {
  IDENTITY_CHECKS,
  IDENTITY_REASONS,
  type IdentityCheckName,
  type IdentityReason,
  type Verdict,
} from './reasons.js';

/** Who an application (or the ID card) says the holder is; dates YYYYMMDD, sex as on an ID number. */
export interface HolderClaim {
  readonly name?: string;
  readonly idNumber?: string;
  readonly sex?: 'male' | 'female';
  readonly birthDate?: string;
}

export interface HealthEvidence {
  /** HealthCardData.items of what was read (cardNumber, idNumber, name, sex, birthDate, dates …). */
  readonly items: Readonly<Record<string, string>>;
}

export interface SsseEvidence {
  /** 卡号. */
  readonly cardNumber?: string;
  readonly expiryDate?: string;
  /** Absent when the holder file could not be read (3.0 card without a PSAM). */
  readonly holder?: HolderClaim;
}

export interface BankEvidence {
  /** As the bank application has it (may be Latin letters, which are not compared). */
  readonly holderName?: string;
  /** Whether its holder ID number (9F61) is the health card's; absent when not compared. */
  readonly idNumberMatches?: boolean;
}

export interface IdCardEvidence {
  readonly name: string;
  readonly idNumber: string;
}

export interface HotlistEntry {
  readonly reason: 'lost' | 'stolen' | 'cancelled';
}

export interface IdentityEvidence {
  /** The PSAM-driven external authentication of the card: ran and passed, ran and failed, or did not run. */
  readonly authentication: 'passed' | 'failed' | 'not_run';
  readonly health?: HealthEvidence;
  readonly ssse?: SsseEvidence;
  readonly bank?: BankEvidence;
  readonly idCard?: IdCardEvidence;
  /** The catalogue code of why the card could not be read at all (no card, card removed …). */
  readonly cardError?: string;
  /** The catalogue code of why the ID card asked for could not be read. */
  readonly idCardError?: string;
}

export interface IdentityCheckOptions {
  /** Today, YYYYMMDD (Beijing time, the time zone of card dates). */
  readonly today: string;
  /** The root public key issuer certificates must verify to (65 bytes, uncompressed SM2). */
  readonly trustedRoot?: Uint8Array;
  /** The security code the issuer key gives for the card; absent: no key here. */
  readonly securityCode?: (card: SecurityCodeInput) => string;
  /** Looks a card number up in the station's hotlist; absent: no hotlist. */
  readonly hotlist?: (cardNumber: string) => HotlistEntry | undefined;
}

export interface IdentityCheck {
  readonly check: IdentityCheckName;
  readonly verdict: Verdict;
  readonly reason: IdentityReason;
  readonly words: string;
  /** What exactly differed or failed, without personal data (e.g. "name: health ≠ ssse"). */
  readonly detail?: string;
}

export interface IdentityVerdict {
  readonly verdict: Verdict;
  readonly checks: readonly IdentityCheck[];
}

const result = (reason: IdentityReason, detail?: string): IdentityCheck => {
  const def = IDENTITY_REASONS[reason];
  return { check: def.check, verdict: def.verdict, reason, words: def.words, ...(detail ? { detail } : {}) };
};

const SEX_BY_HEALTH_CODE: Record<string, 'male' | 'female'> = {
  '01': 'male',
  '02': 'female',
  '1': 'male',
  '2': 'female',
};

/** The holder as each source has it, health first. */
function claims(evidence: IdentityEvidence): { source: string; claim: HolderClaim }[] {
  const out: { source: string; claim: HolderClaim }[] = [];
  const items = evidence.health?.items;
  if (items && (items.name || items.idNumber)) {
    out.push({
      source: 'health',
      claim: {
        name: items.name,
        idNumber: items.idNumber,
        sex: items.sex === undefined ? undefined : SEX_BY_HEALTH_CODE[items.sex],
        birthDate: items.birthDate,
      },
    });
  }
  if (evidence.ssse?.holder) out.push({ source: 'ssse', claim: evidence.ssse.holder });
  const bankName = evidence.bank?.holderName;
  // Bank applications often hold the name in Latin letters (5F20 is ans): only a name in
  // ideographs can be compared with the others.
  if (bankName && /\p{Script=Han}/u.test(bankName)) out.push({ source: 'bank', claim: { name: bankName } });
  return out;
}

const sameName = (a: string, b: string) => normaliseName(a) === normaliseName(b);
const normaliseName = (name: string) => name.replace(/[\s\u3000·•・.．]/g, '');
const sameId = (a: string, b: string) => a.toUpperCase() === b.toUpperCase();

function authentication(evidence: IdentityEvidence): IdentityCheck {
  if (evidence.cardError) return result('CARD_NOT_READ', evidence.cardError);
  if (evidence.authentication === 'passed') return result('PSAM_AUTH_OK');
  return result(evidence.authentication === 'failed' ? 'PSAM_AUTH_FAILED' : 'PSAM_AUTH_NOT_RUN');
}

function issuerCertificate(evidence: IdentityEvidence, options: IdentityCheckOptions): IdentityCheck {
  const hex = evidence.health?.items.issuerCertificate;
  if (!hex) return result('CERT_NOT_READ');
  if (!options.trustedRoot) return result('CERT_NO_ROOT');
  let certificate: ReturnType<typeof decodeCertificate>;
  try {
    certificate = decodeCertificate(Buffer.from(hex, 'hex'));
  } catch {
    return result('CERT_MALFORMED');
  }
  try {
    verifyCertificate(certificate, options.trustedRoot, { role: 'issuer', at: options.today });
    return result('CERT_VERIFIED');
  } catch (e) {
    return result(toHcardError(e).code === 'HCARD_E_CERT_EXPIRED' ? 'CERT_EXPIRED' : 'CERT_UNTRUSTED');
  }
}

function securityCode(evidence: IdentityEvidence, options: IdentityCheckOptions): IdentityCheck {
  const items = evidence.health?.items;
  const { cardNumber, issueDate, expiryDate, securityCode: printed } = items ?? {};
  if (!cardNumber || !issueDate || !expiryDate || !printed) return result('CVN_NOT_READ');
  if (!options.securityCode) return result('CVN_NO_KEY');
  return result(
    options.securityCode({ cardNumber, issueDate, expiryDate }) === printed ? 'CVN_MATCHES' : 'CVN_MISMATCH',
  );
}

function notExpired(evidence: IdentityEvidence, options: IdentityCheckOptions): IdentityCheck {
  const expiries = [
    ['health', evidence.health?.items.expiryDate],
    ['ssse', evidence.ssse?.expiryDate],
  ].filter((e): e is [string, string] => Boolean(e[1]));
  if (expiries.length === 0) return result('CARD_EXPIRY_NOT_READ');
  const expired = expiries.filter(([, date]) => date < options.today).map(([source]) => source);
  return expired.length > 0 ? result('CARD_EXPIRED', `expired: ${expired.join(', ')}`) : result('CARD_VALID');
}

function idNumberValid(evidence: IdentityEvidence, options: IdentityCheckOptions): IdentityCheck {
  const holder = claims(evidence).find((c) => c.claim.idNumber);
  const id = holder?.claim.idNumber;
  if (!holder || !id) return result('ID_NOT_READ');
  let parsed: ReturnType<typeof parseCitizenId>;
  try {
    parsed = parseCitizenId(id, { today: options.today });
  } catch (e) {
    return result('ID_INVALID', `${holder.source}: ${String(toHcardError(e).details.rule ?? 'format')}`);
  }
  if (holder.claim.birthDate && holder.claim.birthDate !== parsed.birthDate)
    return result('ID_BIRTHDATE_MISMATCH', holder.source);
  if (holder.claim.sex && holder.claim.sex !== parsed.sex) return result('ID_SEX_MISMATCH', holder.source);
  return result('ID_VALID');
}

function notHotlisted(evidence: IdentityEvidence, options: IdentityCheckOptions): IdentityCheck {
  if (!options.hotlist) return result('NO_HOTLIST');
  const numbers = [evidence.health?.items.cardNumber, evidence.ssse?.cardNumber].filter((n): n is string =>
    Boolean(n),
  );
  for (const number of new Set(numbers)) {
    const entry = options.hotlist(number);
    if (entry) return result('HOTLISTED', entry.reason);
  }
  return result('NOT_HOTLISTED');
}

function applicationsAgree(evidence: IdentityEvidence): IdentityCheck {
  const all = claims(evidence);
  const bankId = evidence.bank?.idNumberMatches;
  if (all.length < 2 && bankId === undefined) return result('ONE_APPLICATION');
  const differences: string[] = bankId === false ? ['ID number: health ≠ bank'] : [];
  if (all.length < 2)
    return differences.length > 0
      ? result('APPLICATIONS_DISAGREE', differences[0])
      : result('APPLICATIONS_AGREE');
  const [first, ...others] = all as [(typeof all)[number], ...typeof all];
  for (const other of others) {
    if (first.claim.name && other.claim.name && !sameName(first.claim.name, other.claim.name))
      differences.push(`name: ${first.source} ≠ ${other.source}`);
    if (first.claim.idNumber && other.claim.idNumber && !sameId(first.claim.idNumber, other.claim.idNumber))
      differences.push(`ID number: ${first.source} ≠ ${other.source}`);
  }
  return differences.length > 0
    ? result('APPLICATIONS_DISAGREE', differences.join('; '))
    : result('APPLICATIONS_AGREE');
}

function idCardMatches(evidence: IdentityEvidence): IdentityCheck {
  const idCard = evidence.idCard;
  if (evidence.idCardError) return result('ID_CARD_NOT_READ', evidence.idCardError);
  if (!idCard) return result('NO_ID_CARD');
  const holder = claims(evidence).find((c) => c.source !== 'bank');
  if (!holder) return result('HOLDER_NOT_READ');
  const differences: string[] = [];
  if (holder.claim.name && !sameName(holder.claim.name, idCard.name)) differences.push('name');
  if (holder.claim.idNumber && !sameId(holder.claim.idNumber, idCard.idNumber)) differences.push('ID number');
  return differences.length > 0
    ? result('ID_CARD_MISMATCH', `${differences.join(' and ')}: ID card ≠ ${holder.source}`)
    : result('ID_CARD_MATCHES');
}

export function checkIdentity(evidence: IdentityEvidence, options: IdentityCheckOptions): IdentityVerdict {
  const checks: Record<IdentityCheckName, IdentityCheck> = {
    card_authentication: authentication(evidence),
    issuer_certificate: issuerCertificate(evidence, options),
    security_code: securityCode(evidence, options),
    card_not_expired: notExpired(evidence, options),
    id_number_valid: idNumberValid(evidence, options),
    not_hotlisted: notHotlisted(evidence, options),
    applications_agree: applicationsAgree(evidence),
    id_card_matches: idCardMatches(evidence),
  };
  const list = IDENTITY_CHECKS.map((name) => checks[name]);
  const verdict: Verdict = list.some((c) => c.verdict === 'fail')
    ? 'fail'
    : checks.card_authentication.verdict === 'pass'
      ? 'pass'
      : 'not_possible';
  return { verdict, checks: list };
}
