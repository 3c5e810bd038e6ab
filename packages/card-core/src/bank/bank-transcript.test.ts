/**
 * Bank authentication data in transcripts (spec B.7, JR/T 0171 鉴别信息): the transcript
 * decorator's redaction rules (channel/transcript.ts REDACTION_RULES) hide READ RECORD responses
 * with PAN, track 2, expiry or holder ID, and GPO format 2 responses, in both privacy modes,
 * on T=1 and through T=0 GET RESPONSE chains. Synthetic PAN (BIN 621999).
 */
import { describe, expect, it } from 'vitest';
import { asciiBytes, concatBytes, fromHex, toHex } from '../bytes.js';
import type { CardChannel } from '../channel/card-channel.js';
import { ReplayChannel } from '../channel/replay.js';
import {
  isSecretResponse,
  REDACTION_RULES,
  responseRedactionRules,
  type TranscriptEntry,
  type TranscriptPrivacy,
  transcriptCommand,
  withTranscript,
} from '../channel/transcript.js';
import { type BerTlv, encodeBerTlv } from '../tlv/ber-tlv.js';

const PAN_BCD = '6219990123456789017F';
const TRACK2 = '6219990123456789017D3011220123456789';

const p = (tag: number, value: string): BerTlv => ({ tag, constructed: false, value: fromHex(value) });
const record = (...children: BerTlv[]) => toHex(encodeBerTlv({ tag: 0x70, children }));

const PAN_RECORD = record(p(0x5a, PAN_BCD), p(0x5f24, '301130'));
const TRACK2_RECORD = record(p(0x57, TRACK2), p(0x5f20, toHex(asciiBytes('ZHANG/SAN'))));
const ID_RECORD = record(p(0x9f61, toHex(asciiBytes('11010519491231002X'))), p(0x9f62, '00'));
const NAME_ONLY_RECORD = record(p(0x5f20, toHex(asciiBytes('ZHANG/SAN'))));
const DIRECTORY_RECORD = toHex(
  encodeBerTlv({
    tag: 0x70,
    children: [
      { tag: 0x61, constructed: true, value: new Uint8Array(), children: [p(0x4f, 'A000000333010101')] },
    ],
  }),
);
const GPO_FORMAT_2 = toHex(
  encodeBerTlv({
    tag: 0x77,
    children: [p(0x82, '7C00'), p(0x94, '08010100'), p(0x57, TRACK2), p(0x9f36, '0005')],
  }),
);
const GPO_FORMAT_1 = '800A7C000801010010010201';
/** A health-card EF06 record: SIMPLE-TLV item 05 (ID number), never a template 70. */
const HEALTH_RECORD = `0512${toHex(asciiBytes('11010519491231002X'))}`;

/** A card answering each command with the next scripted response (hex). */
function scripted(responses: string[]): CardChannel {
  return {
    atr: Uint8Array.of(0x3b, 0x00),
    protocol: 'T=1',
    async transmit() {
      return fromHex(responses.shift() ?? '6F00');
    },
    async close() {},
  };
}

async function record1(privacy: TranscriptPrivacy, exchanges: [string, string][]) {
  const entries: TranscriptEntry[] = [];
  const channel = withTranscript(scripted(exchanges.map(([, r]) => r)), (e) => entries.push(e), { privacy });
  for (const [command] of exchanges) await channel.transmit(fromHex(command));
  return entries.map((e) => ({ response: toHex(e.response!), redacted: e.redacted, masked: e.masked }));
}

describe.each(['secrets-only', 'mask-personal-data'] as const)('transcripts with privacy %s', (privacy) => {
  it('redact READ RECORD responses holding PAN, track 2 or holder ID, hiding even their length', async () => {
    const shown = await record1(privacy, [
      ['00B2011400', `${PAN_RECORD}9000`],
      ['00B2010C00', `${TRACK2_RECORD}9000`],
      ['00B2021400', `${ID_RECORD}9000`],
    ]);
    expect(shown).toEqual(Array(3).fill({ response: '2A9000', redacted: true, masked: false }));
  });

  it('redact a GPO format 2 response (it carries track 2), not format 1 (AIP and AFL only)', async () => {
    const shown = await record1(privacy, [
      ['80A8000002830000', `${GPO_FORMAT_2}9000`],
      ['80A8000002830000', `${GPO_FORMAT_1}9000`],
    ]);
    expect(shown).toEqual([
      { response: '2A9000', redacted: true, masked: false },
      { response: `${GPO_FORMAT_1}9000`, redacted: false, masked: false },
    ]);
  });

  it('redact the GET RESPONSE chain of a T=0 card, every chunk of it', async () => {
    const data = `${TRACK2_RECORD}`;
    const half = data.length / 2 + ((data.length / 2) % 2);
    const shown = await record1(privacy, [
      ['00B2010C00', `61${(data.length / 2).toString(16).padStart(2, '0')}`],
      ['00C0000010', `${data.slice(0, half)}61${((data.length - half) / 2).toString(16).padStart(2, '0')}`],
      ['00C0000010', `${data.slice(half)}9000`],
      ['80A8000002830000', '6120'],
      ['00C0000020', `${GPO_FORMAT_2}9000`],
    ]);
    expect(shown.map((e) => e.response.startsWith('2A') && e.redacted)).toEqual([
      false,
      true,
      true,
      false,
      true,
    ]);
  });
});

describe('what bank redaction leaves alone', () => {
  it('keeps PSE directories, name-only records and health-card records in clear with secrets-only', async () => {
    const shown = await record1('secrets-only', [
      ['00B2010C00', `${DIRECTORY_RECORD}9000`],
      ['00B2011C00', `${NAME_ONLY_RECORD}9000`],
      ['00B2050400', `${HEALTH_RECORD}9000`],
    ]);
    expect(shown.map((e) => [e.response, e.redacted])).toEqual([
      [`${DIRECTORY_RECORD}9000`, false],
      [`${NAME_ONLY_RECORD}9000`, false],
      [`${HEALTH_RECORD}9000`, false],
    ]);
  });

  it('does not redact READ RECORD or GPO commands, so recordings still replay against them', async () => {
    expect(toHex(transcriptCommand(fromHex('00B2011400')).shown)).toBe('00B2011400');
    expect(transcriptCommand(fromHex('80A8000002830000'))).toMatchObject({ redacted: false });
    const replay = new ReplayChannel({
      atr: Uint8Array.of(0x3b, 0x00),
      protocol: 'T=1',
      exchanges: [{ command: fromHex('00B2011400'), response: fromHex('2A9000') }],
    });
    expect(toHex(await replay.transmit(fromHex('00B2011400')))).toBe('2A9000');
  });

  it('counts a template 70 that does not decode as secret: it may be a cut-off PAN record', () => {
    const rules = responseRedactionRules(fromHex('00B2011400'), REDACTION_RULES);
    expect(isSecretResponse(fromHex(`${PAN_RECORD.slice(0, 10)}9000`), rules)).toBe(true);
    expect(isSecretResponse(concatBytes(fromHex('6A83')), rules)).toBe(false);
  });
});
