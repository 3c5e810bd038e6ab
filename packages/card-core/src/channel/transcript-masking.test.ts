/**
 * The transcript decorator's personal-data masking (its default) and its interplay with
 * redaction, T=0 and replay. Every person here is synthetic: the ID number is made up with a
 * valid check digit, the phone number is from a reserved-looking test range.
 */
import { describe, expect, it } from 'vitest';
import { concatBytes, fromHex, toHex } from '../bytes.js';
import { encodeAns, encodeAnsText } from '../codecs/ans.js';
import { smPlaintext } from '../crypto/secure-messaging.js';
import { hcardError } from '../errors.js';
import { gb11643CheckDigit } from '../ids/gb11643.js';
import type { CardChannel, CardProtocol } from './card-channel.js';
import { ReplayChannel, transcriptFromJsonl, transcriptToJsonl } from './replay.js';
import { withT0 } from './t0.js';
import {
  MASKING_RULES,
  type TranscriptEntry,
  type TranscriptOptions,
  transcriptCommand,
  withTranscript,
} from './transcript.js';

// --- Synthetic data and helpers ------------------------------------------------------------------

const ID_17 = '41010219900307123';
/** A synthetic citizen ID (GB 11643 check digit computed, no real person's). */
const ID_NUMBER = ID_17 + gb11643CheckDigit(ID_17);
const ID_ASCII_HEX = toHex(encodeAnsText(ID_NUMBER));
const PHONE = '13800001234';
const PHONE_ASCII_HEX = toHex(encodeAnsText(PHONE));
const NAME = '张测试';
const NAME_GBK_HEX = toHex(encodeAnsText(NAME));

/** EF06 record 5 as the card returns it: tag 05, length 18, the ID in ASCII (spec §4.2). */
const ID_RECORD = concatBytes(Uint8Array.of(0x05, 18), encodeAns(ID_NUMBER, 18));
/** EF08 record 2 as a terminal writes it: tag 02, length 20, the phone padded with 00. */
const PHONE_TLV = concatBytes(Uint8Array.of(0x02, 20), encodeAns(PHONE, 20));

const ATR = fromHex('3B 02 14 50');
const SECRETS_ONLY: TranscriptOptions = { privacy: 'secrets-only' };

/** A card that answers from a queue of hex responses (or errors) and records what it got. */
class ScriptedChannel implements CardChannel {
  readonly atr = ATR;
  readonly sent: string[] = [];

  constructor(
    private readonly script: (string | Error)[],
    readonly protocol: CardProtocol = 'T=1',
  ) {}

  async transmit(command: Uint8Array): Promise<Uint8Array> {
    this.sent.push(toHex(command));
    const answer = this.script.shift();
    if (answer === undefined) throw new Error(`script exhausted at ${toHex(command)}`);
    if (answer instanceof Error) throw answer;
    return fromHex(answer);
  }

  async close(): Promise<void> {}
}

function recorder(card: CardChannel, options?: TranscriptOptions) {
  const entries: TranscriptEntry[] = [];
  return { entries, channel: withTranscript(card, (e) => entries.push(e), options) };
}

const tx = async (channel: CardChannel, hex: string) => toHex(await channel.transmit(fromHex(hex)));

/** Entries with bytes as hex, for searching. */
const asJson = (entries: readonly TranscriptEntry[]) =>
  JSON.stringify(entries, (_k, v: unknown) => (v instanceof Uint8Array ? toHex(v) : v));

const filler = (n: number) => '2A'.repeat(n);

// --- Responses ---------------------------------------------------------------------------------------

