/**
 * transcriptFromJsonl checks every line: a malformed transcript fails with
 * HCARD_E_TRANSCRIPT_INVALID naming the line and the field, never with a TypeError, and never
 * loads to fail later in a replay.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromHex } from '../bytes.js';
import { HcardError, isHcardError } from '../errors.js';
import { TRANSCRIPT_FORMAT, transcriptFromJsonl, transcriptToJsonl } from './replay.js';

const HEADER = JSON.stringify({ format: TRANSCRIPT_FORMAT, atr: '3B021450', protocol: 'T=1' });
const SELECT = JSON.stringify({ tx: '00A4000002DDF1', rx: '9000' });

/** A transcript: the header, then the given lines. */
const jsonl = (...lines: string[]) => `${[HEADER, ...lines].join('\n')}\n`;
/** A header with `change` applied. */
const header = (change: Record<string, unknown>) =>
  JSON.stringify({ format: TRANSCRIPT_FORMAT, atr: '3B021450', protocol: 'T=1', ...change });

function invalidError(text: string): HcardError {
  let thrown: unknown;
  try {
    transcriptFromJsonl(text);
  } catch (e) {
    thrown = e;
  }
  expect(thrown, 'expected HCARD_E_TRANSCRIPT_INVALID').toBeInstanceOf(HcardError);
  expect((thrown as HcardError).code).toBe('HCARD_E_TRANSCRIPT_INVALID');
  return thrown as HcardError;
}

describe('transcriptFromJsonl rejects a malformed transcript, naming the line and the field', () => {
  // [what, text, the start of the detail, then the rest of it]
  const cases: [string, string, string, RegExp][] = [
    // Exchanges
    ['a null exchange line', jsonl(SELECT, 'null'), 'line 3 ', /must be a JSON object/],
    ['a number as an exchange', jsonl('42'), 'line 2 ', /must be a JSON object/],
    ['a string as an exchange', jsonl('"00A4"'), 'line 2 ', /must be a JSON object/],
    ['an array as an exchange', jsonl('["00A4000002DDF1","9000"]'), 'line 2 ', /must be a JSON object/],
    ['an exchange without tx', jsonl('{"rx":"9000"}'), 'line 2: tx ', /is missing/],
    ['an exchange without rx', jsonl('{"tx":"00A4000002DDF1"}'), 'line 2: rx ', /is missing/],
    ['tx that is not hex', jsonl('{"tx":"00A4zz","rx":"9000"}'), 'line 2: tx ', /must be a hex string/],
    ['tx of odd length', jsonl('{"tx":"00A40","rx":"9000"}'), 'line 2: tx ', /must be a hex string/],
    ['tx as a number', jsonl('{"tx":164,"rx":"9000"}'), 'line 2: tx ', /must be a hex string/],
    ['tx null', jsonl('{"tx":null,"rx":"9000"}'), 'line 2: tx ', /must be a hex string/],
    ['tx shorter than a command header', jsonl('{"tx":"00A400","rx":"9000"}'), 'line 2: tx ', /at least 4/],
    ['rx that is not hex', jsonl(SELECT, '{"tx":"0084000008","rx":"SW"}'), 'line 3: rx ', /hex string/],
    ['rx of 1 byte', jsonl('{"tx":"0084000008","rx":"90"}'), 'line 2: rx ', /at least 2 \(the status word\)/],
    ['rx empty', jsonl('{"tx":"0084000008","rx":""}'), 'line 2: rx ', /has 0 bytes, expected at least 2/],
    ['rx as an object', jsonl('{"tx":"0084000008","rx":{}}'), 'line 2: rx ', /must be a hex string/],
    ['an exchange that is not JSON', jsonl(SELECT, '{"tx":"00"'), 'line 3 ', /is not JSON/],
    // The header
    ['an empty text', '', 'line 1 ', /is empty: no header line/],
    ['only blank lines', '\n  \n', 'line 1 ', /is empty/],
    ['a null header', 'null\n', 'line 1 ', /must be a JSON object/],
    ['a header that is not JSON', 'hcard-transcript/1\n', 'line 1 ', /is not JSON/],
    ['another format', '{"format":"other/1"}\n', 'line 1: format ', /not an hcard transcript/],
    ['no format', header({ format: undefined }), 'line 1: format ', /must be hcard-transcript\/1/],
    ['atr missing', header({ atr: undefined }), 'line 1: atr ', /is missing/],
    ['atr not hex', header({ atr: '3B02 1G' }), 'line 1: atr ', /must be a hex string/],
    ['atr empty', header({ atr: '' }), 'line 1: atr ', /has 0 bytes, expected 2–33/],
    ['protocol T=2', header({ protocol: 'T=2' }), 'line 1: protocol ', /must be "T=0" or "T=1"/],
    ['protocol missing', header({ protocol: undefined }), 'line 1: protocol ', /must be/],
    ['protocol as a number', header({ protocol: 1 }), 'line 1: protocol ', /must be/],
    ['a note that is not a string', header({ note: ['x'] }), 'line 1: note ', /must be a string/],
  ];

  it.each(cases)('%s', (_what, text, where, detail) => {
    const e = invalidError(text);
    expect(e.message.startsWith(`Invalid transcript: ${where}`), e.message).toBe(true);
    expect(e.message).toMatch(detail);
    expect(e.details.line).toBe(Number(/line (\d+)/.exec(where)![1]));
  });

  it('counts blank lines in the line numbers', () => {
    const e = invalidError(`${HEADER}\n\n${SELECT}\r\n\n{"tx":"0084000008"}\n`);
    expect(e.message).toBe('Invalid transcript: line 5: rx is missing');
    expect(e.details).toEqual({ line: 5, field: 'rx' });
  });

  it('rejects what is not text', () => {
    for (const value of [null, undefined, 42, { format: TRANSCRIPT_FORMAT }]) {
      expect(() => transcriptFromJsonl(value as unknown as string)).toThrow(
        expect.objectContaining({ code: 'HCARD_E_TRANSCRIPT_INVALID' }),
      );
    }
  });
});

