import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../bytes.js';
import { type CardResult, mapResult, run, runOk } from '../commands/descriptor.js';
import {
  externalAuthenticate,
  getChallenge,
  readBinary,
  readRecord,
  selectFile,
  updateBinary,
  updateRecord,
  verifyPin,
} from '../commands/iso7816.js';
import { type ErrorCode, HcardError, hcardError } from '../errors.js';
import { expectHcardError } from '../expect-error.test-helper.js';
import type { CardChannel, CardProtocol } from './card-channel.js';
import { ReplayChannel, type Transcript, transcriptFromJsonl, transcriptToJsonl } from './replay.js';
import { withSerialize } from './serialize.js';
import { withT0 } from './t0.js';
import { type TranscriptEntry, type TranscriptOptions, withTranscript } from './transcript.js';

// --- Test doubles and helpers -----------------------------------------------------------------

/** A synthetic ATR; no real card's. */
const ATR = fromHex('3B 02 14 50');

type Answer = string | Error;

/**
 * A card that answers from a script: a queue of hex responses (or errors to reject with), or a
 * function of the command. Records every command it receives, as hex.
 */
class ScriptedChannel implements CardChannel {
  readonly atr = ATR;
  readonly sent: string[] = [];
  closed = false;
  readonly #script: Answer[] | ((command: Uint8Array) => Answer);

  constructor(
    script: Answer[] | ((command: Uint8Array) => Answer),
    readonly protocol: CardProtocol = 'T=0',
  ) {
    this.#script = Array.isArray(script) ? [...script] : script;
  }