describe('withTranscript masks personal data by default: responses', () => {
  it('masks a READ RECORD response holding an ID number byte for byte, keeping its length and SW', async () => {
    const { entries, channel } = recorder(new ScriptedChannel([`${toHex(ID_RECORD)} 9000`]));
    // The caller still gets the data: masking is for the record only.
    expect(await tx(channel, '00B2050400')).toBe(`${toHex(ID_RECORD)}9000`);
    const [entry] = entries;
    expect(toHex(entry!.command)).toBe('00B2050400');
    expect(toHex(entry!.response!)).toBe(`${filler(ID_RECORD.length)}9000`);
    expect(entry).toMatchObject({ masked: true, redacted: false });
    const json = asJson(entries);
    expect(json).not.toContain(ID_ASCII_HEX);
    expect(json).not.toContain(ID_NUMBER);
    expect(json).not.toContain(ID_17);
  });

  it('masks a READ BINARY response (photo, encounter data) and keeps a warning status word', async () => {
    const data = toHex(encodeAnsText(NAME));
    const { entries, channel } = recorder(new ScriptedChannel([`${data} 6282`]));
    await tx(channel, '00B0000010');
    expect(toHex(entries[0]!.response!)).toBe(`${filler(NAME.length * 2)}6282`);
    expect(asJson(entries)).not.toContain(NAME_GBK_HEX);
  });

  it('does not flag a read that returned no data (6A83) as masked', async () => {
    const { entries, channel } = recorder(new ScriptedChannel(['6A83']));
    await tx(channel, '00B2090400');
    expect(entries[0]).toMatchObject({ masked: false });
    expect(toHex(entries[0]!.response!)).toBe('6A83');
  });

  it('masks the T=0 GET RESPONSE that fetches a READ RECORD’s data (61xx chain), not the 61xx itself', async () => {
    const record = toHex(ID_RECORD);
    const card = new ScriptedChannel(
      ['6114', `${record.slice(0, 20)} 610A`, `${record.slice(20)} 9000`],
      'T=0',
    );
    const { entries, channel } = recorder(card);
    // As the session does it: the T=0 decorator above the transcript.
    expect(await tx(withT0(channel), '00B2050400')).toBe(`${record}9000`);
    expect(entries.map((e) => [toHex(e.command), toHex(e.response!), e.masked])).toEqual([
      ['00B2050400', '6114', false],
      ['00C0000014', `${filler(10)}610A`, true],
      ['00C000000A', `${filler(10)}9000`, true],
    ]);
    expect(asJson(entries)).not.toContain(ID_ASCII_HEX.slice(0, 16));
  });

  it('keeps the data of a GET RESPONSE after a SELECT or a PSAM 80 FA (not card data)', async () => {
    const fci = '6F0A8408A000000000000001';
    const cryptogram = '00112233445566778899AABBCCDDEEFF';
    const card = new ScriptedChannel(['610C', `${fci} 9000`, '6110', `${cryptogram} 9000`], 'T=0');
    const { entries, channel } = recorder(card);
    const t0 = withT0(channel);
    await tx(t0, '00A4000002DDF1');
    await tx(t0, `80FA000010 1122334455667788 0000000000000000`);
    expect(toHex(entries[1]!.response!)).toBe(`${fci}9000`);
    expect(toHex(entries[3]!.response!)).toBe(`${cryptogram}9000`);
    expect(entries.map((e) => e.masked)).toEqual([false, false, true, false]);
  });

  it('masks a GET RESPONSE whose predecessor is unknown (first exchange, or after a failure)', async () => {
    const card = new ScriptedChannel([
      `${toHex(ID_RECORD)} 9000`,
      new Error('reader gone'),
      `${toHex(ID_RECORD)} 9000`,
    ]);
    const { entries, channel } = recorder(card);
    await tx(channel, '00C0000014');
    await channel.transmit(fromHex('00A4000002DDF1')).catch(() => {});
    await tx(channel, '00C0000014');
    expect(entries.map((e) => e.masked)).toEqual([true, false, true]);
    expect(asJson(entries)).not.toContain(ID_ASCII_HEX);
  });
});

// --- Commands ----------------------------------------------------------------------------------------

