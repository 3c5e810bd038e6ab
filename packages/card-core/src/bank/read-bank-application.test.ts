/**
 * The bank reader's decisions against scripted cards (spec B.1, B.3, B.6): PSE priorities,
 * blocked applications, GPO retry with an empty PDOL, the fixed-record fallback, refusals, PAN
 * from track 2. The emulated application is exercised end to end in tests/bank. PANs are
 * synthetic (BIN 621999).
 */
import { describe, expect, it } from 'vitest';
import { asciiBytes, fromHex, toHex } from '../bytes.js';
import type { CardChannel } from '../channel/card-channel.js';
import { encodeAnsText } from '../codecs/ans.js';
import { isHcardError } from '../errors.js';
import { type BerTlv, encodeBerTlv } from '../tlv/ber-tlv.js';
import { type BankApplication, type BankReadResult, readBankApplication } from './read-bank-application.js';

const PAN = '6219990123456789017';
const DEBIT = 'A000000333010101';
const CREDIT = 'A000000333010102';

const p = (tag: number, value: Uint8Array | string): BerTlv => ({
  tag,
  constructed: false,
  value: typeof value === 'string' ? fromHex(value) : value,
});
const c = (tag: number, children: BerTlv[]): BerTlv => ({
  tag,
  constructed: true,
  value: new Uint8Array(),
  children,
});
const hex = (o: BerTlv) => toHex(encodeBerTlv(o));

const fci = (aid: string, pdol?: string) =>
  hex(
    c(0x6f, [
      p(0x84, aid),
      c(0xa5, [p(0x50, asciiBytes('PBOC TEST')), p(0x87, '01'), ...(pdol ? [p(0x9f38, pdol)] : [])]),
    ]),
  );
const PSE_FCI = hex(c(0x6f, [p(0x84, asciiBytes('1PAY.SYS.DDF01')), c(0xa5, [p(0x88, '01')])]));
const NAME_RECORD = hex(c(0x70, [p(0x5f20, encodeAnsText('张测试'))]));
const PAN_RECORD = hex(c(0x70, [p(0x5a, `${PAN}F`), p(0x5f24, '301130')]));
/** GPO format 1: 80 L AIP ‖ AFL (hex, spaces allowed). */
function format1(afl: string): string {
  const bytes = afl.replaceAll(' ', '');
  return `80${(2 + bytes.length / 2).toString(16).padStart(2, '0')}7C00${bytes}`;
}

const SELECT_PSE = `00A404000E${toHex(asciiBytes('1PAY.SYS.DDF01'))}00`;
const select = (aid: string) => `00A40400${(aid.length / 2).toString(16).padStart(2, '0')}${aid}00`;
const GPO_EMPTY = '80A8000002830000';

/**
 * A card answering from a table (command hex, or a prefix ending in '*', → responses in turn;
 * the last one repeats); SELECT finds nothing and READ RECORD 6A83 otherwise.
 */
function scripted(table: Record<string, string | string[]>) {
  const sent: string[] = [];
  const turns = new Map<string, number>();
  const channel: CardChannel = {
    atr: Uint8Array.of(0x3b, 0x00),
    protocol: 'T=1',
    async transmit(command) {
      const h = toHex(command);
      sent.push(h);
      const key = Object.keys(table).find((k) => (k.endsWith('*') ? h.startsWith(k.slice(0, -1)) : h === k));
      if (key === undefined)
        return fromHex(h.startsWith('00A4') ? '6A82' : h.startsWith('00B2') ? '6A83' : '6D00');
      const answers = ([] as string[]).concat(table[key]!);
      const n = turns.get(key) ?? 0;
      turns.set(key, n + 1);
      return fromHex(answers[Math.min(n, answers.length - 1)]!);
    },
    async close() {},
  };
  return { channel, sent };
}

function application(result: BankReadResult): BankApplication {
  if (result.kind !== 'bank-application') throw new Error(`expected an application, got ${result.kind}`);
  return result;
}