  async transmit(command: Uint8Array): Promise<Uint8Array> {
    this.sent.push(toHex(command));
    const answer = Array.isArray(this.#script) ? this.#script.shift() : this.#script(command);
    if (answer === undefined) throw new Error(`script exhausted at ${toHex(command)}`);
    if (answer instanceof Error) throw answer;
    return fromHex(answer);
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection, but the promise resolved');
}

async function expectHcardRejection(p: Promise<unknown>, code: ErrorCode): Promise<HcardError> {
  const e = await rejection(p);
  expect(e).toBeInstanceOf(HcardError);
  expect((e as HcardError).code).toBe(code);
  return e as HcardError;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const bytesOf = (n: number, start = 0): Uint8Array =>
  Uint8Array.from({ length: n }, (_, i) => (start + i) & 0xff);
const tx = async (channel: CardChannel, hex: string) => toHex(await channel.transmit(fromHex(hex)));

/** Entries with bytes as hex, for searching and comparing. */
const asJson = (entries: readonly TranscriptEntry[]) =>
  JSON.stringify(entries, (_k, v: unknown) => (v instanceof Uint8Array ? toHex(v) : v));

// --- withT0 --------------------------------------------------------------------------------------

describe('withT0 (ISO/IEC 7816-3:2006 §10.3.4, ISO/IEC 7816-4:2020 §5.1.3)', () => {
  it('passes a 9000 answer through after a single exchange', async () => {
    const card = new ScriptedChannel(['DDF1 9000']);
    expect(await tx(withT0(card), '00A4000002DDF1')).toBe('DDF19000');
    expect(card.sent).toEqual(['00A4000002DDF1']);
  });

  it('answers 61 10 with GET RESPONSE 00 C0 00 00 10 and returns its data ‖ 9000', async () => {
    const data = toHex(bytesOf(16));
    const card = new ScriptedChannel(['6110', `${data}9000`]);
    expect(await tx(withT0(card), '80FA000010' + toHex(bytesOf(16, 0x40)))).toBe(`${data}9000`);
    expect(card.sent[1]).toBe('00C0000010');
    expect(card.sent).toHaveLength(2);
  });

  it('concatenates the data of chained 61xx answers', async () => {
    const card = new ScriptedChannel(['AA 6110', `${toHex(bytesOf(16))} 6105`, 'BBCCDDEEFF 9000']);
    const response = await tx(withT0(card), '00A4000002DDF1');
    expect(response).toBe(`AA${toHex(bytesOf(16))}BBCCDDEEFF9000`);
    expect(card.sent).toEqual(['00A4000002DDF1', '00C0000010', '00C0000005']);
  });

  it('keeps the final status word of the GET RESPONSE chain, even a warning', async () => {
    const card = new ScriptedChannel(['6102', '0102 6282']);
    expect(await tx(withT0(card), '00B0000000')).toBe('01026282');
  });

  it('sends GET RESPONSE with Le 00 for 61 00 (256 bytes available)', async () => {
    const card = new ScriptedChannel(['6100', '9000']);
    await tx(withT0(card), '00B2010400');
    expect(card.sent[1]).toBe('00C0000000');
  });

  it('answers 6C 05 by resending the same command with Le 05, once', async () => {
    const card = new ScriptedChannel(['6C05', '0102030405 9000']);
    expect(await tx(withT0(card), '00B0000000')).toBe('01020304059000');
    expect(card.sent).toEqual(['00B0000000', '00B0000005']);
  });

  it('does not change the caller’s command bytes when it resends after 6Cxx', async () => {
    const card = new ScriptedChannel(['6C05', '0102030405 9000']);
    const command = fromHex('00B0000000');
    await withT0(card).transmit(command);
    expect(toHex(command)).toBe('00B0000000');
  });

  it('follows a 6Cxx resend that answers 61xx with GET RESPONSE', async () => {
    const card = new ScriptedChannel(['6C08', '6108', '0102030405060708 9000']);
    expect(await tx(withT0(card), '00B2010400')).toBe('01020304050607089000');
    expect(card.sent).toEqual(['00B2010400', '00B2010408', '00C0000008']);
  });

  it('throws HCARD_E_T0_LOOP when the resend is answered 6Cxx again, after exactly two exchanges', async () => {
    const card = new ScriptedChannel(['6C05', '6C03', '9000']);
    await expectHcardRejection(withT0(card).transmit(fromHex('00B0000000')), 'HCARD_E_T0_LOOP');
    expect(card.sent).toEqual(['00B0000000', '00B0000005']);
  });

  it('returns a 6Cxx answer to a 4-byte command (no Le to fix) unchanged', async () => {
    const card = new ScriptedChannel(['6C05']);
    expect(await tx(withT0(card), '00700000')).toBe('6C05');
    expect(card.sent).toHaveLength(1);
  });

  it('bounds an endless 61xx chain by maxGetResponse and throws HCARD_E_T0_LOOP', async () => {
    const card = new ScriptedChannel(() => '00 6101');
    await expectHcardRejection(
      withT0(card, { maxGetResponse: 3 }).transmit(fromHex('00A4000002DDF1')),
      'HCARD_E_T0_LOOP',
    );
    expect(card.sent).toEqual(['00A4000002DDF1', '00C0000001', '00C0000001', '00C0000001']);
  });

  it('bounds an endless 61xx chain at 32 GET RESPONSE rounds by default', async () => {
    const card = new ScriptedChannel(() => '6101');
    await expectHcardRejection(withT0(card).transmit(fromHex('00A4000002DDF1')), 'HCARD_E_T0_LOOP');
    expect(card.sent).toHaveLength(1 + 32);
  });

  it('accepts a chain of exactly maxGetResponse rounds', async () => {
    const card = new ScriptedChannel(['AA6101', 'BB6101', 'CC6101', 'DD9000']);
    expect(await tx(withT0(card, { maxGetResponse: 3 }), '00A4000002DDF1')).toBe('AABBCCDD9000');
  });

  it('keeps the logical-channel bits of CLA in GET RESPONSE (CLA 01 → 01 C0)', async () => {
    const card = new ScriptedChannel(['6102', '0102 9000']);
    await tx(withT0(card), '01A4000002DDF1');
    expect(card.sent[1]).toBe('01C0000002');
  });

  it('sends a PSAM GET RESPONSE with CLA 00 after an 80 FA command (spec §6.9)', async () => {
    const card = new ScriptedChannel(['6110', `${toHex(bytesOf(16))}9000`]);
    await tx(withT0(card), '80FA000010' + toHex(bytesOf(16)));
    expect(card.sent[1]).toBe('00C0000010');
  });

  // ISO/IEC 7816-4:2020 §5.4.1: a further interindustry class (CLA 01xx xxxx) carries channel
  // numbers 4–19 as (number − 4) in bits 4–1; CLA 41 is logical channel 5. Masking with 03
  // sends the GET RESPONSE to channel 1 instead.
  it('keeps a further-interindustry logical channel in GET RESPONSE (CLA 41 = channel 5 → 41 C0)', async () => {
    const card = new ScriptedChannel(['6102', '0102 9000']);
    await tx(withT0(card), '41A4000002DDF1');
    expect(card.sent[1]).toBe('41C0000002');
  });

  it('forwards atr, protocol and close to the inner channel', async () => {
    const card = new ScriptedChannel([], 'T=1');
    const channel = withT0(card);
    expect(channel.atr).toBe(ATR);
    expect(channel.protocol).toBe('T=1');
    await channel.close();
    expect(card.closed).toBe(true);
  });

  it('propagates a transport rejection as it is', async () => {
    const failure = hcardError('HCARD_E_TRANSPORT', 'reader removed');
    const card = new ScriptedChannel(['6110', failure]);
    expect(await rejection(withT0(card).transmit(fromHex('00A4000002DDF1')))).toBe(failure);
  });
});

// --- withSerialize -------------------------------------------------------------------------------

/** An inner channel that takes a random 0–4 ms per exchange and logs when each starts and ends. */
class SlowChannel implements CardChannel {
  readonly atr = ATR;
  readonly protocol: CardProtocol = 'T=1';
  readonly log: string[] = [];
  active = 0;
  maxActive = 0;

  constructor(private readonly failing: ReadonlySet<string> = new Set()) {}

  async transmit(command: Uint8Array): Promise<Uint8Array> {
    const id = toHex(command);
    this.log.push(`start ${id}`);
    this.maxActive = Math.max(this.maxActive, ++this.active);
    await sleep(Math.random() * 4);
    this.active--;
    this.log.push(`end ${id}`);
    if (this.failing.has(id)) throw new Error(`card failed on ${id}`);
    // Echo P1 so each caller can check it got its own answer.
    return Uint8Array.of(command[2]!, 0x90, 0x00);
  }

  async close(): Promise<void> {}
}

const commandsFor = (n: number) =>
  Array.from({ length: n }, (_, i) => toHex(Uint8Array.of(0x00, 0xb2, i + 1, 0x04, 0x00)));

describe('withSerialize', () => {
  it('control: the slow inner channel does overlap concurrent transmits on its own', async () => {
    const inner = new SlowChannel();
    await Promise.all(commandsFor(8).map((c) => inner.transmit(fromHex(c))));
    expect(inner.maxActive).toBeGreaterThan(1);
  });

  it('lets concurrent transmits reach the inner channel one at a time, in call order', async () => {
    const inner = new SlowChannel();
    const channel = withSerialize(inner);
    const commands = commandsFor(12);
    const answers = await Promise.all(commands.map((c) => tx(channel, c)));
    expect(inner.maxActive).toBe(1);
    expect(inner.log).toEqual(commands.flatMap((c) => [`start ${c}`, `end ${c}`]));
    expect(answers).toEqual(commands.map((_, i) => toHex(Uint8Array.of(i + 1, 0x90, 0x00))));
  });

  it('never overlaps exchanges and keeps call order under any interleaving fast-check schedules (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), fc.integer({ min: 2, max: 8 }), async (s, n) => {
        const log: string[] = [];
        let active = 0;
        const inner: CardChannel = {
          atr: ATR,
          protocol: 'T=1',
          transmit: async (command) => {
            log.push(`start ${command[2]}`);
            if (++active > 1) throw new Error('overlapping exchanges');
            await s.schedule(Promise.resolve(), `card answers ${command[2]}`);
            active--;
            log.push(`end ${command[2]}`);
            return Uint8Array.of(command[2]!, 0x90, 0x00);
          },
          close: async () => {},
        };
        const channel = withSerialize(inner);
        // The scheduler also decides when each caller issues its transmit, so new calls
        // interleave with answers in every order it explores.
        const issued: number[] = [];
        const pending = Array.from({ length: n }, (_, k) =>
          s.schedule(Promise.resolve(k + 1), `call ${k + 1}`).then((i) => {
            issued.push(i);
            return channel.transmit(Uint8Array.of(0x00, 0xb2, i, 0x04, 0x00));
          }),
        );
        const answers = await s.waitFor(Promise.all(pending));
        expect(answers.map((a) => a[0])).toEqual(Array.from({ length: n }, (_, k) => k + 1));
        expect(log).toEqual(issued.flatMap((i) => [`start ${i}`, `end ${i}`]));
      }),
      { numRuns: 200 },
    );
  });