describe('withTranscript masks personal data by default: commands', () => {
  it('masks the 80 FA input that carries a phone number to encrypt, keeping header and Lc', async () => {
    const plain = smPlaintext(PHONE_TLV); // L ‖ TLV ‖ 80 00… (spec §6.4 step 3)
    const command = concatBytes(fromHex('80FA0000'), Uint8Array.of(plain.length), plain);
    const { entries, channel } = recorder(new ScriptedChannel(['6120']));
    await channel.transmit(command);
    expect(toHex(entries[0]!.command)).toBe(
      `80FA0000${toHex(Uint8Array.of(plain.length))}${filler(plain.length)}`,
    );
    expect(entries[0]!.command).toHaveLength(command.length);
    expect(entries[0]).toMatchObject({ masked: true, redacted: false });
    expect(asJson(entries)).not.toContain(PHONE_ASCII_HEX);
  });

  it('masks the data of UPDATE RECORD, plain (00 DC) and with secure messaging (04 DC)', async () => {
    const plainCommand = concatBytes(fromHex('00DC0204'), Uint8Array.of(PHONE_TLV.length), PHONE_TLV);
    const { entries, channel } = recorder(new ScriptedChannel(['9000', '9000']));
    await channel.transmit(plainCommand);
    await tx(channel, `04DC020424 ${'5A'.repeat(36)}`);
    expect(entries.map((e) => toHex(e.command))).toEqual([
      `00DC020416${filler(22)}`,
      `04DC020424${filler(36)}`,
    ]);
    expect(entries.every((e) => e.masked)).toBe(true);
    expect(asJson(entries)).not.toContain(PHONE_ASCII_HEX);
  });

  it.each([
    ['UPDATE BINARY', '00D6000004', 4],
    ['WRITE RECORD (MAC only)', '84D2030404', 4],
    ['APPEND RECORD', '00E2000003', 3],
    ['PSAM INIT KEY (CN ‖ CITY ‖ R)', '80DE473118', 24],
    ['PSO COMPUTE DIGITAL SIGNATURE (digest)', '002A9E9A20', 32],
  ])('masks the data of %s', async (_name, header, n) => {
    const { entries, channel } = recorder(new ScriptedChannel(['9000']));
    await tx(channel, header + '31'.repeat(n));
    expect(toHex(entries[0]!.command)).toBe(header + filler(n));
    expect(entries[0]!.masked).toBe(true);
  });

  it('masks the signature a PSO COMPUTE DIGITAL SIGNATURE returns (it gives the digest back)', async () => {
    const signature = '77'.repeat(64);
    const { entries, channel } = recorder(new ScriptedChannel([`${signature} 9000`]));
    await tx(channel, `002A9E9A20 ${'31'.repeat(32)} 40`);
    expect(toHex(entries[0]!.command)).toBe(`002A9E9A20${filler(32)}40`);
    expect(toHex(entries[0]!.response!)).toBe(`${filler(64)}9000`);
  });

  it('keeps Lc and Le of short and extended commands and masks only the data between', () => {
    const show = (hex: string) => toHex(transcriptCommand(fromHex(hex)).shown);
    expect(show('00D6000004 01020304')).toBe('00D6000004' + filler(4));
    expect(show('80FA000004 01020304 10')).toBe('80FA000004' + filler(4) + '10');
    expect(show('00D6000000 0004 01020304')).toBe('00D60000000004' + filler(4));
    expect(show('80FA0000 000004 01020304 0010')).toBe('80FA0000000004' + filler(4) + '0010');
    // A body that fits no APDU case is masked whole.
    expect(show('00DC0104 09 0102')).toBe('00DC0104' + filler(3));
    // No data: nothing to mask, and the entry is not flagged.
    expect(transcriptCommand(fromHex('00B2010400'))).toMatchObject({ masked: false });
  });

  it('keeps commands that carry no card data (SELECT, GET CHALLENGE, EXTERNAL AUTHENTICATE) in full', async () => {
    const auth = '0082000411 0102030405060708 1122334455667788 01';
    const { entries, channel } = recorder(new ScriptedChannel(['9000', '0102030405060708 9000', '9000']));
    await tx(channel, '00A4000002DDF1');
    await tx(channel, '0084000008');
    await tx(channel, auth);
    expect(entries.map((e) => toHex(e.command))).toEqual([
      '00A4000002DDF1',
      '0084000008',
      auth.replace(/\s/g, ''),
    ]);
    expect(entries.map((e) => e.masked)).toEqual([false, false, false]);
    expect(toHex(entries[1]!.response!)).toBe('01020304050607089000');
  });

  it('has a reason for every masking rule (rules are data)', () => {
    for (const rule of MASKING_RULES) expect(rule.why.length).toBeGreaterThan(5);
  });
});

