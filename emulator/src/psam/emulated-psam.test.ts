/**
 * The emulated PSAM, driven through our PsamClient and with raw APDUs, checked against the
 * independent reference (sm-crypto SM4 + the spec formulas; sm-reference.test-helper.ts).
 */
import { createRequire } from 'node:module';
import { HEALTH_CARD_PROFILE, type KeyDef, PsamClient, sm2VerifyDigest, sm3 } from '@hcard/card-core';
import { buildPsamImage, EmulatedPsam, testPublicKey } from '@hcard/emulator';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ascii,
  concat,
  hex,
  refCardKeyOf,
  refCbcMac,
  refCryptogram,
  refPad80,
  refSessionKey,
  refSm4Ecb,
  refSmCommand,
  SPEC_KEY_TABLE,
  type SpecKeyId,
  unhex,
} from '../../../packages/card-core/src/crypto/sm-reference.test-helper.js';
import { documentedTestMaster } from '../keys/documented-master.test-helper.js';

/** The part of sm-crypto 0.5.8 used here: SM2 verification of a bare digest (hash: false). */
interface SmCryptoSm2 {
  doVerifySignature(
    message: number[],
    signatureHex: string,
    publicKeyHex: string,
    options: { hash: boolean; der: boolean },
  ): boolean;
}
const smCrypto = createRequire(import.meta.url)('sm-crypto') as { sm2: SmCryptoSm2 };

const IMAGE = buildPsamImage();
/** The DLL's test PSAM PIN (spec §6.1). */
const PIN = '123456';
/** CN and CITY of a card (CITY = 41 01 ‖ ASCII "000000", spec §6.1), a challenge and the DLL's T. */
const CN = unhex('0102030405060708');
const CITY = unhex('4101303030303030');
const CHALLENGE = unhex('A1B2C3D4E5F60718');
const T = unhex('1122334455667788');

const keyDef = (id: SpecKeyId): KeyDef => HEALTH_CARD_PROFILE.keys.find((k) => k.id === id)!;
const ALL_KEYS = Object.keys(SPEC_KEY_TABLE) as SpecKeyId[];

/** The PSAM's master key for `id`, looked up in the image by the spec's PSAM index. */
function imageMaster(id: SpecKeyId): Uint8Array {
  const entry = IMAGE.keys.find((k) => k.index === SPEC_KEY_TABLE[id].psamIndex);
  if (!entry) throw new Error(`no PSAM key with index ${SPEC_KEY_TABLE[id].psamIndex}`);
  return unhex(entry.value);
}

const refSession = (id: SpecKeyId, cn: Uint8Array, city: Uint8Array, challenge: Uint8Array) =>
  refSessionKey(refCardKeyOf(id, imageMaster(id), cn, city), challenge);

/** Raw APDU exchange: data and status word as uppercase hex. */
function send(psam: EmulatedPsam, apdu: string | Uint8Array): { data: string; sw: string } {
  const response = hex(psam.process(typeof apdu === 'string' ? unhex(apdu) : apdu));
  return { data: response.slice(0, -4), sw: response.slice(-4) };
}

const apdu = (header: string, data: Uint8Array, le?: number): Uint8Array =>
  concat(
    unhex(header),
    Uint8Array.of(data.length),
    data,
    le === undefined ? new Uint8Array() : Uint8Array.of(le),
  );

/** 80 DE for RK_DDF1 (index 31, usage 47): CN ‖ CITY ‖ R (spec §6.2 step 2). */
const initRkDdf1 = apdu('80DE4731', concat(CN, CITY, CHALLENGE));

/** A fresh PSAM with DF01 selected and the PIN verified. */
function openedPsam(): EmulatedPsam {
  const psam = new EmulatedPsam(IMAGE);
  expect(send(psam, '00A4000002DF01').sw).toBe('9000');
  expect(send(psam, '0020000003123456').sw).toBe('9000');
  return psam;
}

async function openedClient(): Promise<PsamClient> {
  const client = new PsamClient(new EmulatedPsam(IMAGE));
  await client.open(PIN);
  return client;
}

const bytes = (n: number) => fc.uint8Array({ minLength: n, maxLength: n });

describe('PSAM image', () => {
  it('holds the documented test masters at the spec §6.8 indices and usage bytes', () => {
    for (const id of ALL_KEYS) {
      const entry = IMAGE.keys.find((k) => k.index === SPEC_KEY_TABLE[id].psamIndex);
      expect(entry?.usage, id).toBe(SPEC_KEY_TABLE[id].psamUsage);
      expect(entry?.value, id).toBe(hex(documentedTestMaster(id)));
    }
  });
});