  it('does not let a rejected transmit block the next one', async () => {
    const [c1, c2, c3] = commandsFor(3) as [string, string, string];
    const inner = new SlowChannel(new Set([c2]));
    const channel = withSerialize(inner);
    const results = await Promise.allSettled([c1, c2, c3].map((c) => tx(channel, c)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toEqual(new Error(`card failed on ${c2}`));
    expect((results[2] as PromiseFulfilledResult<string>).value).toBe('039000');
    expect(inner.log).toEqual([
      `start ${c1}`,
      `end ${c1}`,
      `start ${c2}`,
      `end ${c2}`,
      `start ${c3}`,
      `end ${c3}`,
    ]);
  });

  it('runs a transmit made after an earlier rejection has settled', async () => {
    const [c1, c2] = commandsFor(2) as [string, string];
    const channel = withSerialize(new SlowChannel(new Set([c1])));
    await rejection(channel.transmit(fromHex(c1)));
    expect(await tx(channel, c2)).toBe('029000');
  });
});

// --- withTranscript ------------------------------------------------------------------------------

const VERIFY = '00 20 00 00 03 12 34 56'; // spec §6.1: PSAM PIN test value 123456
const PSAM_CHANGE_PIN = '80 5E 01 00 07 12 34 56 FF 65 43 21'; // spec §6.9: old ‖ FF ‖ new

function recorder(card: CardChannel, options?: TranscriptOptions) {
  const entries: TranscriptEntry[] = [];
  return { entries, channel: withTranscript(card, (e) => entries.push(e), options) };
}

/** Synthetic data only: the transcript keeps card data in clear (PINs still redacted). */
const SECRETS_ONLY: TranscriptOptions = { privacy: 'secrets-only' };

describe('withTranscript', () => {
  it('reports each exchange with an increasing n from 1, its command and its response', async () => {
    const { entries, channel } = recorder(
      new ScriptedChannel(['6F00 9000', '0102030405060708 9000', '6A82']),
    );
    await tx(channel, '00A4000002DDF1');
    await tx(channel, '0084000008');
    await tx(channel, '00A4000002EF09');
    expect(entries.map((e) => e.n)).toEqual([1, 2, 3]);
    expect(entries.map((e) => [toHex(e.command), e.response && toHex(e.response), e.redacted])).toEqual([
      ['00A4000002DDF1', '6F009000', false],
      ['0084000008', '01020304050607089000', false],
      ['00A4000002EF09', '6A82', false],
    ]);
  });

  it('records the time the inner exchange took, in ms', async () => {
    const slow: CardChannel = {
      atr: ATR,
      protocol: 'T=1',
      transmit: async () => {
        await sleep(25);
        return fromHex('9000');
      },
      close: async () => {},
    };
    const { entries, channel } = recorder(slow);
    await tx(channel, '0084000008');
    expect(entries[0]?.ms).toBeGreaterThanOrEqual(20);
    expect(entries[0]?.ms).toBeLessThan(5000);
  });

  it('shows a VERIFY as its header and 2A only, and the PIN appears nowhere in the entries', async () => {
    const card = new ScriptedChannel(['9000']);
    const { entries, channel } = recorder(card);
    await tx(channel, VERIFY);
    expect(toHex(entries[0]!.command)).toBe('002000002A');
    expect(entries[0]!.redacted).toBe(true);
    expect(asJson(entries)).not.toContain('123456');
  });

  it('sends the full VERIFY to the card: redaction is for the record only', async () => {
    const card = new ScriptedChannel(['9000']);
    await tx(recorder(card).channel, VERIFY);
    expect(card.sent).toEqual(['0020000003123456']);
  });

  it('shows a PSAM CHANGE PIN (80 5E) as its header and 2A only, with neither PIN anywhere', async () => {
    const { entries, channel } = recorder(new ScriptedChannel(['9000']));
    await tx(channel, PSAM_CHANGE_PIN);
    expect(toHex(entries[0]!.command)).toBe('805E01002A');
    const json = asJson(entries);
    expect(json).not.toContain('123456');
    expect(json).not.toContain('654321');
  });

  it('redacts a VERIFY sent on logical channel 1 and a CHANGE PIN sent with secure messaging (CLA 84)', async () => {
    const { entries, channel } = recorder(new ScriptedChannel(['9000', '9000']));
    await tx(channel, '01 20 00 00 03 12 34 56');
    await tx(channel, '84 5E 01 00 07 12 34 56 FF 65 43 21');
    expect(entries.map((e) => toHex(e.command))).toEqual(['012000002A', '845E01002A']);
  });

  it('keeps other commands in full, including their data, with privacy secrets-only', async () => {
    const { entries, channel } = recorder(new ScriptedChannel(['9000', '9000']), SECRETS_ONLY);
    await tx(channel, '00A4000002DDF1');
    await tx(channel, '00D6000004 01020304');
    expect(entries.map((e) => toHex(e.command))).toEqual(['00A4000002DDF1', '00D600000401020304']);
  });

  it('records a failing transmit with its error and no response, and rethrows the same error', async () => {
    const failure = hcardError('HCARD_E_TRANSPORT', 'reader removed');
    const { entries, channel } = recorder(new ScriptedChannel(['9000', failure]));
    await tx(channel, '00A4000002DDF1');
    expect(await rejection(channel.transmit(fromHex(VERIFY)))).toBe(failure);
    // Only the code and catalogue text: a driver's message might echo the command and its PIN.
    expect(entries[1]).toMatchObject({
      n: 2,
      error: 'HCARD_E_TRANSPORT: The reader or card connection failed',
      redacted: true,
    });
    expect(entries[1]!.response).toBeUndefined();
    expect(toHex(entries[1]!.command)).toBe('002000002A');
  });

  it('reports a copy of the response, so the sink cannot be changed through the caller’s buffer', async () => {
    const { entries, channel } = recorder(new ScriptedChannel(['0102 9000']), SECRETS_ONLY);
    const response = await channel.transmit(fromHex('00B0000002'));
    response[0] = 0xee;
    expect(toHex(entries[0]!.response!)).toBe('01029000');
  });
});

// --- ReplayChannel and JSONL -------------------------------------------------------------------

async function recordSession(): Promise<{ entries: TranscriptEntry[]; text: string }> {
  const card = new ScriptedChannel(['6F00 9000', '0102030405060708 9000', '9000', '3903123123 9000']);
  const { entries, channel } = recorder(card, SECRETS_ONLY);
  await tx(channel, '00A4000002DDF1');
  await tx(channel, '0084000008');
  await tx(channel, VERIFY);
  await tx(channel, '00B2390005');
  return { entries, text: transcriptToJsonl({ atr: ATR, protocol: 'T=0', note: 'synthetic' }, entries) };
}

describe('ReplayChannel and transcript JSONL', () => {
  it('writes a header line with the format, ATR and protocol, then one line per exchange', async () => {
    const { text } = await recordSession();
    const lines = text.trimEnd().split('\n');
    expect(JSON.parse(lines[0]!)).toEqual({
      format: 'hcard-transcript/1',
      atr: '3B021450',
      protocol: 'T=0',
      note: 'synthetic',
    });
    expect(lines.slice(1).map((l) => JSON.parse(l))).toEqual([
      { tx: '00A4000002DDF1', rx: '6F009000' },
      { tx: '0084000008', rx: '01020304050607089000' },
      { tx: '002000002A', rx: '9000' },
      { tx: '00B2390005', rx: '39031231239000' },
    ]);
  });

  it('leaves exchanges that failed out of the JSONL', async () => {
    const { entries, channel } = recorder(new ScriptedChannel([new Error('gone'), '9000']));
    await rejection(channel.transmit(fromHex('00A4000002DDF1')));
    await tx(channel, '0084000008');
    const lines = transcriptToJsonl({ atr: ATR, protocol: 'T=1' }, entries).trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[1]!)).toEqual({ tx: '0084000008', rx: '9000' });
  });

