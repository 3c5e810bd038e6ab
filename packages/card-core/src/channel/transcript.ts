/**
 * Transcript decorator: reports every exchange to a sink (for logs, bug reports and test
 * fixtures). What the sink sees is filtered by two sets of rules, both data (below):
 *
 * - Redaction, always: the data field of a command that carries a PIN or key material is
 *   replaced by a single `*` (2A), hiding even its length; the entry says `redacted: true`. So
 *   is the data of a response that carries bank authentication data (JR/T 0171 鉴别信息):
 *   a payment application's READ RECORD with the PAN, track 2, expiry or holder ID number, and
 *   a GET PROCESSING OPTIONS format 2 response (it may carry track 2). Such transcripts cannot
 *   be replayed to a reader that needs those records.
 * - Masking of personal data, the default (`privacy: 'mask-personal-data'`): the data of
 *   responses that return card data (READ RECORD, READ BINARY, and on T=0 the GET RESPONSE
 *   chain that fetches their data), the data of commands that write card data (UPDATE / WRITE /
 *   APPEND RECORD, UPDATE / WRITE BINARY, plain or with secure messaging), and what the PSAM is
 *   given to compute with (80 DE factors, 80 FA data, PSO digests and signatures) are replaced
 *   byte for byte by `*` (2A). Header, Lc/Le, lengths and status words stay, so the flow of a
 *   session can still be followed; the entry says `masked: true`. Error messages are cut to
 *   their catalogue code and text, since a driver's own message may echo command bytes.
 *
 * A default transcript therefore holds neither secrets nor the holder's name, ID number,
 * phones or other card data, and can be logged. It still shows which files and records were
 * touched, lengths, status words, timings, SELECTed FIDs, challenges and cryptograms; the ATR
 * (the card's diversification factor) is not in the entries, but whoever writes a transcript
 * header may add it (`transcriptToJsonl`).
 *
 * `{ privacy: 'secrets-only' }` turns masking off and keeps card data in clear (redaction
 * stays): only for synthetic cards, e.g. the recorded test fixtures, never for a real person's
 * card.
 */
import { ERROR_CATALOGUE, HcardError } from '../errors.js';
import { type BerTlv, decodeBerTlv } from '../tlv/ber-tlv.js';
import { type CardChannel, forwardChannel } from './card-channel.js';

export interface TranscriptEntry {
  /** Sequence number within this channel, from 1. */
  readonly n: number;
  /** The command as sent, after redaction and masking. */
  readonly command: Uint8Array;
  /** The response after masking; undefined when the transmit failed. */
  readonly response?: Uint8Array;
  /** Why the transmit failed; only the code and catalogue text when masking or redaction applies. */
  readonly error?: string;
  /**
   * The command's data (PIN or key material) or the response's data (bank authentication data)
   * was replaced by a single 2A.
   */
  readonly redacted: boolean;
  /** Command or response data bytes were each replaced by 2A (personal card data). */
  readonly masked: boolean;
  readonly ms: number;
}

export interface RedactionRule {
  /** CLA to match (with the secure-messaging and channel bits masked off), or any. */
  readonly cla?: number;
  readonly ins: number;
  /**
   * Absent: the command's data field is secret. Present: the response's data is, when it is a
   * BER-TLV `template` holding one of `tags` anywhere inside (any content when `tags` is
   * absent); data that starts with the template but does not decode counts as holding them.
   */
  readonly response?: { readonly template: number; readonly tags?: readonly number[] };
  readonly why: string;
}

/** Commands whose data field, or whose response's data, is secret. */
export const REDACTION_RULES: readonly RedactionRule[] = [
  { ins: 0x20, why: 'VERIFY: PIN' },
  { ins: 0x24, why: 'CHANGE REFERENCE DATA: PIN' },
  { ins: 0x2c, why: 'RESET RETRY COUNTER: PIN / PUK' },
  { cla: 0x80, ins: 0x5e, why: 'PSAM CHANGE PIN: old and new PIN' },
  { cla: 0x80, ins: 0xd4, why: 'WRITE KEY: key material' },
  {
    ins: 0xb2,
    response: { template: 0x70, tags: [0x5a, 0x57, 0x5f24, 0x9f61] },
    why: 'READ RECORD of a payment application: PAN, track 2, expiry, holder ID number (spec B.7)',
  },
  {
    cla: 0x80,
    ins: 0xa8,
    response: { template: 0x77 },
    why: 'GET PROCESSING OPTIONS format 2: may carry track 2 and cryptogram data (spec B.3)',
  },
];

export interface MaskingRule {
  /** CLA to match (with the secure-messaging and channel bits masked off), or any. */
  readonly cla?: number;
  readonly ins: number;
  /**
   * What carries card data: the command's data field, the response's data (and, on T=0, the
   * GET RESPONSE exchanges that fetch it), or both.
   */
  readonly mask: 'command' | 'response' | 'both';
  readonly why: string;
}

