/**
 * The MOHRSS reader functions over a card channel (spec A.7): `iReadCardBas` with the PSAM in
 * the reader, and the two-step variant for an HSM (加密机) at the social-security back end.
 * The typed forms (`SsseHsmExchange`) return SSSE outcomes; the `i…` forms answer as the DLL
 * does — code 0 and the `|` string, or a negative code and its text — and never throw.
 *
 * HSM exchange (reference COS, ssse-security.ts): step 1 reads EF05 and, on a 3.0 card, draws
 * the internal-authentication factor F and data D (terminal random), the card's challenge R
 * (external factor, GET CHALLENGE `00 84 00 00 08`) and the external data D' (terminal random);
 * the back end answers pKey = hex(fold(ECB_SK(D ‖ 0…))) ‖ 16 free digits ‖ hex(ECB_SK'(D' ‖ R)).
 * Step 2 sends INTERNAL AUTHENTICATE, compares (-25 when it differs), sends EXTERNAL
 * AUTHENTICATE with the cryptogram and reads EF06. The card must stay in the reader between
 * the steps: its challenge is only good for that power-on.
 */
import { equalBytes, fromHex, toHex } from '../bytes.js';
import type { CardChannel } from '../channel/card-channel.js';
import { hcardError, toHcardError } from '../errors.js';
import { atrHistoricalBytes } from './atr-historical-bytes.js';
import {
  buildCardBasString,
  buildHsmStep1String,
  type CardBasFields,
  cardBasFieldsOf,
  type HsmStep1Fields,
  type TerminalIds,
} from './card-bas-string.js';
import { MOHRSS_OK, type MohrssError, toMohrssError } from './mohrss-errors.js';
import { holderDataProtected } from './ssse-application.js';
import { type ReadSocialSecurityOptions, readSocialSecurity } from './ssse-reader.js';
import { type SsseCardData, type SsseOutcome, SsseSession, type SsseSettings } from './ssse-session.js';

export interface ReadCardBasOptions extends ReadSocialSecurityOptions {
  /** 终端设备号, field 11 (the reader's serial). */
  readonly readerSerial?: string;
  /** 终端机编号, field 10, when there is no PSAM to read it from (file 0016). */
  readonly terminalNumber?: string;
}

/** A DLL function's answer: code 0 with the output string, or a negative code with its text. */
export interface MohrssResult {
  readonly code: number;
  readonly output: string;
}

const failed = (e: MohrssError): MohrssResult => ({ code: e.code, output: e.text });

async function asMohrss<T extends MohrssResult>(
  body: () => Promise<T | MohrssResult>,
): Promise<T | MohrssResult> {
  try {
    return await body();
  } catch (e) {
    // The national interface has no exceptions: an error is a code and a text.
    return failed(toMohrssError(toHcardError(e)));
  }
}

/** `iReadCardBas`: the 11-field string, reading 3.0 cards through the PSAM (A.6, A.7). */
export function iReadCardBas(channel: CardChannel, options: ReadCardBasOptions = {}): Promise<MohrssResult> {
  return asMohrss(async () => {
    const read = await readSocialSecurity(channel, options);
    if (!read.ok) return failed(toMohrssError(read.failure));
    const { card, holder, atrHistoricalBytes } = read.value;
    if (!holder.readable) return failed(toMohrssError(holder.reason));
    // A.7 field 10: the PSAM's terminal number, file 0016 (6 bytes → 12 hex digits).
    const terminalNumber = options.psam
      ? await options.psam.client.readTerminalNumber()
      : options.terminalNumber;
    const fields = cardBasFieldsOf(card, holder.value, atrHistoricalBytes, {
      terminalNumber,
      readerSerial: options.readerSerial,
    });
    return { code: MOHRSS_OK, output: buildCardBasString(fields) };
  });
}

export interface HsmOptions extends TerminalIds {
  readonly settings?: Partial<SsseSettings>;
}

/** pKey of a 3.0 card: 16 hex digits of the expected internal result, digits 33–64 the cryptogram. */
export function parsePKey(pKey: string): {
  readonly internalResult: Uint8Array;
  readonly cryptogram: Uint8Array;
} {
  // One integration appends "|" to pKey (A.7); it is not part of the data.
  const text = pKey.endsWith('|') ? pKey.slice(0, -1) : pKey;
  if (!/^[0-9A-Fa-f]{64}/.test(text))
    throw hcardError('HCARD_E_SSSE_PKEY_INVALID', `${text.length} characters, or not hex in the first 64`);
  return { internalResult: fromHex(text.slice(0, 16)), cryptogram: fromHex(text.slice(32, 64)) };
}