  it('round-trips through transcriptToJsonl and transcriptFromJsonl', async () => {
    const { entries, text } = await recordSession();
    const transcript = transcriptFromJsonl(text);
    expect(transcript.atr).toEqual(ATR);
    expect(transcript.protocol).toBe('T=0');
    expect(transcript.exchanges).toEqual(entries.map((e) => ({ command: e.command, response: e.response })));
  });

  it('replays the recorded responses to the same commands and reports what remains', async () => {
    const replay = new ReplayChannel(transcriptFromJsonl((await recordSession()).text));
    expect(replay.atr).toEqual(ATR);
    expect(replay.protocol).toBe('T=0');
    expect(replay.remaining).toBe(4);
    expect(await tx(replay, '00A4000002DDF1')).toBe('6F009000');
    expect(await tx(replay, '0084000008')).toBe('01020304050607089000');
    expect(replay.remaining).toBe(2);
  });

  it('matches a recorded redacted VERIFY against a live VERIFY with any PIN (property)', async () => {
    const transcript = transcriptFromJsonl((await recordSession()).text);
    await fc.assert(
      fc.asyncProperty(fc.stringMatching(/^(\d\d){2,8}$/), async (pin) => {
        const replay = new ReplayChannel(transcript);
        await tx(replay, '00A4000002DDF1');
        await tx(replay, '0084000008');
        const verify = await runOk(replay, verifyPin(pin));
        expect(verify).toEqual(new Uint8Array(0));
        expect(await tx(replay, '00B2390005')).toBe('39031231239000');
      }),
      { numRuns: 100 },
    );
  });