describe('transcriptFromJsonl reads valid transcripts', () => {
  it('reads what transcriptToJsonl writes, CRLF line ends too', () => {
    // Entries as the transcript decorator makes them (not literals: its fields may grow).
    const select = { n: 1, command: fromHex('00A4000002DDF1'), response: fromHex('6F009000'), ms: 1 };
    const verify = { n: 2, command: fromHex('002000002A'), response: fromHex('9000'), ms: 1 };
    const entries = [
      { ...select, redacted: false, masked: false },
      { ...verify, redacted: true, masked: false },
    ];
    const text = transcriptToJsonl({ atr: fromHex('3B021450'), protocol: 'T=0', note: 'synthetic' }, entries);
    for (const t of [text, text.replaceAll('\n', '\r\n')]) {
      expect(transcriptFromJsonl(t)).toEqual({
        atr: fromHex('3B021450'),
        protocol: 'T=0',
        exchanges: [
          { command: fromHex('00A4000002DDF1'), response: fromHex('6F009000') },
          { command: fromHex('002000002A'), response: fromHex('9000') },
        ],
      });
    }
  });

  it('ignores fields it does not know, so that writers may add some', () => {
    const text = `${header({ masked: true, recorder: 'x' })}\n${JSON.stringify({ tx: '0084000008', rx: '9000', ms: 3 })}\n`;
    expect(transcriptFromJsonl(text).exchanges).toHaveLength(1);
  });

  it('reads a header without exchanges', () => {
    expect(transcriptFromJsonl(HEADER)).toEqual({ atr: fromHex('3B021450'), protocol: 'T=1', exchanges: [] });
  });
});

describe('any JSON lines (property)', () => {
  const hexOf = (min: number, max: number) =>
    fc.uint8Array({ minLength: min, maxLength: max }).map((b) => Buffer.from(b).toString('hex'));
  /** A value for a field: mostly plausible, sometimes anything. */
  const fieldValue = (plausible: fc.Arbitrary<unknown>) =>
    fc.oneof(plausible, fc.jsonValue({ maxDepth: 1 }), fc.constantFrom(null, '', 'zz', '9'));
  const headerLine = fc.oneof(
    fc.record(
      {
        format: fieldValue(fc.constant(TRANSCRIPT_FORMAT)),
        atr: fieldValue(hexOf(0, 40)),
        protocol: fieldValue(fc.constantFrom('T=0', 'T=1')),
        note: fieldValue(fc.string()),
      },
      { requiredKeys: [] },
    ),
    fc.jsonValue(),
  );
  const exchangeLine = fc.oneof(
    fc.record({ tx: fieldValue(hexOf(0, 12)), rx: fieldValue(hexOf(0, 6)) }, { requiredKeys: [] }),
    fc.jsonValue(),
  );
  const line = (value: fc.Arbitrary<unknown>) =>
    fc.oneof({ weight: 8, arbitrary: value.map((v) => JSON.stringify(v) ?? '') }, fc.string());

  it('gives a transcript that can be replayed, or HCARD_E_TRANSCRIPT_INVALID: never another error', () => {
    fc.assert(
      fc.property(line(headerLine), fc.array(line(exchangeLine), { maxLength: 6 }), (first, rest) => {
        let transcript: ReturnType<typeof transcriptFromJsonl>;
        try {
          transcript = transcriptFromJsonl([first, ...rest].join('\n'));
        } catch (e) {
          if (isHcardError(e, 'HCARD_E_TRANSCRIPT_INVALID')) return;
          throw e;
        }
        expect(['T=0', 'T=1']).toContain(transcript.protocol);
        expect(transcript.atr.length).toBeGreaterThanOrEqual(2);
        for (const x of transcript.exchanges) {
          expect(x.command.length).toBeGreaterThanOrEqual(4);
          expect(x.response.length).toBeGreaterThanOrEqual(2);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