export interface HsmStep2Result {
  readonly fields: CardBasFields;
  readonly output: string;
}

/** The two HSM steps on one card; step 1 creates it, step 2 finishes it. */
export class SsseHsmExchange {
  /** What step 1 hands to the back end. */
  readonly fields: HsmStep1Fields;
  readonly output: string;
  readonly #session: SsseSession;
  readonly #card: SsseCardData;
  readonly #atr: string;
  readonly #terminal: TerminalIds;

  private constructor(
    session: SsseSession,
    card: SsseCardData,
    fields: HsmStep1Fields,
    terminal: TerminalIds,
  ) {
    this.#session = session;
    this.#card = card;
    this.#atr = toHex(session.card.atr);
    this.#terminal = terminal;
    this.fields = fields;
    this.output = buildHsmStep1String(fields);
  }

  static async step1(channel: CardChannel, options: HsmOptions = {}): Promise<SsseOutcome<SsseHsmExchange>> {
    const opened = await SsseSession.select(channel, options.settings);
    if (!opened.ok) return opened;
    const session = opened.value;
    const card = await session.readCardData();
    if (!card.ok) return card;
    const random = { internalFactor: '', internalData: '', externalFactor: '', externalData: '' };
    if (holderDataProtected(card.value.generation)) {
      // Only 3.0 cards produce the four values (A.7); the card's challenge comes last.
      random.internalFactor = toHex(session.settings.random(8));
      random.internalData = toHex(session.settings.random(8));
      const challenge = await session.getChallenge();
      if (!challenge.ok) return challenge;
      random.externalFactor = toHex(challenge.value);
      random.externalData = toHex(session.settings.random(8));
    }
    const fields: HsmStep1Fields = {
      regionCode: card.value.regionCode,
      atrHistoricalBytes: toHex(atrHistoricalBytes(channel.atr)),
      algorithm: toHex(Uint8Array.of(session.algorithm)),
      cardIdCode: card.value.cardIdCode,
      ...random,
      readerSerial: options.readerSerial ?? '',
    };
    return { ok: true, value: new SsseHsmExchange(session, card.value, fields, options) };
  }

  /**
   * Step 2 with the back end's pKey (ignored for 1.0/2.0 cards). A malformed pKey throws
   * HCARD_E_SSSE_PKEY_INVALID (MOHRSS -23); a card answer that differs from the HSM's is the
   * typed failure `hsm-mismatch` (-25).
   */
  async step2(pKey: string): Promise<SsseOutcome<HsmStep2Result>> {
    const session = this.#session;
    const generation = this.#card.generation;
    if (holderDataProtected(generation)) {
      const { internalResult, cryptogram } = parsePKey(pKey);
      if (toHex(session.card.atr) !== this.#atr) return { ok: false, failure: { kind: 'card-changed' } };
      const answer = await session.internalAuthenticate(
        fromHex(this.fields.internalFactor),
        fromHex(this.fields.internalData),
      );
      if (!answer.ok) return answer;
      if (!equalBytes(answer.value, internalResult)) return { ok: false, failure: { kind: 'hsm-mismatch' } };
      const granted = await session.externalAuthenticate(cryptogram);
      if (!granted.ok) return granted;
    }
    const holder = await session.readHolderData(generation);
    if (!holder.ok) return holder;
    const fields = cardBasFieldsOf(this.#card, holder.value, this.fields.atrHistoricalBytes, this.#terminal);
    return { ok: true, value: { fields, output: buildCardBasString(fields) } };
  }
}

/** `iReadCardBas_HSM_Step1`: code 0, the 9-field string, and the exchange step 2 needs. */
export async function iReadCardBasHsmStep1(
  channel: CardChannel,
  options: HsmOptions = {},
): Promise<MohrssResult & { readonly exchange?: SsseHsmExchange }> {
  return asMohrss(async () => {
    const step1 = await SsseHsmExchange.step1(channel, options);
    if (!step1.ok) return failed(toMohrssError(step1.failure));
    return { code: MOHRSS_OK, output: step1.value.output, exchange: step1.value };
  });
}

/** `iReadCardBas_HSM_Step2`: the same 11-field string as iReadCardBas, or -23 / -25 / a card code. */
export function iReadCardBasHsmStep2(exchange: SsseHsmExchange, pKey: string): Promise<MohrssResult> {
  return asMohrss(async () => {
    const step2 = await exchange.step2(pKey);
    return step2.ok ? { code: MOHRSS_OK, output: step2.value.output } : failed(toMohrssError(step2.failure));
  });
}