  // The module comment: "compared after redaction when the recording was redacted". A
  // transcript recorded without redaction (or written by hand) holds the full VERIFY.
  it('replays an unredacted recorded VERIFY to the same live VERIFY', async () => {
    const transcript: Transcript = {
      atr: ATR,
      protocol: 'T=1',
      exchanges: [{ command: fromHex(VERIFY), response: fromHex('9000') }],
    };
    expect(await tx(new ReplayChannel(transcript), VERIFY)).toBe('9000');
  });

  it('throws HCARD_E_REPLAY_MISMATCH naming the exchange number for a different command', async () => {
    const replay = new ReplayChannel(transcriptFromJsonl((await recordSession()).text));
    await tx(replay, '00A4000002DDF1');
    const e = await expectHcardRejection(replay.transmit(fromHex('0084000004')), 'HCARD_E_REPLAY_MISMATCH');
    expect(e.message).toContain('exchange 2');
    expect(e.details).toMatchObject({ exchange: 2, expected: '00840000', actual: '00840000' });
  });

  it('throws HCARD_E_REPLAY_EXHAUSTED for one exchange too many', async () => {
    const replay = new ReplayChannel({
      atr: ATR,
      protocol: 'T=1',
      exchanges: [{ command: fromHex('0084000008'), response: fromHex('01020304050607089000') }],
    });
    await tx(replay, '0084000008');
    const e = await expectHcardRejection(replay.transmit(fromHex('0084000008')), 'HCARD_E_REPLAY_EXHAUSTED');
    expect(e.details).toEqual({ exchange: 2 });
    expect(replay.remaining).toBe(0);
  });