describe('readBankApplication', () => {
  it('retries GPO with an empty PDOL when the filled one is refused (spec B.3)', async () => {
    const log: string[] = [];
    const { channel, sent } = scripted({
      [select(DEBIT)]: `${fci(DEBIT, '9F1A02')}9000`,
      '80A8000004*': '6985',
      [GPO_EMPTY]: `${format1('08010100 10010100')}9000`,
      '00B2010C00': `${NAME_RECORD}9000`,
      '00B2011400': `${PAN_RECORD}9000`,
    });
    const result = application(await readBankApplication(channel, { log: (l) => log.push(l) }));
    expect(result).toMatchObject({ maskedPan: '621999*********9017', holderName: '张测试', readBy: 'afl' });
    expect(sent.filter((s) => s.startsWith('80A8'))).toEqual(['80A80000048302015600', GPO_EMPTY]);
    expect(log.join('\n')).toContain('refused (6985); retrying with an empty PDOL');
  });

  it('reads fixed records when GPO is refused both ways (spec B.3 last resort, B.6 pattern 1)', async () => {
    const { channel, sent } = scripted({
      [select(DEBIT)]: `${fci(DEBIT, '9F1A02')}9000`,
      '80A8*': '6985',
      '00B2010C00': `${NAME_RECORD}9000`,
      '00B2011400': `${PAN_RECORD}9000`,
    });
    const result = application(await readBankApplication(channel, { usePse: false }));
    expect(result).toMatchObject({ readBy: 'fixed-records', expiryMonth: '2030-11', holderName: '张测试' });
    expect(sent.filter((s) => s.startsWith('00B2'))).toEqual(['00B2010C00', '00B2011400']);
  });

  it('returns the refusal when GPO is refused and no fixed record holds a PAN', async () => {
    const { channel } = scripted({ [select(DEBIT)]: `${fci(DEBIT)}9000`, '80A8*': '6985' });
    expect(await readBankApplication(channel, { usePse: false })).toEqual({
      kind: 'refused',
      aid: DEBIT,
      refusal: {
        command: 'GET PROCESSING OPTIONS (empty PDOL)',
        sw: 0x6985,
        meaning: 'conditions of use not satisfied',
      },
    });
  });

  it('returns the refusal of a READ RECORD the AFL names, before any PAN', async () => {
    const { channel } = scripted({
      [select(DEBIT)]: `${fci(DEBIT)}9000`,
      [GPO_EMPTY]: `${format1('08010200')}9000`,
      '00B2010C00': '6A83',
    });
    const result = await readBankApplication(channel, { usePse: false });
    expect(result).toMatchObject({ kind: 'refused', aid: DEBIT, refusal: { sw: 0x6a83 } });
  });

  it('selects PSE entries by priority (87: 1 first), whatever their order in the directory', async () => {
    const directory = hex(
      c(0x70, [
        c(0x61, [p(0x4f, DEBIT), p(0x87, '02')]),
        c(0x61, [p(0x4f, 'A0000000031010'), p(0x87, '01')]), // another scheme: left aside
        c(0x61, [p(0x4f, CREDIT), p(0x87, '01')]),
      ]),
    );
    const { channel, sent } = scripted({
      [SELECT_PSE]: `${PSE_FCI}9000`,
      '00B2010C00': [`${directory}9000`, `${NAME_RECORD}9000`],
      [select(CREDIT)]: `${fci(CREDIT)}9000`,
      [GPO_EMPTY]: `${format1('08010100 10010100')}9000`,
      '00B2011400': `${PAN_RECORD}9000`,
    });
    const result = application(await readBankApplication(channel));
    expect(result).toMatchObject({ aid: CREDIT, product: 'credit', foundBy: 'pse', label: 'PBOC TEST' });
    expect(sent.filter((s) => s.startsWith('00A404')).slice(1)).toEqual([select(CREDIT)]);
  });

  it('skips a blocked application (6283) and takes the next one', async () => {
    const { channel } = scripted({
      [select(DEBIT)]: `${fci(DEBIT)}6283`,
      [select(CREDIT)]: `${fci(CREDIT)}9000`,
      [GPO_EMPTY]: `${format1('08010100 10010100')}9000`,
      '00B2010C00': `${NAME_RECORD}9000`,
      '00B2011400': `${PAN_RECORD}9000`,
    });
    expect(application(await readBankApplication(channel, { usePse: false })).aid).toBe(CREDIT);
  });

  it('takes a masked PAN and the expiry month from track 2 when 5A and 5F24 are missing', async () => {
    const track2Only = hex(c(0x70, [p(0x57, `${PAN}D3011220123456789`), p(0x5f20, asciiBytes('ZHANG/SAN'))]));
    const { channel } = scripted({
      [select(DEBIT)]: `${fci(DEBIT)}9000`,
      [GPO_EMPTY]: `${format1('08010100')}9000`,
      '00B2010C00': `${track2Only}9000`,
    });
    const result = application(await readBankApplication(channel, { usePse: false }));
    expect(result).toMatchObject({
      maskedPan: '621999*********9017',
      expiryMonth: '2030-11',
      holderName: 'ZHANG/SAN',
    });
  });

  it('prefers the extended name (9F0B) to 5F20', async () => {
    const record = hex(
      c(0x70, [p(0x5f20, asciiBytes('ZHANG/S')), p(0x9f0b, asciiBytes('ZHANG/SANFENG')), p(0x5a, `${PAN}F`)]),
    );
    const { channel } = scripted({
      [select(DEBIT)]: `${fci(DEBIT)}9000`,
      [GPO_EMPTY]: `${format1('08010100')}9000`,
      '00B2010C00': `${record}9000`,
    });
    expect(application(await readBankApplication(channel, { usePse: false })).holderName).toBe(
      'ZHANG/SANFENG',
    );
  });

  it('throws HCARD_E_BANK_PAN_MISSING when no record the AFL names has a PAN', async () => {
    const { channel } = scripted({
      [select(DEBIT)]: `${fci(DEBIT)}9000`,
      [GPO_EMPTY]: `${format1('08010100')}9000`,
      '00B2010C00': `${NAME_RECORD}9000`,
    });
    const e = await readBankApplication(channel, { usePse: false }).catch((x: unknown) => x);
    expect(isHcardError(e, 'HCARD_E_BANK_PAN_MISSING')).toBe(true);
  });

  it('refuses an AFL that lists more records than a card has, before reading any', async () => {
    const { channel, sent } = scripted({
      [select(DEBIT)]: `${fci(DEBIT)}9000`,
      [GPO_EMPTY]: `${format1('0801FF00')}9000`,
    });
    const e = await readBankApplication(channel, { usePse: false }).catch((x: unknown) => x);
    expect(isHcardError(e, 'HCARD_E_BANK_DATA_INVALID')).toBe(true);
    expect(sent.filter((s) => s.startsWith('00B2'))).toEqual([]);
  });

  it('checks direct-selection names before sending anything', async () => {
    const { channel, sent } = scripted({});
    const e = await readBankApplication(channel, { directNames: ['A0000003'] }).catch((x: unknown) => x);
    expect(isHcardError(e, 'HCARD_E_ARG_INVALID')).toBe(true);
    expect(sent).toEqual([]);
  });
});
