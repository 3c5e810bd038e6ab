/** What a registration read (and an ID card, when one was read) gives the identity check. */
import type { RegistrationRead } from '../registration/read-registration.js';
import type { IdCardEvidence, IdentityEvidence, SsseEvidence } from './check-identity.js';

const SSSE_SEX: Record<string, 'male' | 'female'> = { '1': 'male', '2': 'female' };

/**
 * Errors of a card read that mean "no card to judge" (none in the reader, or taken out during
 * the read: PC/SC reports the latter as removed or as a transaction that failed): the identity
 * check then says not_possible (CARD_NOT_READ) instead of failing the request.
 */
export const CARD_NOT_READ_ERRORS: ReadonlySet<string> = new Set([
  'HCARD_E_NO_CARD',
  'HCARD_E_CARD_REMOVED',
  'HCARD_E_TRANSPORT',
]);

/**
 * `read` undefined with `cardError`: the card could not be read at all. `idCardError`: the ID
 * card asked for could not be read.
 */
export function identityEvidence(
  read: RegistrationRead | undefined,
  idCard?: IdCardEvidence,
  errors: { cardError?: string; idCardError?: string } = {},
): IdentityEvidence {
  if (!read) return { authentication: 'not_run', ...errors, ...(idCard ? { idCard } : {}) };
  let ssse: SsseEvidence | undefined;
  if (read.ssse?.kind === 'read') {
    const { card, holder } = read.ssse.reading;
    ssse = {
      cardNumber: card.cardNumber,
      expiryDate: card.expiryDate,
      ...(holder.readable
        ? {
            holder: {
              name: holder.value.name,
              idNumber: holder.value.socialSecurityNumber,
              sex: SSSE_SEX[holder.value.sex],
              birthDate: holder.value.birthDate,
            },
          }
        : {}),
    };
  }
  const bank = read.bank?.kind === 'bank-application' ? read.bank : undefined;
  return {
    authentication: read.authentication,
    ...(read.health?.kind === 'read' ? { health: { items: read.health.data.items } } : {}),
    ...(ssse ? { ssse } : {}),
    ...(bank
      ? {
          bank: {
            ...(bank.holderName ? { holderName: bank.holderName } : {}),
            ...(bank.holderIdMatches === undefined ? {} : { idNumberMatches: bank.holderIdMatches }),
          },
        }
      : {}),
    ...(idCard ? { idCard } : {}),
    ...errors,
  };
}