  it('throws HCARD_E_CHANNEL_CLOSED on transmit after close', async () => {
    const replay = new ReplayChannel(transcriptFromJsonl((await recordSession()).text));
    await replay.close();
    await expectHcardRejection(replay.transmit(fromHex('00A4000002DDF1')), 'HCARD_E_CHANNEL_CLOSED');
  });

  it('returns a copy of the recorded response, so a caller cannot change the transcript', async () => {
    const transcript: Transcript = {
      atr: ATR,
      protocol: 'T=1',
      exchanges: [
        { command: fromHex('0084000008'), response: fromHex('AA9000') },
        { command: fromHex('0084000008'), response: fromHex('BB9000') },
      ],
    };
    const first = await new ReplayChannel(transcript).transmit(fromHex('0084000008'));
    first[0] = 0;
    expect(await tx(new ReplayChannel(transcript), '0084000008')).toBe('AA9000');
  });

  it('rejects text whose header is not an hcard transcript with HCARD_E_TRANSCRIPT_INVALID', () => {
    expectHcardError(() => transcriptFromJsonl('{"format":"other/1"}\n'), 'HCARD_E_TRANSCRIPT_INVALID');
    expectHcardError(() => transcriptFromJsonl(''), 'HCARD_E_TRANSCRIPT_INVALID');
  });

