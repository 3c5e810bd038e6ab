/**
 * A channel that replays a recorded transcript: each transmit must send the recorded command
 * and gets the recorded response. Lets the same session code run against a scripted card.
 *
 * A command is compared as sent, or in the form the transcript decorator records it: redacted
 * (a VERIFY with any PIN matches a recorded `00 20 00 00 2A`) or masked (an UPDATE RECORD or
 * 80 FA with any data of the recorded length matches its recorded 2A bytes). Responses are
 * given back as recorded: from a masked transcript (the default of `withTranscript`) they are
 * 2A filler, so replaying one only suits code that does not decode the data (command flow,
 * status words, lengths). A session opens on one (the city code it reads is filler, and the
 * PSAM commands built from it match in masked form), but its first decoded read fails with
 * HCARD_E_CARD_DATA_INVALID. Transcripts that drive a session are recorded from synthetic
 * cards with `{ privacy: 'secrets-only' }` (tests/transcripts/record.ts).
 */
import { equalBytes, fromHex, toHex } from '../bytes.js';
import { hcardError } from '../errors.js';
import type { CardChannel, CardProtocol } from './card-channel.js';
import { type TranscriptEntry, type TranscriptOptions, transcriptCommand } from './transcript.js';

export interface RecordedExchange {
  readonly command: Uint8Array;
  readonly response: Uint8Array;
}

export interface Transcript {
  readonly atr: Uint8Array;
  readonly protocol: CardProtocol;
  readonly exchanges: readonly RecordedExchange[];
}

export const TRANSCRIPT_FORMAT = 'hcard-transcript/1';

export class ReplayChannel implements CardChannel {
  readonly atr: Uint8Array;
  readonly protocol: CardProtocol;
  #next = 0;
  #closed = false;

  /** `options`: the rules the transcript was recorded with, if not the default ones. */
  constructor(
    private readonly transcript: Transcript,
    private readonly options: Pick<TranscriptOptions, 'redactionRules' | 'maskingRules'> = {},
  ) {
    this.atr = transcript.atr;
    this.protocol = transcript.protocol;
  }

  /** Exchanges not yet replayed. */
  get remaining(): number {
    return this.transcript.exchanges.length - this.#next;
  }

  async transmit(command: Uint8Array): Promise<Uint8Array> {
    if (this.#closed) throw hcardError('HCARD_E_CHANNEL_CLOSED');
    const n = this.#next;
    const expected = this.transcript.exchanges[n];
    if (!expected) throw hcardError('HCARD_E_REPLAY_EXHAUSTED', `after ${n} exchanges`, { exchange: n + 1 });
    // A recording keeps a command whole (secrets-only, or nothing to hide), or as the transcript
    // decorator shows it by default: a VERIFY as its header only, an UPDATE RECORD with its data
    // bytes masked. Either form matches.
    const matches =
      equalBytes(command, expected.command) ||
      equalBytes(transcriptCommand(command, this.options).shown, expected.command);
    if (!matches) {
      throw hcardError('HCARD_E_REPLAY_MISMATCH', `at exchange ${n + 1}`, {
        exchange: n + 1,
        expected: toHex(expected.command.subarray(0, 4)),
        actual: toHex(command.subarray(0, 4)),
      });
    }
    this.#next++;
    return Uint8Array.from(expected.response);
  }

  async close(): Promise<void> {
    this.#closed = true;
  }
}

/**
 * Serialises entries from the transcript decorator as JSON lines (header line first). An
 * exchange whose bytes were masked says so (`"masked":true`), so its 2A bytes are not read as
 * data; exchanges that failed are left out.
 */
export function transcriptToJsonl(
  header: { atr: Uint8Array; protocol: CardProtocol; note?: string },
  entries: readonly TranscriptEntry[],
): string {
  const lines = [
    JSON.stringify({
      format: TRANSCRIPT_FORMAT,
      atr: toHex(header.atr),
      protocol: header.protocol,
      note: header.note,
    }),
  ];
  for (const e of entries) {
    if (!e.response) continue;
    const line = { tx: toHex(e.command), rx: toHex(e.response) };
    lines.push(JSON.stringify(e.masked ? { ...line, masked: true } : line));
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Reads what transcriptToJsonl wrote. Every line is checked: the header (format, atr, protocol,
 * optional note) and each exchange (`tx` a command of at least 4 bytes, `rx` a response with at
 * least its status word, both hex). Fields it does not know are ignored, so a writer may add
 * some. Throws HCARD_E_TRANSCRIPT_INVALID naming the line (counting blank lines) and the field.
 */
export function transcriptFromJsonl(text: string): Transcript {
  if (typeof text !== 'string') throw transcriptInvalid(undefined, undefined, 'must be text (JSON lines)');
  const lines = text
    .split('\n')
    .map((line, i) => ({ line, n: i + 1 }))
    .filter(({ line }) => line.trim() !== '');
  const [first, ...rest] = lines;
  if (!first) throw transcriptInvalid(1, undefined, 'is empty: no header line');
  const header = jsonlObject(first);
  if (header.format !== TRANSCRIPT_FORMAT)
    throw transcriptInvalid(first.n, 'format', `must be ${TRANSCRIPT_FORMAT} (not an hcard transcript)`);
  const atr = jsonlHex(header, 'atr', first.n, { min: 2, max: 33 });
  const protocol = header.protocol;
  if (protocol !== 'T=0' && protocol !== 'T=1')
    throw transcriptInvalid(first.n, 'protocol', 'must be "T=0" or "T=1"');
  if (header.note !== undefined && typeof header.note !== 'string')
    throw transcriptInvalid(first.n, 'note', 'must be a string');
  return {
    atr,
    protocol,
    exchanges: rest.map((line) => {
      const o = jsonlObject(line);
      // ISO/IEC 7816-4: a command has at least CLA INS P1 P2; a response at least SW1 SW2.
      return {
        command: jsonlHex(o, 'tx', line.n, { min: 4, note: ' (a command APDU)' }),
        response: jsonlHex(o, 'rx', line.n, { min: 2, note: ' (the status word)' }),
      };
    }),
  };
}

function transcriptInvalid(line: number | undefined, field: string | undefined, detail: string) {
  const where = [line === undefined ? 'the transcript' : `line ${line}`, field].filter(Boolean).join(': ');
  return hcardError('HCARD_E_TRANSCRIPT_INVALID', `${where} ${detail}`, {
    ...(line === undefined ? {} : { line }),
    ...(field === undefined ? {} : { field }),
  });
}

function jsonlObject({ line, n }: { line: string; n: number }): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw transcriptInvalid(n, undefined, 'is not JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw transcriptInvalid(n, undefined, 'must be a JSON object');
  return value as Record<string, unknown>;
}

function jsonlHex(
  o: Record<string, unknown>,
  field: string,
  n: number,
  size: { min: number; max?: number; note?: string },
): Uint8Array {
  const value = Object.hasOwn(o, field) ? o[field] : undefined;
  if (value === undefined) throw transcriptInvalid(n, field, 'is missing');
  let bytes: Uint8Array | undefined;
  if (typeof value === 'string') {
    try {
      bytes = fromHex(value);
    } catch {}
  }
  if (!bytes) throw transcriptInvalid(n, field, 'must be a hex string');
  const { min, max = Number.POSITIVE_INFINITY, note = '' } = size;
  if (bytes.length < min || bytes.length > max) {
    const range = max === Number.POSITIVE_INFINITY ? `at least ${min}` : `${min}–${max}`;
    throw transcriptInvalid(n, field, `has ${bytes.length} bytes, expected ${range}${note}`);
  }
  return bytes;
}