describe('PsamClient over the emulated PSAM equals the independent reference', () => {
  it('authCryptogram for every key of spec §6.8 (fixed CN, CITY, challenge, T)', async () => {
    const client = await openedClient();
    for (const id of ALL_KEYS) {
      const a = await client.authCryptogram(keyDef(id), { CN, CITY }, CHALLENGE, T);
      expect(hex(a), id).toBe(hex(refCryptogram(refSession(id, CN, CITY, CHALLENGE), T)));
    }
  });

  it('authCryptogram for random factors, challenges and terminal data', async () => {
    const client = await openedClient();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ALL_KEYS),
        bytes(8),
        bytes(8),
        bytes(8),
        bytes(8),
        async (id, cn, city, challenge, t) => {
          const a = await client.authCryptogram(keyDef(id), { CN: cn, CITY: city }, challenge, t);
          expect(hex(a)).toBe(hex(refCryptogram(refSession(id, cn, city, challenge), t)));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('protect: SM UPDATE RECORD of an EF08-like record, a DF02 record and a MAC-only index write', async () => {
    const client = await openedClient();
    // EF08 record 2: tag 10 (本人电话1), len 14, "13800138000" padded with 00 (spec §3.3, §6.4).
    const ef08 = concat(Uint8Array.of(0x10, 0x14), ascii('13800138000'), new Uint8Array(9));
    const ef08Header = { cla: 0x04, ins: 0xdc, p1: 0x02, p2: 0x04 };
    const ours = await client.protect(keyDef('STK_DDF1'), { CN, CITY }, CHALLENGE, ef08Header, ef08);
    expect(hex(ours)).toBe(hex(refSmCommand(refSession('STK_DDF1', CN, CITY, CHALLENGE), ef08Header, ef08)));
    expect(ours[4]).toBe(0x24); // spec §6.4 (DLL hard-coded Lc) for a 20-byte item

    // DF02/EF05 record with a 40-byte item (2 levels: CN ‖ CITY).
    const df02 = concat(Uint8Array.of(0x37, 0x28), new Uint8Array(40).fill(0x41));
    const df02Header = { cla: 0x04, ins: 0xdc, p1: 0x0f, p2: 0x04 };
    const oursDf02 = await client.protect(keyDef('STK_DF02'), { CN, CITY }, CHALLENGE, df02Header, df02);
    expect(hex(oursDf02)).toBe(
      hex(refSmCommand(refSession('STK_DF02', CN, CITY, CHALLENGE), df02Header, df02)),
    );
    expect(oursDf02[4]).toBe(0x34);

    const indexHeader = { cla: 0x84, ins: 0xd2, p1: 0x01, p2: 0x04 };
    const macOnly = await client.protect(keyDef('STK_DF03'), { CN, CITY }, CHALLENGE, indexHeader, undefined);
    expect(hex(macOnly)).toBe(
      hex(refSmCommand(refSession('STK_DF03', CN, CITY, CHALLENGE), indexHeader, undefined)),
    );
  });

  it('protect for random STKs, factors, challenges and data', async () => {
    const client = await openedClient();
    const stks: SpecKeyId[] = ['STK_DDF1', 'STK_DF01', 'STK_DF02', 'STK_DF03'];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...stks),
        bytes(8),
        bytes(8),
        bytes(8),
        fc.integer({ min: 1, max: 20 }),
        fc.option(fc.uint8Array({ maxLength: 238, size: 'max' }), { nil: undefined }),
        async (id, cn, city, challenge, record, data) => {
          const header = { cla: 0x04, ins: 0xdc, p1: record, p2: 0x04 };
          const ours = await client.protect(keyDef(id), { CN: cn, CITY: city }, challenge, header, data);
          expect(hex(ours)).toBe(hex(refSmCommand(refSession(id, cn, city, challenge), header, data)));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('reads the five data files with the sizes of IF2012 附录A', async () => {
    const client = await openedClient();
    expect((await client.readFile('publicInfo')).length).toBe(14);
    expect((await client.readFile('terminalInfo')).length).toBe(6);
    expect((await client.readFile('applicationInfo')).length).toBe(25);
    expect((await client.readFile('issuerCertificate')).length).toBe(180);
    expect((await client.readFile('samCertificate')).length).toBe(190);
  });

  it('signDigest (PSO) gives a signature our SM2 and sm-crypto accept with the SAM key', async () => {
    const client = await openedClient();
    const digest = sm3(ascii('encounter record'));
    const signature = await client.signDigest(digest);
    expect(signature).toHaveLength(64);
    expect(sm2VerifyDigest(testPublicKey('sam'), digest, signature)).toBe(true);
    expect(sm2VerifyDigest(testPublicKey('issuer'), digest, signature)).toBe(false);
  });
});

describe('emulated PSAM with raw APDUs (spec §6.1, §6.2, §6.9)', () => {
  it('80 DE before the PIN → 6982', () => {
    const psam = new EmulatedPsam(IMAGE);
    expect(send(psam, '00A4000002DF01').sw).toBe('9000');
    expect(send(psam, initRkDdf1).sw).toBe('6982');
  });

  it('wrong PIN → 63C2, 63C1, 63C0, then 6983 even with the right PIN', () => {
    const psam = new EmulatedPsam(IMAGE);
    expect(send(psam, '00A4000002DF01').sw).toBe('9000');
    expect(send(psam, '0020000003654321').sw).toBe('63C2');
    expect(send(psam, '0020000003654321').sw).toBe('63C1');
    expect(send(psam, '0020000003654321').sw).toBe('63C0');
    expect(send(psam, '0020000003123456').sw).toBe('6983');
    expect(send(psam, initRkDdf1).sw).toBe('6982');
  });

  it('a right PIN before blocking resets the counter', () => {
    const psam = new EmulatedPsam(IMAGE);
    expect(send(psam, '0020000003654321').sw).toBe('63C2');
    expect(send(psam, '0020000003654321').sw).toBe('63C1');
    expect(send(psam, '0020000003123456').sw).toBe('9000');
    expect(send(psam, '0020000003654321').sw).toBe('63C2');
  });

  it('80 DE: wrong usage byte → 6A86, unknown index → 6A88, wrong data length for the levels → 6700', () => {
    const psam = openedPsam();
    // RK_DDF1 is index 31 with usage 47; 27 is the 1-level usage.
    expect(send(psam, apdu('80DE2731', concat(CN, CHALLENGE))).sw).toBe('6A86');
    expect(send(psam, apdu('80DE4799', concat(CN, CITY, CHALLENGE))).sw).toBe('6A88');
    // 2 levels need CN ‖ CITY ‖ R (24 bytes), 1 level (UK_DDF1, 2A/27) CN ‖ R (16 bytes).
    expect(send(psam, apdu('80DE4731', concat(CN, CHALLENGE))).sw).toBe('6700');
    expect(send(psam, apdu('80DE4731', concat(CN, CITY, CHALLENGE, CN))).sw).toBe('6700');
    expect(send(psam, apdu('80DE272A', concat(CN, CITY, CHALLENGE))).sw).toBe('6700');
    expect(send(psam, apdu('80DE272A', concat(CN, CHALLENGE))).sw).toBe('9000');
  });

  it('80 FA without a session → 6985', () => {
    const psam = openedPsam();
    expect(send(psam, apdu('80FA0000', concat(T, new Uint8Array(8)))).sw).toBe('6985');
  });

  it('T=0 flow of spec §6.2 steps 2–5: 80 DE → 9000, 80 FA → 61 10, GET RESPONSE → E(16)', () => {
    const psam = openedPsam();
    expect(send(psam, initRkDdf1)).toEqual({ data: '', sw: '9000' });
    expect(send(psam, apdu('80FA0000', concat(T, new Uint8Array(8))))).toEqual({ data: '', sw: '6110' });
    const e = send(psam, '00C0000010');
    expect(e.sw).toBe('9000');
    expect(e.data).toHaveLength(32);
    const session = refSession('RK_DDF1', CN, CITY, CHALLENGE);
    expect(e.data).toBe(hex(refSm4Ecb(session, concat(T, new Uint8Array(8)))));
    const folded = unhex(e.data);
    expect(hex(folded.slice(0, 8).map((b, i) => b ^ folded[8 + i]!))).toBe(hex(refCryptogram(session, T)));
    // The response is gone once fetched.
    expect(send(psam, '00C0000010').sw).toBe('6985');
  });

  it('80 FA 05: MAC with initial value (spec §6.4 step 7) → 61 04, GET RESPONSE → the reference MAC', () => {
    const psam = openedPsam();
    const header = unhex('04DC020424');
    const cipherText = unhex('00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF');
    expect(send(psam, apdu('80DE2802', concat(CN, CHALLENGE))).sw).toBe('9000');
    const macData = concat(new Uint8Array(16), refPad80(concat(header, cipherText)));
    expect(send(psam, apdu('80FA0500', macData)).sw).toBe('6104');
    const session = refSession('STK_DDF1', CN, CITY, CHALLENGE);
    expect(send(psam, '00C0000004')).toEqual({
      data: hex(refCbcMac(session, new Uint8Array(16), refPad80(concat(header, cipherText)))),
      sw: '9000',
    });
  });

  it('GET RESPONSE with nothing pending → 6985', () => {
    expect(send(new EmulatedPsam(IMAGE), '00C0000010').sw).toBe('6985');
    const psam = openedPsam();
    expect(send(psam, initRkDdf1).sw).toBe('9000');
    expect(send(psam, '00C0000010').sw).toBe('6985');
  });

  it('the five data files read whole with the sizes of IF2012 附录A (14, 6, 25, 180, 190)', () => {
    const psam = new EmulatedPsam(IMAGE);
    const sizes: [string, string, number][] = [
      ['3F00', '0015', 14],
      ['3F00', '0016', 6],
      ['DF01', '001A', 25],
      ['DF01', '001B', 180],
      ['DF01', '001C', 190],
    ];
    for (const [df, fid, size] of sizes) {
      expect(send(psam, `00A4000002${df}`).sw).toBe('9000');
      expect(send(psam, `00A4000002${fid}`).sw).toBe('9000');
      // Le 00 asks for up to 256 bytes: the whole file.
      const r = send(psam, '00B0000000');
      expect(r.sw, fid).toBe('9000');
      expect(r.data.length / 2, fid).toBe(size);
    }
  });

  it('PSO COMPUTE DIGITAL SIGNATURE 00 2A 9E 9A: 61 40, GET RESPONSE → a signature the SAM key verifies', () => {
    const psam = new EmulatedPsam(IMAGE);
    const digest = sm3(ascii('outpatient record'));
    // Before the PIN: refused.
    expect(send(psam, apdu('002A9E9A', digest, 0x00)).sw).toBe('6982');
    expect(send(psam, '0020000003123456').sw).toBe('9000');
    expect(send(psam, apdu('002A9E9A', digest, 0x00))).toEqual({ data: '', sw: '6140' });
    const r = send(psam, '00C0000040');
    expect(r.sw).toBe('9000');
    const signature = unhex(r.data);
    expect(signature).toHaveLength(64);
    const samKey = testPublicKey('sam');
    expect(sm2VerifyDigest(samKey, digest, signature)).toBe(true);
    // Independent check: sm-crypto with hash: false takes the message as the digest e.
    const samKeyHex = hex(samKey).toLowerCase();
    expect(
      smCrypto.sm2.doVerifySignature(Array.from(digest), r.data.toLowerCase(), samKeyHex, {
        hash: false,
        der: false,
      }),
    ).toBe(true);
    const otherDigest = sm3(ascii('another record'));
    expect(sm2VerifyDigest(samKey, otherDigest, signature)).toBe(false);
    expect(
      smCrypto.sm2.doVerifySignature(Array.from(otherDigest), r.data.toLowerCase(), samKeyHex, {
        hash: false,
        der: false,
      }),
    ).toBe(false);
  });
});

describe('robustness', () => {
  /** Mostly well-formed APDUs to known instructions, with random bytes mixed in. */
  const command = fc.oneof(
    fc.uint8Array({ maxLength: 300 }),
    fc
      .tuple(
        fc.constantFrom(0x00, 0x80, 0x84, 0x04, 0xff),
        fc.constantFrom(0xa4, 0xb0, 0x20, 0x5e, 0xde, 0xfa, 0xc0, 0x2a, 0x84, 0x82),
        fc.integer({ min: 0, max: 255 }),
        fc.integer({ min: 0, max: 255 }),
        fc.uint8Array({ maxLength: 80 }),
        fc.option(fc.integer({ min: 0, max: 255 }), { nil: undefined }),
      )
      .map(([cla, ins, p1, p2, data, le]) =>
        concat(
          Uint8Array.of(cla, ins, p1, p2),
          data.length > 0 ? concat(Uint8Array.of(data.length), data) : new Uint8Array(),
          le === undefined ? new Uint8Array() : Uint8Array.of(le),
        ),
      ),
  );

  it('any byte strings to EmulatedPsam.process get at least a status word and never throw', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.array(command, { maxLength: 12 }), (opened, commands) => {
        const psam = opened ? openedPsam() : new EmulatedPsam(IMAGE);
        if (opened) psam.process(initRkDdf1);
        for (const c of commands) expect(psam.process(c).length).toBeGreaterThanOrEqual(2);
      }),
      { numRuns: 300 },
    );
  });
});