  it('rejects a line that is not JSON with HCARD_E_TRANSCRIPT_INVALID naming the line', () => {
    const text = '{"format":"hcard-transcript/1","atr":"3B021450","protocol":"T=1"}\n{"tx":"00"\n';
    const e = expectHcardError(() => transcriptFromJsonl(text), 'HCARD_E_TRANSCRIPT_INVALID');
    expect(e.message).toContain('line 2');
  });
});

// --- Command descriptors: run / runOk / mapResult --------------------------------------------

describe('run, runOk and mapResult (commands/descriptor.ts)', () => {
  it('returns ok with the data on 9000', async () => {
    const card = new ScriptedChannel(['3903123123 9000']);
    expect(await run(card, readRecord(0x39, 'identifier', 5))).toEqual({
      ok: true,
      value: fromHex('3903123123'),
      sw: 0x9000,
    });
    expect(card.sent).toEqual(['00B2390005']);
  });

  it('returns ok with the warning meaning on a warning status word', async () => {
    const result = await run(new ScriptedChannel(['0102 6282']), readBinary(0, 4));
    expect(result).toEqual({
      ok: true,
      value: fromHex('0102'),
      sw: 0x6282,
      warning: 'end of file or record reached before reading Ne bytes',
    });
  });

  it('returns a typed refusal for 6982 without throwing', async () => {
    const result = await run(new ScriptedChannel(['6982']), readRecord(1));
    expect(result).toEqual({
      ok: false,
      refusal: { command: 'READ RECORD #1', sw: 0x6982, meaning: 'security status not satisfied' },
    });
  });

  it('refuses 63C2 on EXTERNAL AUTHENTICATE with 2 retries left (command table over the global warning)', async () => {
    const result = await run(new ScriptedChannel(['63C2']), externalAuthenticate(0x09, bytesOf(17)));
    expect(result).toEqual({
      ok: false,
      refusal: {
        command: 'EXTERNAL AUTHENTICATE',
        sw: 0x63c2,
        meaning: 'authentication failed, x tries left',
        retriesLeft: 2,
      },
    });
  });

  it('treats 63C2 on a command without its own table as the global warning', async () => {
    const result = await run(new ScriptedChannel(['63C2']), readBinary(0, 2));
    expect(result).toMatchObject({ ok: true, sw: 0x63c2 });
  });

  it('refuses 6300 on VERIFY without retriesLeft', async () => {
    const result = await run(new ScriptedChannel(['6300']), verifyPin('1234'));
    expect(result).toEqual({
      ok: false,
      refusal: { command: 'VERIFY', sw: 0x6300, meaning: 'authentication failed' },
    });
  });

  it('sends the command in the form it is asked for', async () => {
    const card = new ScriptedChannel(['01029000']);
    await run(card, readBinary(0, 2), 'extended');
    expect(card.sent).toEqual(['00B00000000002']);
  });

  it('throws HCARD_E_APDU_RESPONSE_MALFORMED for a one-byte answer', async () => {
    await expectHcardRejection(
      run(new ScriptedChannel(['90']), getChallenge()),
      'HCARD_E_APDU_RESPONSE_MALFORMED',
    );
  });

  it('runOk returns the data on 9000', async () => {
    expect(await runOk(new ScriptedChannel(['0102030405060708 9000']), getChallenge())).toEqual(
      bytesOf(8, 1),
    );
  });

  it('runOk throws HCARD_E_SW_REFUSED with the command name and SW but not the command data', async () => {
    const e = await expectHcardRejection(
      runOk(new ScriptedChannel(['6983']), verifyPin('123456')),
      'HCARD_E_SW_REFUSED',
    );
    expect(e.message).toContain('VERIFY');
    expect(e.message).toContain('6983');
    expect(e.message).toContain('authentication method blocked');
    expect(e.message).not.toContain('123456');
    expect(JSON.stringify(e.details)).not.toContain('123456');
    expect(e.details).toMatchObject({ command: 'VERIFY', sw: '6983' });
  });

  it('a transport rejection propagates from run and runOk as it is', async () => {
    const failure = hcardError('HCARD_E_TRANSPORT', 'reader removed');
    expect(await rejection(run(new ScriptedChannel([failure]), getChallenge()))).toBe(failure);
    expect(await rejection(runOk(new ScriptedChannel([failure]), getChallenge()))).toBe(failure);
    const plain = new Error('socket closed');
    expect(await rejection(run(new ScriptedChannel([plain]), getChallenge()))).toBe(plain);
  });

  it('mapResult maps the value of an ok result and keeps its status word and warning', () => {
    const ok: CardResult<Uint8Array> = { ok: true, value: fromHex('0102'), sw: 0x6282, warning: 'w' };
    expect(mapResult(ok, toHex)).toEqual({ ok: true, value: '0102', sw: 0x6282, warning: 'w' });
  });

  it('mapResult passes a refusal through without calling the function', () => {
    const refused: CardResult<Uint8Array> = {
      ok: false,
      refusal: { command: 'VERIFY', sw: 0x6983, meaning: 'authentication method blocked' },
    };
    let called = false;
    const mapped = mapResult(refused, (v: Uint8Array) => {
      called = true;
      return v.length;
    });
    expect(mapped).toBe(refused);
    expect(called).toBe(false);
  });
});

