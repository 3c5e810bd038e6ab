/**
 * The emulated SSSE application's reference COS (emulator/README.md, "SSSE application"),
 * command by command. Cryptograms come from card-core's ssse-security.ts, which its own tests
 * check against an independent SM4 computation.
 */
import { fromHex, ssseExternalCryptogram, ssseInternalAuthResult, toHex } from '@hcard/card-core';
import { describe, expect, it } from 'vitest';
import { TEST_SSSE_KEYS } from '../keys/test-key-set.js';
import { generateResident } from '../synthetic/resident.js';
import { buildSsseImage } from './build-ssse-image.js';
import { EmulatedSsseApp } from './emulated-ssse-app.js';
import type { SsseGenerationText } from './ssse-image.js';

const SELECT = '00A404000F7378312E73682EC9E7BBE1B1A3D5CF';
const CHALLENGE = fromHex('0102030405060708');

function app(generation: SsseGenerationText, options: Parameters<typeof buildSsseImage>[1] = {}) {
  const built = buildSsseImage(generateResident(5), { generation, ...options });
  const a = new EmulatedSsseApp(built.image, { random: (n) => CHALLENGE.slice(0, n) });
  const send = (apdu: string) => toHex(a.process(fromHex(apdu)));
  return { built, app: a, send, id: fromHex(built.card.cardIdCode) };
}

/** EXTERNAL AUTHENTICATE with a cryptogram for the current challenge under `key`. */
const externalAuth = (key: Uint8Array) =>
  `0082000A10${toHex(ssseExternalCryptogram(key, CHALLENGE, fromHex('A0A1A2A3A4A5A6A7')))}`;

describe('SELECT by DF name', () => {
  it('3.0: FCI 6F { 84 name, A5 { 9F0C 03 86 01 03 } }', () => {
    const { send } = app('3.00');
    expect(send(SELECT)).toBe('6F19840F7378312E73682EC9E7BBE1B1A3D5CFA5069F0C038601039000');
  });

  it('2.0, and 3.0 built without an algorithm: no 9F0C', () => {
    expect(app('2.00').send(SELECT)).toBe('6F11840F7378312E73682EC9E7BBE1B1A3D5CF9000');
    expect(app('3.00', { algorithm: null }).send(SELECT)).toBe('6F11840F7378312E73682EC9E7BBE1B1A3D5CF9000');
  });

  it('a partial name selects (ISO 7816-4); P2 0C answers no FCI; another name is 6A82', () => {
    const { send } = app('2.00');
    expect(send('00A40400077378312E73682E').endsWith('9000')).toBe(true);
    expect(send('00A4040C0F7378312E73682EC9E7BBE1B1A3D5CF')).toBe('9000');
    expect(send('00A4040007A0000003330101')).toBe('6A82');
  });

  it('before the application is selected nothing of it is there', () => {
    const { send } = app('2.00');
    expect(send('00A4020002EF05')).toBe('6A82');
    expect(send('00B2012C12')).toBe('6985');
  });
});

describe('SELECT EF and READ RECORD', () => {
  it('SELECT EF05/EF06 with P1 00 or 02; other FIDs 6A82; other P1 6A86', () => {
    const { send } = app('1.00');
    send(SELECT);
    expect(send('00A4000002EF05')).toBe('9000');
    expect(send('00A4020002EF06')).toBe('9000');
    expect(send('00A4020002EF07')).toBe('6A82');
    expect(send('00A4010002EF05')).toBe('6A86');
    expect(send('00A40200013F')).toBe('6700');
  });

  it('Le: exact or 00 → the record; shorter → 6Cxx; longer → record + 6282; no EF → 6986', () => {
    const { send } = app('1.00');
    send(SELECT);
    expect(send('00B2030006')).toBe('6986');
    send('00A4020002EF05');
    expect(send('00B2030006')).toBe('0304312E30309000');
    expect(send('00B2030000')).toBe('0304312E30309000');
    expect(send('00B2030003')).toBe('6C06');
    expect(send('00B2030008')).toBe('0304312E30306282');
  });

  it('record 0, a missing tag and other P2 modes are refused', () => {
    const { send } = app('2.00');
    send(SELECT);
    send('00A4020002EF05');
    expect(send('00B2000400')).toBe('6A83');
    expect(send('00B2200000')).toBe('6A83');
    expect(send('00B2010500')).toBe('6A86');
    expect(send('00B2013C00')).toBe('6A82'); // SFI 7: no such file
  });

  it('CLA other than 00 is 6E00, an unknown INS 6D00; 1.0/2.0 cards have no authentication (6D00)', () => {
    const { send } = app('2.00');
    send(SELECT);
    expect(send('80B2012C12')).toBe('6E00');
    expect(send('00CA000000')).toBe('6D00');
    expect(send('0088000B1000000000000000000000000000000000')).toBe('6D00');
  });
});

