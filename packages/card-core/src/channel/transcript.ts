/**
 * Transcript decorator: reports every exchange to a sink. Command data that carries a PIN or
 * key material is replaced by a marker before the sink sees it (rules are data, below), so a
 * transcript can be logged or committed without secrets.
 */
import { type CardChannel, forwardChannel } from './card-channel.js';

export interface TranscriptEntry {
  /** Sequence number within this channel, from 1. */
  readonly n: number;
  readonly command: Uint8Array;
  /** Undefined when the transmit failed. */
  readonly response?: Uint8Array;
  readonly error?: string;
  readonly redacted: boolean;
  readonly ms: number;
}

export interface RedactionRule {
  /** CLA to match (with the secure-messaging and channel bits masked off), or any. */
  readonly cla?: number;
  readonly ins: number;
  readonly why: string;
}

/** Commands whose data field is secret. */
export const REDACTION_RULES: readonly RedactionRule[] = [
  { ins: 0x20, why: 'VERIFY: PIN' },
  { ins: 0x24, why: 'CHANGE REFERENCE DATA: PIN' },
  { ins: 0x2c, why: 'RESET RETRY COUNTER: PIN / PUK' },
  { cla: 0x80, ins: 0x5e, why: 'PSAM CHANGE PIN: old and new PIN' },
  { cla: 0x80, ins: 0xd4, why: 'WRITE KEY: key material' },
];

export function mustRedact(command: Uint8Array, rules: readonly RedactionRule[] = REDACTION_RULES): boolean {
  // The low nibble of CLA carries secure-messaging and logical-channel bits; match without it.
  const cla = (command[0] ?? 0) & 0xf0;
  const ins = command[1];
  return rules.some((r) => r.ins === ins && (r.cla === undefined || (r.cla & 0xf0) === cla));
}

/** Keeps the 4 header bytes and replaces the rest with a single `*` (0x2A). */
export function redactCommand(command: Uint8Array): Uint8Array {
  return command.length <= 4 ? Uint8Array.from(command) : Uint8Array.of(...command.subarray(0, 4), 0x2a);
}

export function withTranscript(
  inner: CardChannel,
  sink: (entry: TranscriptEntry) => void,
  rules: readonly RedactionRule[] = REDACTION_RULES,
): CardChannel {
  let n = 0;
  return forwardChannel(inner, async (command) => {
    const redacted = mustRedact(command, rules);
    const shown = redacted ? redactCommand(command) : Uint8Array.from(command);
    const started = performance.now();
    const seq = ++n;
    try {
      const response = await inner.transmit(command);
      sink({
        n: seq,
        command: shown,
        response: Uint8Array.from(response),
        redacted,
        ms: performance.now() - started,
      });
      return response;
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      sink({ n: seq, command: shown, error, redacted, ms: performance.now() - started });
      throw e;
    }
  });
}
