/**
 * A channel that replays a recorded transcript: each transmit must send the recorded command
 * (compared after redaction when the recording was redacted) and gets the recorded response.
 * Lets the same session code run against a scripted card.
 */
import { equalBytes, fromHex, toHex } from '../bytes.js';
import { hcardError } from '../errors.js';
import type { CardChannel, CardProtocol } from './card-channel.js';
import { mustRedact, redactCommand, type TranscriptEntry } from './transcript.js';

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

  constructor(private readonly transcript: Transcript) {
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
    // A redacted recording keeps only the header of a VERIFY; an unredacted one the whole command.
    const matches =
      equalBytes(command, expected.command) ||
      (mustRedact(command) && equalBytes(redactCommand(command), expected.command));
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

/** Serialises entries from the transcript decorator as JSON lines (header line first). */
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
    lines.push(JSON.stringify({ tx: toHex(e.command), rx: toHex(e.response) }));
  }
  return `${lines.join('\n')}\n`;
}

export function transcriptFromJsonl(text: string): Transcript {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const parse = (line: string, i: number): Record<string, unknown> => {
    try {
      return JSON.parse(line) as Record<string, unknown>;
    } catch (e) {
      throw hcardError('HCARD_E_ARG_INVALID', `transcript line ${i + 1} is not JSON`, {}, e);
    }
  };
  const header = parse(lines[0] ?? '{}', 0);
  if (header.format !== TRANSCRIPT_FORMAT) throw hcardError('HCARD_E_ARG_INVALID', 'not an hcard transcript');
  return {
    atr: fromHex(String(header.atr ?? '')),
    protocol: (header.protocol as CardProtocol) ?? 'T=1',
    exchanges: lines.slice(1).map((line, i) => {
      const o = parse(line, i + 1);
      return { command: fromHex(String(o.tx)), response: fromHex(String(o.rx)) };
    }),
  };
}