// --- Secrets in both modes, and the opt-out ------------------------------------------------------

describe('withTranscript: redaction in both modes, and privacy secrets-only', () => {
  const KEY = '00112233445566778899AABBCCDDEEFF';

  it.each([
    ['default', undefined],
    ['secrets-only', SECRETS_ONLY],
  ] as const)(
    'redacts a WRITE KEY (80 D4) to its header in %s mode, with the key nowhere',
    async (_m, options) => {
      const { entries, channel } = recorder(new ScriptedChannel(['9000', '9000']), options);
      await tx(channel, `80D4010015 01020304 ${KEY} 00`);
      await tx(channel, `84D4010019 01020304 ${KEY} 0000000000`);
      expect(entries.map((e) => toHex(e.command))).toEqual(['80D401002A', '84D401002A']);
      expect(entries.every((e) => e.redacted && !e.masked)).toBe(true);
      expect(asJson(entries)).not.toContain(KEY);
      expect(asJson(entries)).not.toContain(KEY.slice(0, 12));
    },
  );

  it('keeps card data with privacy secrets-only (synthetic cards), and VERIFY still redacted', async () => {
    const plain = smPlaintext(PHONE_TLV);
    const card = new ScriptedChannel([`${toHex(ID_RECORD)} 9000`, '6120', '9000']);
    const { entries, channel } = recorder(card, SECRETS_ONLY);
    await tx(channel, '00B2050400');
    await channel.transmit(concatBytes(fromHex('80FA0000'), Uint8Array.of(plain.length), plain));
    await tx(channel, '0020000003123456');
    expect(toHex(entries[0]!.response!)).toBe(`${toHex(ID_RECORD)}9000`);
    expect(toHex(entries[1]!.command)).toContain(PHONE_ASCII_HEX);
    expect(toHex(entries[2]!.command)).toBe('002000002A');
    expect(entries.map((e) => [e.masked, e.redacted])).toEqual([
      [false, false],
      [false, false],
      [false, true],
    ]);
  });

  it('withholds the message of a failed exchange in the default mode: a driver may echo the command', async () => {
    const update = concatBytes(fromHex('00DC0204'), Uint8Array.of(PHONE_TLV.length), PHONE_TLV);
    const echo = new Error(`transmit failed for ${toHex(update)}`);
    const coded = hcardError('HCARD_E_TRANSPORT', `reader "desk ${PHONE}"`);
    const { entries, channel } = recorder(new ScriptedChannel([echo, coded]));
    await expect(channel.transmit(update)).rejects.toBe(echo);
    await expect(channel.transmit(fromHex('00A4000002DDF1'))).rejects.toBe(coded);
    expect(entries.map((e) => e.error)).toEqual([
      'Error (message withheld)',
      'HCARD_E_TRANSPORT: The reader or card connection failed',
    ]);
    expect(asJson(entries)).not.toContain(PHONE_ASCII_HEX);
    expect(asJson(entries)).not.toContain(PHONE);
  });

  it('keeps the message of a failed exchange with privacy secrets-only (unless the command is redacted)', async () => {
    const { entries, channel } = recorder(
      new ScriptedChannel([new Error('card mute'), new Error('echo 0020000003123456')]),
      SECRETS_ONLY,
    );
    await channel.transmit(fromHex('00A4000002DDF1')).catch(() => {});
    await channel.transmit(fromHex('0020000003123456')).catch(() => {});
    expect(entries.map((e) => e.error)).toEqual(['card mute', 'Error (message withheld)']);
  });
});

