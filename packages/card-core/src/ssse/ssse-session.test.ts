/**
 * SsseSession against scripted cards (command hex → answer hex), for card behaviour the
 * emulator does not produce: a missing application, a 2.0 card without 姓名扩展, a longer 卡号
 * answered with 6Cxx, a 规范版本 that names no generation.
 */
import { describe, expect, it } from 'vitest';
import { asciiBytes, concatBytes, toHex } from '../bytes.js';
import type { CardChannel } from '../channel/card-channel.js';
import { SSSE_AID } from './ssse-application.js';
import { encodeSsseRecord } from './ssse-codec.js';
import { type SsseItemKey, ssseItemsOf } from './ssse-items.js';
import { SsseSession } from './ssse-session.js';

const SELECT = `00A404000F${toHex(SSSE_AID)}`;

function scripted(answers: Record<string, string>): CardChannel & { sent: string[] } {
  const sent: string[] = [];
  return {
    atr: Uint8Array.of(0x3b, 0x00),
    protocol: 'T=1',
    sent,
    async transmit(command) {
      const hex = toHex(command);
      sent.push(hex);
      return Uint8Array.from(Buffer.from(answers[hex] ?? '6D00', 'hex'));
    },
    async close() {},
  };
}

const VALUES: Record<SsseItemKey, string> = {
  cardIdCode: '639900D15600000500BF7C7A48FB4966',
  cardType: '1',
  specVersion: '2.00',
  initOrgNumber: '00'.repeat(12),
  issueDate: '20101001',
  expiryDate: '20201001',
  cardNumber: 'X00000019',
  socialSecurityNumber: '111111198101011110',
  name: '张三',
  nameExtension: '',
  sex: '1',
  ethnicity: '01',
  birthPlace: '111111',
  birthDate: '19810101',
};

/** READ RECORD by tag of every item of a generation, answered with its record. */
function byTag(generation: number, values = VALUES): Record<string, string> {
  const out: Record<string, string> = {
    [SELECT]: '9000',
    '00A4020002EF05': '9000',
    '00A4020002EF06': '9000',
  };
  for (const file of ['EF05', 'EF06'] as const) {
    for (const item of ssseItemsOf(file, generation)) {
      const tag = item.tag.toString(16).toUpperCase().padStart(2, '0');
      const le = (item.length + 2).toString(16).toUpperCase().padStart(2, '0');
      out[`00B2${tag}00${le}`] = `${toHex(encodeSsseRecord(item, values[item.key]))}9000`;
    }
  }
  return out;
}

describe('SsseSession', () => {
  it('a card without the application: SELECT 6A82 is the failure no-application', async () => {
    expect(await SsseSession.select(scripted({ [SELECT]: '6A82' }))).toEqual({
      ok: false,
      failure: { kind: 'no-application' },
    });
  });

  it('a COS that cannot select by DF name (6A86, 6D00, as a health card alone answers) has none either', async () => {
    for (const sw of ['6A86', '6D00'])
      expect(await SsseSession.select(scripted({ [SELECT]: sw })), sw).toEqual({
        ok: false,
        failure: { kind: 'no-application' },
      });
  });

  it('any other SELECT refusal is a refusal with its status word', async () => {
    const outcome = await SsseSession.select(scripted({ [SELECT]: '6A81' }));
    expect(outcome.ok === false && outcome.failure.kind === 'refused' && outcome.failure.refusal.sw).toBe(
      0x6a81,
    );
  });

  it('a 2.0 card without a 姓名扩展 record (6A83): the name is 姓名 alone', async () => {
    const answers = byTag(2);
    answers['00B24E0016'] = '6A83';
    const opened = await SsseSession.select(scripted(answers));
    if (!opened.ok) throw new Error('select');
    const holder = await opened.value.readHolderData(2);
    expect(holder.ok && holder.value.name).toBe('张三');
  });

  it('a 6A83 for any other record is a refusal', async () => {
    const answers = byTag(2);
    answers['00B20A0003'] = '6A83';
    const opened = await SsseSession.select(scripted(answers));
    if (!opened.ok) throw new Error('select');
    const holder = await opened.value.readHolderData(2);
    expect(holder.ok === false && holder.failure.kind === 'refused' && holder.failure.refusal.sw).toBe(
      0x6a83,
    );
  });

  it('a longer 卡号 answered 6C0D is read again with Le 0D by the T=0 decorator; 9 characters kept', async () => {
    const answers = byTag(2);
    answers['00B207000B'] = '6C0D';
    const long = concatBytes(Uint8Array.of(0x07, 0x0b), asciiBytes('X0000001912'));
    answers['00B207000D'] = `${toHex(long)}9000`;
    const card = scripted(answers);
    const opened = await SsseSession.select(card);
    if (!opened.ok) throw new Error('select');
    const data = await opened.value.readCardData();
    expect(data.ok && data.value.cardNumber).toBe('X00000019');
    expect(card.sent).toContain('00B207000D');
  });

  it('a 规范版本 that names no generation is invalid card data', async () => {
    const opened = await SsseSession.select(scripted(byTag(1, { ...VALUES, specVersion: 'X.00' })));
    if (!opened.ok) throw new Error('select');
    await expect(opened.value.readCardData()).rejects.toMatchObject({ code: 'HCARD_E_CARD_DATA_INVALID' });
  });
});