describe('GET CHALLENGE, INTERNAL and EXTERNAL AUTHENTICATE (3.0)', () => {
  it('GET CHALLENGE answers 4 or 8 bytes, other lengths 6700', () => {
    const { send } = app('3.00');
    send(SELECT);
    expect(send('0084000008')).toBe('01020304050607089000');
    expect(send('0084000004')).toBe('010203049000');
    expect(send('0084000005')).toBe('6700');
  });

  it('INTERNAL AUTHENTICATE 00 88 00 0B: fold(ECB_SK(D ‖ 0)) with the card key diversified by the 卡识别码', () => {
    const { send, id } = app('3.00');
    send(SELECT);
    const f = fromHex('1111111111111111');
    const d = fromHex('2222222222222222');
    const expected = ssseInternalAuthResult(TEST_SSSE_KEYS.cardKey('IKSSSE', id), f, d);
    expect(send(`0088000B10${toHex(f)}${toHex(d)}08`)).toBe(`${toHex(expected)}9000`);
    expect(send(`0088000C10${toHex(f)}${toHex(d)}08`)).toBe('6A88');
    expect(send(`0088000B08${toHex(f)}`)).toBe('6700');
  });

  it('EXTERNAL AUTHENTICATE opens EF06, which answers 6982 before', () => {
    const { send, id, built } = app('3.00');
    send(SELECT);
    send('00A4020002EF06');
    expect(send('00B2080014')).toBe('6982');
    send('0084000008');
    expect(send(externalAuth(TEST_SSSE_KEYS.cardKey('RKSSSE', id)))).toBe('9000');
    expect(send('00B2080014')).toBe(
      `0812${toHex(new TextEncoder().encode(built.holder.socialSecurityNumber))}9000`,
    );
  });

  it('INTERNAL AUTHENTICATE between GET CHALLENGE and EXTERNAL AUTHENTICATE leaves the challenge', () => {
    const { send, id } = app('3.00');
    send(SELECT);
    send('0084000008');
    send(`0088000B10${'00'.repeat(16)}08`);
    expect(send(externalAuth(TEST_SSSE_KEYS.cardKey('RKSSSE', id)))).toBe('9000');
  });

  it('a wrong cryptogram costs a try (63Cx); success resets; at zero the key is blocked (6983)', () => {
    const { send, app: a, id } = app('3.00', { keyTries: 3 });
    const wrong = externalAuth(fromHex('00'.repeat(16)));
    const right = externalAuth(TEST_SSSE_KEYS.cardKey('RKSSSE', id));
    send(SELECT);
    send('0084000008');
    expect(send(wrong)).toBe('63C2');
    send('0084000008');
    expect(send(right)).toBe('9000');
    expect(a.triesLeft()).toBe(3);
    for (const left of ['63C2', '63C1', '63C0']) {
      send('0084000008');
      expect(send(wrong)).toBe(left);
    }
    send('0084000008');
    expect(send(right)).toBe('6983');
    expect(a.toImage().keys?.RKSSSE.remaining).toBe(0);
  });

  it('without a challenge, or replayed (the challenge is used up): 6985, no try lost', () => {
    const { send, app: a, id } = app('3.00');
    const right = externalAuth(TEST_SSSE_KEYS.cardKey('RKSSSE', id));
    send(SELECT);
    expect(send(right)).toBe('6985');
    send('0084000008');
    expect(send(right)).toBe('9000');
    expect(send(right)).toBe('6985');
    expect(a.triesLeft()).toBe(15);
  });

  it('wrong key reference 6A88, wrong length 6700', () => {
    const { send } = app('3.00');
    send(SELECT);
    send('0084000008');
    expect(send(`0082000B10${'00'.repeat(16)}`)).toBe('6A88');
    expect(send(`0082000A08${'00'.repeat(8)}`)).toBe('6700');
  });

  it('reset (or selecting again) drops the grant; the retry counter survives', () => {
    const { send, app: a, id } = app('3.00');
    send(SELECT);
    send('0084000008');
    send(externalAuth(fromHex('00'.repeat(16))));
    send('0084000008');
    send(externalAuth(TEST_SSSE_KEYS.cardKey('RKSSSE', id)));
    a.reset();
    send(SELECT);
    expect(send('00B2013414')).toBe('6982');
    expect(new EmulatedSsseApp(a.toImage()).triesLeft()).toBe(15);
  });
});