/** Commands whose data, or whose response's data, is the holder's data (in the default mode). */
export const MASKING_RULES: readonly MaskingRule[] = [
  { ins: 0xb0, mask: 'response', why: 'READ BINARY: photo, encounter records, PSAM files' },
  { ins: 0xb1, mask: 'response', why: 'READ BINARY (odd INS)' },
  { ins: 0xb2, mask: 'response', why: 'READ RECORD: name, ID number, phones, clinical data' },
  { ins: 0xb3, mask: 'response', why: 'READ RECORD (odd INS)' },
  { ins: 0xd0, mask: 'command', why: 'WRITE BINARY' },
  { ins: 0xd1, mask: 'command', why: 'WRITE BINARY (odd INS)' },
  { ins: 0xd6, mask: 'command', why: 'UPDATE BINARY: photo, encounter records, signatures' },
  { ins: 0xd7, mask: 'command', why: 'UPDATE BINARY (odd INS)' },
  { ins: 0xdc, mask: 'command', why: 'UPDATE RECORD: TLV items (plain or secure messaging), allergies' },
  { ins: 0xdd, mask: 'command', why: 'UPDATE RECORD (odd INS)' },
  { ins: 0xd2, mask: 'command', why: 'WRITE RECORD' },
  { ins: 0xe2, mask: 'command', why: 'APPEND RECORD' },
  { cla: 0x80, ins: 0xde, mask: 'command', why: 'PSAM INIT KEY: factors from the card (CN, city code)' },
  { cla: 0x80, ins: 0xfa, mask: 'command', why: 'PSAM ENCRYPT / MAC: plaintext card data, SM commands' },
  {
    ins: 0x2a,
    mask: 'both',
    why: 'PERFORM SECURITY OPERATION: digest of card data; an SM2 signature gives the digest back',
  },
];

/** `'secrets-only'` keeps card data in clear: for synthetic cards only. */
export type TranscriptPrivacy = 'mask-personal-data' | 'secrets-only';

export interface TranscriptOptions {
  /** Default `'mask-personal-data'`. */
  readonly privacy?: TranscriptPrivacy;
  readonly redactionRules?: readonly RedactionRule[];
  /** Used unless `privacy` is `'secrets-only'`. */
  readonly maskingRules?: readonly MaskingRule[];
}

/** The byte that stands for a redacted data field, and for each masked byte. */
export const TRANSCRIPT_FILLER = 0x2a;

const GET_RESPONSE = 0xc0;

function matchesRule(command: Uint8Array, rule: { readonly cla?: number; readonly ins: number }): boolean {
  // The low nibble of CLA carries secure-messaging and logical-channel bits; match without it.
  const cla = (command[0] ?? 0) & 0xf0;
  return rule.ins === command[1] && (rule.cla === undefined || (rule.cla & 0xf0) === cla);
}

export function mustRedact(command: Uint8Array, rules: readonly RedactionRule[] = REDACTION_RULES): boolean {
  return rules.some((r) => r.response === undefined && matchesRule(command, r));
}

/** The rules that may make this command's response secret (see RedactionRule.response). */
export function responseRedactionRules(
  command: Uint8Array,
  rules: readonly RedactionRule[] = REDACTION_RULES,
): readonly RedactionRule[] {
  return rules.filter((r) => r.response !== undefined && matchesRule(command, r));
}

const holdsTag = (objects: readonly BerTlv[], tags: readonly number[]): boolean =>
  objects.some((o) => tags.includes(o.tag) || (o.children !== undefined && holdsTag(o.children, tags)));

/** Whether the response's data is secret under one of `rules` (from responseRedactionRules). */
export function isSecretResponse(response: Uint8Array, rules: readonly RedactionRule[]): boolean {
  const data = response.subarray(0, Math.max(0, response.length - 2));
  return rules.some(({ response: match }) => {
    if (!match || data[0] !== match.template) return false;
    if (!match.tags) return true;
    try {
      return holdsTag(decodeBerTlv(data), match.tags);
    } catch {
      return true; // a template cut short (T=0 chunks) or malformed: it may hold them
    }
  });
}

/** Keeps the status word and replaces the data with a single `*` (0x2A), hiding its length. */
export function redactResponse(response: Uint8Array): Uint8Array {
  return response.length <= 2
    ? Uint8Array.from(response)
    : Uint8Array.of(TRANSCRIPT_FILLER, ...response.subarray(response.length - 2));
}

/** Keeps the 4 header bytes and replaces the rest with a single `*` (0x2A). */
export function redactCommand(command: Uint8Array): Uint8Array {
  return command.length <= 4
    ? Uint8Array.from(command)
    : Uint8Array.of(...command.subarray(0, 4), TRANSCRIPT_FILLER);
}

/** The first masking rule for this command, if any. */
export function maskingRuleFor(
  command: Uint8Array,
  rules: readonly MaskingRule[] = MASKING_RULES,
): MaskingRule | undefined {
  return rules.find((r) => matchesRule(command, r));
}

