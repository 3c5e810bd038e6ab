/**
 * A registration read of the three-in-one card: the health application (the sections asked
 * for), the social-security application (card and holder data, the holder through the PSAM on
 * 3.0 cards) and the bank application (masked), one after the other over one CardChannel and one
 * PSAM. Each application's outcome is its own: a chip without one of them, or one refusing, does
 * not stop the others. The result also says whether the card authenticated through the PSAM,
 * which is what the identity check's first verdict rests on.
 */
import { type BankReadResult, readBankApplication } from '../bank/read-bank-application.js';
import type { CardChannel } from '../channel/card-channel.js';
import type { Refusal } from '../commands/descriptor.js';
import { APPLICATION_NOT_THERE } from '../commands/iso7816.js';
import { isHcardError } from '../errors.js';
import {
  type HealthCardData,
  HealthCardSession,
  type HealthCardSessionOptions,
  type Section,
} from '../health/health-card-session.js';
import type { PsamClient } from '../psam/psam-client.js';
import { buildCardBasString, cardBasFieldsOf } from '../ssse/card-bas-string.js';
import { readSocialSecurity, type SsseReading } from '../ssse/ssse-reader.js';
import type { SsseFailure } from '../ssse/ssse-session.js';

export const CARD_APPLICATIONS = ['health', 'ssse', 'bank'] as const;
export type CardApplication = (typeof CARD_APPLICATIONS)[number];

export type HealthOutcome =
  | { readonly kind: 'read'; readonly data: HealthCardData }
  | { readonly kind: 'absent' }
  | { readonly kind: 'refused'; readonly refusal: Refusal };

export type SsseOutcomeOfRead =
  | {
      readonly kind: 'read';
      readonly reading: SsseReading;
      /** The national `iReadCardBas` 11-field string (spec A.7); absent when the holder data was not readable. */
      readonly cardBas?: string;
    }
  | { readonly kind: 'absent' }
  | { readonly kind: 'failed'; readonly failure: SsseFailure };

export interface RegistrationRead {
  readonly health?: HealthOutcome;
  readonly ssse?: SsseOutcomeOfRead;
  readonly bank?: BankReadResult;
  /**
   * The PSAM-driven authentication: `passed` when an application proved its keys (health: the
   * external authentication of its read key; SSSE 3.0: internal authentication), `failed` when
   * one was refused, `not_run` when none took place.
   */
  readonly authentication: 'passed' | 'failed' | 'not_run';
}

export interface RegistrationReadOptions {
  readonly apps?: readonly CardApplication[];
  /** Health sections to read (default the registration sections). */
  readonly sections?: readonly Section[];
  readonly psam: PsamClient;
  readonly psamPin: string | undefined;
  /** 终端设备号 for the `iReadCardBas` string (field 11). */
  readonly readerSerial?: string;
  /** Further health-session options (settings other than the PIN, profile). */
  readonly health?: HealthCardSessionOptions;
  /**
   * The health application's data when it was already read from this card since it went in (a
   * snapshot taken through an authenticated session): it stands as the health outcome and the
   * health application is not read again.
   */
  readonly healthData?: HealthCardData;
}

/** Issuer, holder and insurance items: what a desk shows (the gateway's default sections). */
export const REGISTRATION_SECTIONS: readonly Section[] = ['basic', 'extended'];
/** Status words of an EXTERNAL AUTHENTICATE the card refuses for a wrong cryptogram (spec §6.2). */
const AUTHENTICATION_REFUSED = (r: Refusal) =>
  r.command === 'EXTERNAL AUTHENTICATE' && ((r.sw & 0xfff0) === 0x63c0 || r.sw === 0x6988 || r.sw === 0x6983);

async function readHealth(channel: CardChannel, options: RegistrationReadOptions): Promise<HealthOutcome> {
  let opened: Awaited<ReturnType<typeof HealthCardSession.open>>;
  try {
    opened = await HealthCardSession.open(channel, options.psam, {
      ...options.health,
      settings: { ...options.health?.settings, psamPin: options.psamPin },
    });
  } catch (e) {
    // An ATR without the card factor: no health application on this chip.
    if (isHcardError(e, 'HCARD_E_CARD_DATA_INVALID')) return { kind: 'absent' };
    throw e;
  }
  if (!opened.ok)
    return APPLICATION_NOT_THERE.has(opened.refusal.sw)
      ? { kind: 'absent' }
      : { kind: 'refused', refusal: opened.refusal };
  const read = await opened.value.readCard(options.sections ?? REGISTRATION_SECTIONS);
  return read.ok ? { kind: 'read', data: read.value } : { kind: 'refused', refusal: read.refusal };
}

async function readSsse(channel: CardChannel, options: RegistrationReadOptions): Promise<SsseOutcomeOfRead> {
  const read = await readSocialSecurity(channel, { psam: { client: options.psam, pin: options.psamPin } });
  if (read.ok) {
    const { card, holder, atrHistoricalBytes } = read.value;
    if (!holder.readable) return { kind: 'read', reading: read.value };
    // Field 10 is the PSAM's terminal number (file 0016), field 11 the reader's serial.
    const terminalNumber = await options.psam.readTerminalNumber();
    const fields = cardBasFieldsOf(card, holder.value, atrHistoricalBytes, {
      terminalNumber,
      ...(options.readerSerial ? { readerSerial: options.readerSerial } : {}),
    });
    return { kind: 'read', reading: read.value, cardBas: buildCardBasString(fields) };
  }
  return read.failure.kind === 'no-application'
    ? { kind: 'absent' }
    : { kind: 'failed', failure: read.failure };
}

function authenticationOf(
  read: Omit<RegistrationRead, 'authentication'>,
): RegistrationRead['authentication'] {
  const healthFailed = read.health?.kind === 'refused' && AUTHENTICATION_REFUSED(read.health.refusal);
  const ssseFailed = read.ssse?.kind === 'failed' && read.ssse.failure.kind === 'internal-auth-failed';
  if (healthFailed || ssseFailed) return 'failed';
  const healthPassed = read.health?.kind === 'read';
  const sssePassed =
    read.ssse?.kind === 'read' && read.ssse.reading.card.generation >= 3 && read.ssse.reading.holder.readable;
  return healthPassed || sssePassed ? 'passed' : 'not_run';
}

export async function readRegistration(
  channel: CardChannel,
  options: RegistrationReadOptions,
): Promise<RegistrationRead> {
  const apps = options.apps ?? CARD_APPLICATIONS;
  const out: { -readonly [K in keyof RegistrationRead]?: RegistrationRead[K] } = {};
  if (apps.includes('health'))
    out.health = options.healthData
      ? { kind: 'read', data: options.healthData }
      : await readHealth(channel, options);
  if (apps.includes('ssse')) out.ssse = await readSsse(channel, options);
  if (apps.includes('bank')) {
    const idNumber = out.health?.kind === 'read' ? out.health.data.items.idNumber : undefined;
    out.bank = await readBankApplication(channel, idNumber ? { expectedIdNumber: idNumber } : {});
  }
  return { ...out, authentication: authenticationOf(out) };
}