// --- Replay of a masked transcript -----------------------------------------------------------------

describe('a masked transcript as JSONL and through ReplayChannel', () => {
  async function recordMasked() {
    const update = concatBytes(fromHex('00DC0204'), Uint8Array.of(PHONE_TLV.length), PHONE_TLV);
    const card = new ScriptedChannel(['9000', `${toHex(ID_RECORD)} 9000`, '9000', '9000']);
    const { entries, channel } = recorder(card);
    await tx(channel, '00A4000002EF06');
    await tx(channel, '00B2050400');
    await channel.transmit(update);
    await tx(channel, '0020000003123456');
    return { entries, update, text: transcriptToJsonl({ atr: ATR, protocol: 'T=1' }, entries) };
  }

  it('writes "masked":true on the masked exchanges only, and no card data', async () => {
    const { text } = await recordMasked();
    const lines = text
      .trimEnd()
      .split('\n')
      .slice(1)
      .map((l) => JSON.parse(l));
    expect(lines).toEqual([
      { tx: '00A4000002EF06', rx: '9000' },
      { tx: '00B2050400', rx: `${filler(20)}9000`, masked: true },
      { tx: `00DC020416${filler(22)}`, rx: '9000', masked: true },
      { tx: '002000002A', rx: '9000' },
    ]);
    expect(text).not.toContain(ID_ASCII_HEX);
    expect(text).not.toContain(PHONE_ASCII_HEX);
  });

  it('replays: a masked command matches the live one in masked form; the response comes back masked', async () => {
    const { text, update } = await recordMasked();
    const replay = new ReplayChannel(transcriptFromJsonl(text));
    await tx(replay, '00A4000002EF06');
    // Only useful to code that does not decode the data: the bytes are filler.
    expect(await tx(replay, '00B2050400')).toBe(`${filler(20)}9000`);
    expect(toHex(await replay.transmit(update))).toBe('9000');
    expect(await tx(replay, '0020000003654321')).toBe('9000');
    expect(replay.remaining).toBe(0);
  });

  it('matches a masked command whatever its data, as long as header and length agree', async () => {
    const { text } = await recordMasked();
    const other = concatBytes(fromHex('00DC020416'), new Uint8Array(22).fill(0x33));
    const replay = new ReplayChannel(transcriptFromJsonl(text));
    await tx(replay, '00A4000002EF06');
    await tx(replay, '00B2050400');
    expect(toHex(await replay.transmit(other))).toBe('9000');
  });

  it.each([
    ['a different length', `00DC020415${'33'.repeat(21)}`],
    ['a different record', `00DC030416${'33'.repeat(22)}`],
  ])('refuses a masked command with %s (HCARD_E_REPLAY_MISMATCH)', async (_what, hex) => {
    const { text } = await recordMasked();
    const replay = new ReplayChannel(transcriptFromJsonl(text));
    await tx(replay, '00A4000002EF06');
    await tx(replay, '00B2050400');
    await expect(replay.transmit(fromHex(hex))).rejects.toMatchObject({ code: 'HCARD_E_REPLAY_MISMATCH' });
  });

  it('compares in masked form only the commands the rules mask (a SELECT is never masked)', async () => {
    const replay = new ReplayChannel({
      atr: ATR,
      protocol: 'T=1',
      exchanges: [{ command: fromHex('00A40000022A2A'), response: fromHex('9000') }],
    });
    await expect(replay.transmit(fromHex('00A4000002DDF1'))).rejects.toMatchObject({
      code: 'HCARD_E_REPLAY_MISMATCH',
    });
  });

  it('still needs the exact command where the recording kept it in clear', async () => {
    const strict = new ReplayChannel({
      atr: ATR,
      protocol: 'T=1',
      exchanges: [{ command: fromHex(`00DC020403 010203`), response: fromHex('9000') }],
    });
    await expect(strict.transmit(fromHex('00DC020403 040506'))).rejects.toMatchObject({
      code: 'HCARD_E_REPLAY_MISMATCH',
    });
  });
});