/**
 * Where the data field of a command lies (ISO/IEC 7816-3 §12.1 cases; see command-apdu.ts), or
 * undefined when it has none. A body that fits no case is treated as all data.
 */
function dataField(command: Uint8Array): readonly [number, number] | undefined {
  const body = command.length - 4;
  if (body <= 1) return undefined; // case 1, 2S
  const b0 = command[4]!;
  if (b0 !== 0) {
    if (body === 1 + b0 || body === 2 + b0) return [5, 5 + b0]; // case 3S, 4S
  } else if (body === 3) {
    return undefined; // case 2E
  } else {
    const nc = (command[5]! << 8) | command[6]!;
    if (nc > 0 && (body === 3 + nc || body === 5 + nc)) return [7, 7 + nc]; // case 3E, 4E
  }
  return [4, command.length];
}

function fill(bytes: Uint8Array, start: number, end: number): Uint8Array {
  const out = Uint8Array.from(bytes);
  out.fill(TRANSCRIPT_FILLER, start, end);
  return out;
}

/** The command with each byte of its data field replaced by 2A; header and Lc/Le kept. */
export function maskCommand(command: Uint8Array): Uint8Array {
  const field = dataField(command);
  return field ? fill(command, ...field) : Uint8Array.from(command);
}

/** The response with each data byte replaced by 2A; the status word kept. */
export function maskResponse(response: Uint8Array): Uint8Array {
  return response.length <= 2 ? Uint8Array.from(response) : fill(response, 0, response.length - 2);
}

/**
 * The command as a transcript with these options shows it: redacted, masked or as sent. Also
 * what `ReplayChannel` compares a live command with.
 */
export function transcriptCommand(
  command: Uint8Array,
  options: TranscriptOptions = {},
): { readonly shown: Uint8Array; readonly redacted: boolean; readonly masked: boolean } {
  if (mustRedact(command, options.redactionRules)) {
    return { shown: redactCommand(command), redacted: true, masked: false };
  }
  const rule = options.privacy === 'secrets-only' ? undefined : maskingRuleFor(command, options.maskingRules);
  if (rule && rule.mask !== 'response' && dataField(command)) {
    return { shown: maskCommand(command), redacted: false, masked: true };
  }
  return { shown: Uint8Array.from(command), redacted: false, masked: false };
}

/** An error's code and catalogue text only (HcardError), or only its name (anything else). */
function withheldError(e: unknown): string {
  if (e instanceof HcardError) return `${e.code}: ${ERROR_CATALOGUE[e.code].message}`;
  return `${e instanceof Error ? e.name : typeof e} (message withheld)`;
}

export function withTranscript(
  inner: CardChannel,
  sink: (entry: TranscriptEntry) => void,
  options: TranscriptOptions = {},
): CardChannel {
  const masking = options.privacy !== 'secrets-only';
  let n = 0;
  // Whether the response data of the last exchange was card data: then a GET RESPONSE that
  // follows (T=0) fetches more of it. Unknown (before the first exchange, after a failure)
  // counts as card data.
  let lastWasCardData: boolean | undefined;
  // The response-redaction rules of a command answered with 61xx (T=0), for the GET RESPONSE
  // exchanges that fetch its data, and whether its data was already found secret.
  let chain: { readonly rules: readonly RedactionRule[]; readonly secret: boolean } | undefined;
  return forwardChannel(inner, async (command) => {
    const { shown, redacted, masked: commandMasked } = transcriptCommand(command, options);
    const continuing = command[1] === GET_RESPONSE ? chain : undefined;
    const secretRules = continuing?.rules ?? responseRedactionRules(command, options.redactionRules);
    const rule = masking ? maskingRuleFor(command, options.maskingRules) : undefined;
    const maskData =
      masking &&
      (rule !== undefined
        ? rule.mask !== 'command'
        : command[1] === GET_RESPONSE && lastWasCardData !== false);
    const started = performance.now();
    const seq = ++n;
    try {
      const response = await inner.transmit(command);
      lastWasCardData = maskData;
      const secret =
        secretRules.length > 0 &&
        (continuing?.secret === true || isSecretResponse(response, secretRules)) &&
        response.length > 2;
      chain =
        secretRules.length > 0 && response[response.length - 2] === 0x61
          ? { rules: secretRules, secret: secret || continuing?.secret === true }
          : undefined;
      const responseMasked = !secret && maskData && response.length > 2;
      sink({
        n: seq,
        command: shown,
        response: secret
          ? redactResponse(response)
          : maskData
            ? maskResponse(response)
            : Uint8Array.from(response),
        redacted: redacted || secret,
        masked: commandMasked || responseMasked,
        ms: performance.now() - started,
      });
      return response;
    } catch (e) {
      lastWasCardData = undefined;
      chain = undefined;
      const error = masking || redacted ? withheldError(e) : e instanceof Error ? e.message : String(e);
      sink({
        n: seq,
        command: shown,
        error,
        redacted,
        masked: commandMasked,
        ms: performance.now() - started,
      });
      throw e;
    }
  });
}
