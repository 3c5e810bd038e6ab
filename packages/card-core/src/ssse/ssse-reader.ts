/**
 * Reads the SSSE application (spec A.6): EF05 for every card; EF06 directly on 1.0 and 2.0
 * cards; on 3.0 cards first INTERNAL AUTHENTICATE (is the card genuine?) and then EXTERNAL
 * AUTHENTICATE with RKSSSE, both computed by the terminal's PSAM. Without a PSAM, or with one
 * that lacks the card's algorithm or keys, a 3.0 card's holder data is a typed "not readable"
 * with the reason; a card that fails internal authentication fails the whole read.
 */
import { concatBytes, equalBytes, fromHex, toHex } from '../bytes.js';
import type { CardChannel } from '../channel/card-channel.js';
import { authInput, foldCryptogram } from '../crypto/secure-messaging.js';
import { isHcardError } from '../errors.js';
import type { PsamClient } from '../psam/psam-client.js';
import { atrHistoricalBytes } from './atr-historical-bytes.js';
import { holderDataProtected } from './ssse-application.js';
import { type PsamKeySlot, ssseExternalAuthInput } from './ssse-security.js';
import {
  type SsseCardData,
  type SsseFailure,
  type SsseHolderData,
  type SsseOutcome,
  SsseSession,
  type SsseSettings,
} from './ssse-session.js';

/** The terminal's PSAM and its PIN (no default: a wrong PIN burns one of the PSAM's few tries). */
export interface SssePsam {
  readonly client: PsamClient;
  readonly pin: string | undefined;
}

export interface ReadSocialSecurityOptions {
  /** Needed for the holder data of 3.0 cards. */
  readonly psam?: SssePsam;
  readonly settings?: Partial<SsseSettings>;
}

export type SsseHolderOutcome =
  | { readonly readable: true; readonly value: SsseHolderData }
  | { readonly readable: false; readonly reason: SsseFailure };

export interface SsseReading {
  readonly card: SsseCardData;
  readonly holder: SsseHolderOutcome;
  /** Algorithm id from the SELECT answer's 9F0C, or the configured default. */
  readonly algorithm: number;
  /** The ATR's historical bytes as hex (iReadCardBas field 6). */
  readonly atrHistoricalBytes: string;
}

export async function readSocialSecurity(
  channel: CardChannel,
  options: ReadSocialSecurityOptions = {},
): Promise<SsseOutcome<SsseReading>> {
  const opened = await SsseSession.select(channel, options.settings);
  if (!opened.ok) return opened;
  const session = opened.value;
  const card = await session.readCardData();
  if (!card.ok) return card;
  const generation = card.value.generation;
  const reading = (holder: SsseHolderOutcome): SsseOutcome<SsseReading> => ({
    ok: true,
    value: {
      card: card.value,
      holder,
      algorithm: session.algorithm,
      atrHistoricalBytes: toHex(atrHistoricalBytes(channel.atr)),
    },
  });
  if (holderDataProtected(generation)) {
    const auth = await authenticateWithPsam(session, card.value, options.psam);
    if (!auth.ok) {
      if (auth.stage === 'card-validity') return { ok: false, failure: auth.failure };
      return reading({ readable: false, reason: auth.failure });
    }
  }
  const holder = await session.readHolderData(generation);
  return reading(
    holder.ok ? { readable: true, value: holder.value } : { readable: false, reason: holder.failure },
  );
}

type AuthOutcome =
  | { readonly ok: true }
  /** `card-validity`: the card failed to prove it is genuine; `access`: EF06 stays closed. */
  | { readonly ok: false; readonly stage: 'card-validity' | 'access'; readonly failure: SsseFailure };

const closed = (failure: SsseFailure): AuthOutcome => ({ ok: false, stage: 'access', failure });

/** INTERNAL then EXTERNAL AUTHENTICATE with the PSAM's SSSE keys (A.6; ssse-security.ts). */
async function authenticateWithPsam(
  session: SsseSession,
  card: SsseCardData,
  psam: SssePsam | undefined,
): Promise<AuthOutcome> {
  if (!psam) return closed({ kind: 'psam-missing' });
  const { security, random } = session.settings;
  const slots = security.psamKeys[session.algorithm];
  if (!slots) return closed({ kind: 'algorithm-unsupported', algorithm: session.algorithm });
  const diversification = concatBytes(...security.factors(fromHex(card.cardIdCode)));
  await psam.client.open(psam.pin);

  // Card validity: the card encrypts the terminal's random data; the PSAM computes the same.
  const factor = random(8);
  const data = random(8);
  const expected = await psamEncrypt(psam.client, slots.IKSSSE, diversification, factor, authInput(data));
  if (!expected.ok) return closed(expected.failure);
  const answer = await session.internalAuthenticate(factor, data);
  if (!answer.ok) return { ok: false, stage: 'card-validity', failure: answer.failure };
  if (!equalBytes(answer.value, foldCryptogram(expected.value)))
    return { ok: false, stage: 'card-validity', failure: { kind: 'internal-auth-failed' } };

  // Access to EF06: the PSAM answers the card's challenge under RKSSSE.
  const challenge = await session.getChallenge();
  if (!challenge.ok) return closed(challenge.failure);
  const terminalData = random(8);
  const input = ssseExternalAuthInput(terminalData, challenge.value);
  const cryptogram = await psamEncrypt(psam.client, slots.RKSSSE, diversification, challenge.value, input);
  if (!cryptogram.ok) return closed(cryptogram.failure);
  const granted = await session.externalAuthenticate(cryptogram.value);
  return granted.ok ? { ok: true } : closed(granted.failure);
}

/** PSAM status words that mean "this PSAM lacks the SSSE key" (MOHRSS -2203 / -24). */
const PSAM_KEY_FAILURES: Readonly<Record<string, SsseFailure>> = {
  '6A88': { kind: 'psam-key-missing' },
  '6A86': { kind: 'psam-key-level' },
};

async function psamEncrypt(
  client: PsamClient,
  slot: PsamKeySlot,
  diversification: Uint8Array,
  sessionFactor: Uint8Array,
  blocks: Uint8Array,
): Promise<SsseOutcome<Uint8Array>> {
  try {
    return { ok: true, value: await client.encryptWithKey(slot, diversification, sessionFactor, blocks) };
  } catch (e) {
    if (isHcardError(e, 'HCARD_E_PSAM_REFUSED') && e.details.command === 'PSAM INIT KEY') {
      const failure = PSAM_KEY_FAILURES[String(e.details.sw)];
      if (failure) return { ok: false, failure };
    }
    throw e;
  }
}