// --- ISO 7816 command factories ------------------------------------------------------------------

describe('iso7816 command factories: argument checks', () => {
  it.each(['DDF', 'DDF1A', 'GGGG', '', 'DD F1'])('selectFile(%j) throws HCARD_E_ARG_INVALID', (fid) => {
    expectHcardError(() => selectFile(fid), 'HCARD_E_ARG_INVALID');
  });

  it.each([0, 255, -1, 1.5])('readRecord(%s) throws HCARD_E_ARG_INVALID', (record) => {
    expectHcardError(() => readRecord(record), 'HCARD_E_ARG_INVALID');
  });

  it('readRecord accepts records 1 and 254', () => {
    expect(readRecord(1).apdu.p1).toBe(1);
    expect(readRecord(254).apdu.p1).toBe(254);
  });

  it.each([0, 257])('readRecord with Le %s throws HCARD_E_ARG_INVALID', (ne) => {
    expectHcardError(() => readRecord(1, 'number', ne), 'HCARD_E_ARG_INVALID');
  });

  it.each([0x8000, -1, 0.5])('readBinary at offset %s throws HCARD_E_ARG_INVALID', (offset) => {
    expectHcardError(() => readBinary(offset, 1), 'HCARD_E_ARG_INVALID');
  });

  it('readBinary accepts the largest 15-bit offset 7FFF → P1 7F P2 FF', () => {
    expect(readBinary(0x7fff, 1).apdu).toMatchObject({ p1: 0x7f, p2: 0xff });
  });

  it('updateBinary rejects an offset over 7FFF, empty data and data over 255 bytes', () => {
    expectHcardError(() => updateBinary(0x8000, bytesOf(1)), 'HCARD_E_ARG_INVALID');
    expectHcardError(() => updateBinary(0, new Uint8Array(0)), 'HCARD_E_ARG_INVALID');
    expectHcardError(() => updateBinary(0, bytesOf(256)), 'HCARD_E_ARG_INVALID');
  });

  it('updateRecord rejects record 255', () => {
    expectHcardError(() => updateRecord(255, 0x04, bytesOf(2)), 'HCARD_E_ARG_INVALID');
  });

  it('externalAuthenticate rejects a key reference over FF', () => {
    expectHcardError(() => externalAuthenticate(0x100, bytesOf(17)), 'HCARD_E_ARG_INVALID');
  });

  it.each(['12345', '12', '123456789012345678', '12a456', '1234567'])(
    'verifyPin(%j) throws HCARD_E_ARG_INVALID (odd length, under 4, over 16 or not digits)',
    (pin) => {
      expectHcardError(() => verifyPin(pin), 'HCARD_E_ARG_INVALID');
    },
  );

  it('verifyPin accepts 4 and 16 digits, packed two per byte', () => {
    expect(verifyPin('1234').apdu.data).toEqual(fromHex('1234'));
    expect(verifyPin('1234567890123456').apdu.data).toEqual(fromHex('1234567890123456'));
  });

  it('an argument error does not echo the PIN', () => {
    const e = expectHcardError(() => verifyPin('98765'), 'HCARD_E_ARG_INVALID');
    expect(e.message).not.toContain('98765');
  });

  it('names commands for results and errors: SELECT with the FID in upper case', () => {
    expect(selectFile('ef05').name).toBe('SELECT EF05');
    expect(selectFile('ef05').apdu.data).toEqual(fromHex('EF05'));
  });
});
