/**
 * The MOHRSS functions over the emulated SSSE application (spec A.7): iReadCardBas field by
 * field, the HSM two-step with the emulated back end, and the error codes — the typed failures
 * and the generic status-word mapping.
 */
import {
  hcardError,
  iReadCardBas,
  iReadCardBasHsmStep1,
  iReadCardBasHsmStep2,
  MOHRSS_HSM_FALLBACK_CODES,
  parseCardBasString,
  parseHsmStep1String,
  SsseSession,
  toHex,
  toMohrssError,
} from '@hcard/card-core';
import { buildPsamImage, emulatedHsmPKey } from '@hcard/emulator';
import { describe, expect, it } from 'vitest';
import { FORGED_KEYS, header, ssseRig, testPsam } from './ssse-rig.js';

describe('iReadCardBas (spec A.7)', () => {
  it('a 3.0 card through the PSAM: code 0 and the 11 fields, each ended by "|"', async () => {
    const rig = ssseRig(50, { generation: '3.00' });
    const { card, holder } = rig.built;
    const result = await iReadCardBas(rig.card, { psam: testPsam(rig), readerSerial: 'RDR0001' });
    expect(result.code).toBe(0);
    expect(result.output.endsWith('|')).toBe(true);
    expect(result.output.split('|')).toHaveLength(12);
    expect(parseCardBasString(result.output)).toEqual({
      regionCode: card.cardIdCode.slice(0, 6), // 1: first 6 digits of the 卡识别码
      socialSecurityNumber: holder.socialSecurityNumber, // 2
      cardNumber: card.cardNumber, // 3
      cardIdCode: card.cardIdCode, // 4
      name: holder.name, // 5: 姓名 + 姓名扩展
      atrHistoricalBytes: toHex(rig.app.atr.subarray(4)), // 6: ATR historical bytes only
      specVersion: '3.00', // 7
      issueDate: card.issueDate, // 8
      expiryDate: card.expiryDate, // 9
      terminalNumber: '410100000001', // 10: the test PSAM's file 0016, 6 bytes as 12 hex digits
      readerSerial: 'RDR0001', // 11
    });
  });

  it('a 1.0 card without a PSAM: field 10 is the configured terminal number, or empty', async () => {
    const rig = ssseRig(51, { generation: '1.00' });
    const result = await iReadCardBas(rig.card, { terminalNumber: '410100813475' });
    expect(result.code).toBe(0);
    const fields = parseCardBasString(result.output);
    expect(fields.terminalNumber).toBe('410100813475');
    expect(fields.readerSerial).toBe('');
    expect(fields.specVersion).toBe('1.00');
  });

  it.each([
    ['no PSAM', -2201, '无PSAM卡', {}, false],
    [
      'a PSAM without RKSSSE',
      -2203,
      'PSAM卡内没有RKSSSE密钥',
      { psamImage: buildPsamImage({ ssseKeys: null }) },
      true,
    ],
    ['an algorithm the PSAM lacks', -2202, 'PSAM卡算法不支持', { algorithm: null }, true],
    ['a forged card', -21, '内部认证失败（用户卡不合法）', { keys: FORGED_KEYS }, true],
  ] as const)('a 3.0 card with %s: code %i %s', async (_what, code, text, build, withPsam) => {
    const rig = ssseRig(52, { generation: '3.00', ...build });
    const result = await iReadCardBas(rig.card, withPsam ? { psam: testPsam(rig) } : {});
    expect(result).toEqual({ code, output: text });
  });

  it('-2201, -2202 and -2203 are codes after which integrations fall back to the HSM (A.7)', () => {
    for (const code of [-2201, -2202, -2203, -27272, -24]) expect(MOHRSS_HSM_FALLBACK_CODES).toContain(code);
  });

  it('a card without the SSSE application: -1 卡类型不对', async () => {
    const rig = ssseRig(53, { generation: '2.00' });
    const notSsse = { ...rig.card, transmit: async () => Uint8Array.of(0x6a, 0x82) };
    expect(await iReadCardBas(notSsse)).toEqual({ code: -1, output: '卡类型不对' });
  });

  it('a transport failure is a code, not an exception (-11 读卡器连接错)', async () => {
    const rig = ssseRig(54, { generation: '2.00' });
    const broken = {
      ...rig.card,
      transmit: async () => {
        throw hcardError('HCARD_E_TRANSPORT', 'reader unplugged');
      },
    };
    expect(await iReadCardBas(broken)).toEqual({ code: -11, output: '读卡器连接错' });
  });
});

describe('iReadCardBas_HSM_Step1 / Step2 (spec A.7)', () => {
  it('a 3.0 card: step 1 gives 9 fields with four 8-byte values, step 2 the same string as iReadCardBas', async () => {
    const rig = ssseRig(60, { generation: '3.00' });
    const step1 = await iReadCardBasHsmStep1(rig.card, {
      readerSerial: 'RDR0001',
      terminalNumber: '410100000001',
    });
    expect(step1.code).toBe(0);
    const f = parseHsmStep1String(step1.output);
    expect(f.regionCode).toBe(rig.built.card.regionCode);
    expect(f.cardIdCode).toBe(rig.built.card.cardIdCode);
    expect(f.algorithm).toBe('03');
    expect(f.atrHistoricalBytes).toBe(toHex(rig.app.atr.subarray(4)));
    for (const k of ['internalFactor', 'internalData', 'externalFactor', 'externalData'] as const)
      expect(f[k]).toMatch(/^[0-9A-F]{16}$/);
    // The external factor is the card's challenge (GET CHALLENGE 00 84 00 00 08), the last command of step 1.
    const last = rig.cardLog.at(-1)!;
    expect(header(last)).toBe('00840000');
    expect(toHex(last.response!.subarray(0, 8))).toBe(f.externalFactor);
    expect(f.readerSerial).toBe('RDR0001');

    const step2 = await iReadCardBasHsmStep2(step1.exchange!, emulatedHsmPKey(step1.output));
    expect(step2.code).toBe(0);
    const withPsam = ssseRig(60, { generation: '3.00' });
    const direct = await iReadCardBas(withPsam.card, { psam: testPsam(withPsam), readerSerial: 'RDR0001' });
    expect(step2.output).toBe(direct.output);
  });

  it('accepts a pKey with the "|" one integration appends', async () => {
    const rig = ssseRig(61, { generation: '3.00' });
    const step1 = await iReadCardBasHsmStep1(rig.card);
    expect((await iReadCardBasHsmStep2(step1.exchange!, `${emulatedHsmPKey(step1.output)}|`)).code).toBe(0);
  });

  it.each([
    ['63 characters', (k: string) => k.slice(0, 63)],
    ['a non-hex digit in the first 64', (k: string) => `${k.slice(0, 40)}G${k.slice(41)}`],
    ['empty', () => ''],
  ])('pKey of %s: -23 传入数据不合法, and nothing is sent to the card', async (_what, spoil) => {
    const rig = ssseRig(62, { generation: '3.00' });
    const step1 = await iReadCardBasHsmStep1(rig.card);
    const sent = rig.cardLog.length;
    const result = await iReadCardBasHsmStep2(step1.exchange!, spoil(emulatedHsmPKey(step1.output)));
    expect(result).toEqual({ code: -23, output: '传入数据不合法' });
    expect(rig.cardLog.length).toBe(sent);
  });

  it("a pKey whose internal result differs from the card's answer: -25, and no EXTERNAL AUTHENTICATE", async () => {
    const rig = ssseRig(63, { generation: '3.00' });
    const step1 = await iReadCardBasHsmStep1(rig.card);
    const pKey = emulatedHsmPKey(step1.output);
    const spoilt = (pKey[0] === '0' ? '1' : '0') + pKey.slice(1);
    expect(await iReadCardBasHsmStep2(step1.exchange!, spoilt)).toEqual({
      code: -25,
      output: '内部认证与加密机不一致',
    });
    expect(rig.cardLog.map(header)).not.toContain('0082000A');
  });

  it('a forged card against the genuine HSM: -25', async () => {
    const rig = ssseRig(64, { generation: '3.00', keys: FORGED_KEYS });
    const step1 = await iReadCardBasHsmStep1(rig.card);
    expect((await iReadCardBasHsmStep2(step1.exchange!, emulatedHsmPKey(step1.output))).code).toBe(-25);
  });

  it('a wrong external cryptogram: the card answers 63CE, returned as -25550 (generic -SW1SW2)', async () => {
    const rig = ssseRig(65, { generation: '3.00' });
    const step1 = await iReadCardBasHsmStep1(rig.card);
    const pKey = emulatedHsmPKey(step1.output);
    const spoilt = `${pKey.slice(0, 40)}${pKey[40] === '0' ? '1' : '0'}${pKey.slice(41)}`;
    const result = await iReadCardBasHsmStep2(step1.exchange!, spoilt);
    expect(result.code).toBe(-0x63ce);
    expect(result.code).toBe(-25550);
    expect(rig.app.triesLeft()).toBe(14);
  });

  it('step 2 on another card (the ATR changed): -22 传入数据与卡内不符, nothing sent', async () => {
    const rig = ssseRig(67, { generation: '3.00' });
    let atr = rig.card.atr;
    const swappable = {
      ...rig.card,
      transmit: rig.card.transmit,
      get atr() {
        return atr;
      },
    };
    const step1 = await iReadCardBasHsmStep1(swappable);
    atr = Uint8Array.of(0x3b, 0x00);
    const sent = rig.cardLog.length;
    expect(await iReadCardBasHsmStep2(step1.exchange!, emulatedHsmPKey(step1.output))).toEqual({
      code: -22,
      output: '传入数据与卡内不符',
    });
    expect(rig.cardLog.length).toBe(sent);
  });

  it('a 1.0 card: no random values in step 1, and pKey is ignored in step 2 ("随意填")', async () => {
    const rig = ssseRig(66, { generation: '1.00' });
    const step1 = await iReadCardBasHsmStep1(rig.card);
    const f = parseHsmStep1String(step1.output);
    expect([f.internalFactor, f.internalData, f.externalFactor, f.externalData]).toEqual(['', '', '', '']);
    const step2 = await iReadCardBasHsmStep2(step1.exchange!, 'anything');
    expect(step2.code).toBe(0);
    expect(parseCardBasString(step2.output).socialSecurityNumber).toBe(rig.built.holder.socialSecurityNumber);
  });
});

describe('card status words as MOHRSS codes (spec A.7: the negative of SW1SW2)', () => {
  it('EF06 of a 3.0 card read without external authentication: 6982 → -27010', async () => {
    const rig = ssseRig(70, { generation: '3.00' });
    const opened = await SsseSession.select(rig.card);
    if (!opened.ok) throw new Error('select failed');
    const holder = await opened.value.readHolderData(3);
    expect(holder.ok).toBe(false);
    if (holder.ok) return;
    expect(toMohrssError(holder.failure)).toEqual({
      code: -27010,
      text: '卡片返回状态字 6982（security status not satisfied）',
    });
  });
});
