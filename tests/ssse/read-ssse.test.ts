/**
 * card-core's SSSE reader against the emulated SSSE application and the test PSAM (spec A.3–A.6):
 * 1.0 and 2.0 cards read EF06 directly, 3.0 cards after INTERNAL and EXTERNAL AUTHENTICATE
 * through the PSAM; without a PSAM a 3.0 card's holder data is a typed "not readable".
 */
import { insuranceLookupInput1101, readSocialSecurity, type SsseReading, toHex } from '@hcard/card-core';
import { buildPsamImage, EmulatedChip, EmulatedHealthCard, generateCard } from '@hcard/emulator';
import { describe, expect, it } from 'vitest';
import { FORGED_KEYS, header, ssseRig, testPsam } from './ssse-rig.js';

function value(outcome: Awaited<ReturnType<typeof readSocialSecurity>>): SsseReading {
  if (!outcome.ok) throw new Error(`read failed: ${JSON.stringify(outcome.failure)}`);
  return outcome.value;
}

/** Keys of another issuer: a card made with them is a forgery to the test PSAM. */

const headers = (rig: ReturnType<typeof ssseRig>) => rig.cardLog.map(header);

describe('readSocialSecurity: the three generations (spec A.6)', () => {
  it.each(['1.00', '2.00', '3.00'] as const)(
    'reads a %s card with the PSAM: card and holder data as built',
    async (generation) => {
      const rig = ssseRig(7, { generation });
      const reading = value(await readSocialSecurity(rig.card, { psam: testPsam(rig) }));
      expect(reading.card).toEqual(rig.built.card);
      expect(reading.holder).toEqual({ readable: true, value: rig.built.holder });
      expect(reading.atrHistoricalBytes).toBe(toHex(rig.app.atr.subarray(4)));
    },
  );

  it('1.0: SELECT by name, EF05 and EF06 by tag (P2=00), no authentication, no PSAM command', async () => {
    const rig = ssseRig(8, { generation: '1.00' });
    value(await readSocialSecurity(rig.card, { psam: testPsam(rig) }));
    expect(headers(rig)).toEqual([
      '00A40400',
      '00A40200',
      ...['01', '02', '03', '04', '05', '06', '07'].map((t) => `00B2${t}00`),
      '00A40200',
      ...['08', '09', '0A', '0B', '0C', '0D'].map((t) => `00B2${t}00`),
    ]);
    expect(rig.psam.commandCount).toBe(0);
  });

  it('2.0: 姓名扩展 (4E) is read after 姓名 and appended to it (spec A.4)', async () => {
    // 15 hanzi = 30 GBK bytes fill 姓名; the rest goes to 姓名扩展.
    const long = '欧阳诸葛司马上官端木皇甫东方慕容令狐长孙宇文';
    const rig = ssseRig(9, { generation: '2.00', name: long });
    const reading = value(await readSocialSecurity(rig.card));
    expect(headers(rig).slice(-7)).toEqual(
      ['08', '09', '4E', '0A', '0B', '0C', '0D'].map((t) => `00B2${t}00`),
    );
    expect(reading.holder).toEqual({ readable: true, value: { ...rig.built.holder, name: long } });
  });

  it('3.0: INTERNAL AUTHENTICATE, GET CHALLENGE and EXTERNAL AUTHENTICATE 00 82 00 0A come before EF06', async () => {
    const rig = ssseRig(10, { generation: '3.00' });
    value(await readSocialSecurity(rig.card, { psam: testPsam(rig) }));
    const h = headers(rig);
    const ef06 = h.lastIndexOf('00A40200');
    expect(h.slice(ef06 - 3, ef06)).toEqual(['0088000B', '00840000', '0082000A']);
    expect(rig.cardLog.find((e) => header(e) === '0082000A')!.command[4]).toBe(0x10);
    expect(rig.app.triesLeft()).toBe(15);
  });

  it('reads through a T=0 reader: 61xx is fetched by the channel decorator', async () => {
    const rig = ssseRig(11, { generation: '3.00', protocol: 'T=0' });
    const reading = value(await readSocialSecurity(rig.card, { psam: testPsam(rig) }));
    expect(reading.holder).toEqual({ readable: true, value: rig.built.holder });
    expect(headers(rig)).toContain('00C00000');
  });

  it('reports what the card holds, also when it disagrees with the health card', async () => {
    const rig = ssseRig(12, {
      generation: '3.00',
      name: '张三',
      idNumber: '11010519491231002X',
      expired: true,
    });
    const reading = value(await readSocialSecurity(rig.card, { psam: testPsam(rig) }));
    expect(reading.holder.readable && reading.holder.value.name).toBe('张三');
    expect(reading.holder.readable && reading.holder.value.socialSecurityNumber).toBe('11010519491231002X');
    expect(reading.card.expiryDate < '20240601').toBe(true);
  });
});

describe('readSocialSecurity: a 3.0 card that cannot be read in full', () => {
  it('without a PSAM: card data, and holder data "not readable" (psam-missing) without touching EF06', async () => {
    const rig = ssseRig(20, { generation: '3.00' });
    const reading = value(await readSocialSecurity(rig.card));
    expect(reading.card).toEqual(rig.built.card);
    expect(reading.holder).toEqual({ readable: false, reason: { kind: 'psam-missing' } });
    expect(headers(rig).filter((h) => h.startsWith('00B2'))).toHaveLength(7);
    expect(headers(rig)).not.toContain('0082000A');
  });

  it('a PSAM without the SSSE keys: holder not readable, psam-key-missing (80 DE → 6A88)', async () => {
    const rig = ssseRig(21, { generation: '3.00', psamImage: buildPsamImage({ ssseKeys: null }) });
    const reading = value(await readSocialSecurity(rig.card, { psam: testPsam(rig) }));
    expect(reading.holder).toEqual({ readable: false, reason: { kind: 'psam-key-missing' } });
  });

  it('an algorithm the terminal has no PSAM keys for: holder not readable, algorithm-unsupported', async () => {
    // No 9F0C in the FCI: the default algorithm 01 applies, and the configuration only has 03.
    const rig = ssseRig(22, { generation: '3.00', algorithm: null });
    const reading = value(await readSocialSecurity(rig.card, { psam: testPsam(rig) }));
    expect(reading.algorithm).toBe(0x01);
    expect(reading.holder).toEqual({
      readable: false,
      reason: { kind: 'algorithm-unsupported', algorithm: 1 },
    });
    expect(rig.psam.commandCount).toBe(0);
  });

  it('a forged card (keys of another issuer) fails internal authentication: the whole read fails', async () => {
    const rig = ssseRig(23, { generation: '3.00', keys: FORGED_KEYS });
    const outcome = await readSocialSecurity(rig.card, { psam: testPsam(rig) });
    expect(outcome).toEqual({ ok: false, failure: { kind: 'internal-auth-failed' } });
    expect(headers(rig)).not.toContain('0082000A');
    // Nothing of EF06 was selected or read.
    expect(rig.cardLog.filter((e) => toHex(e.command).endsWith('EF06'))).toEqual([]);
    expect(headers(rig).filter((h) => h.startsWith('00B2'))).toHaveLength(7);
  });
});

describe('readSocialSecurity: READ RECORD addressing (spec A.5)', () => {
  it.each([
    ['number', '1.00', '04', '04'],
    ['number', '2.00', '04', '04'],
    ['sfi', '1.00', '2C', '34'],
    ['sfi', '2.00', '2C', '34'],
  ] as const)(
    'by %s on a %s card gives the same data as by tag (P2 %s in EF05, %s in EF06)',
    async (addressing, generation, p2ef05, p2ef06) => {
      const rig = ssseRig(30, { generation });
      const reading = value(await readSocialSecurity(rig.card, { settings: { addressing } }));
      expect(reading.holder).toEqual({ readable: true, value: rig.built.holder });
      const reads = headers(rig).filter((h) => h.startsWith('00B2'));
      expect(reads.slice(0, 7).every((h) => h.endsWith(p2ef05))).toBe(true);
      // Positional numbers: 性别 is EF06 record 3 on 1.0 cards and 4 on 2.0 cards.
      const sexRecord = generation === '1.00' ? '03' : '04';
      expect(reads.slice(7)).toContain(`00B2${sexRecord}${p2ef06}`);
      if (addressing === 'sfi') expect(headers(rig).filter((h) => h.startsWith('00A402'))).toHaveLength(0);
    },
  );
});

describe('readSocialSecurity on the three-in-one chip', () => {
  it('selects SSSE by name on an EmulatedChip that also carries the health application', async () => {
    const rig = ssseRig(40, { generation: '3.00' });
    const health = new EmulatedHealthCard(generateCard(40).image);
    const chip = new EmulatedChip({ health, applications: [rig.app] });
    const reading = value(await readSocialSecurity(chip, { psam: testPsam(rig) }));
    expect(reading.holder).toEqual({ readable: true, value: rig.built.holder });
    // The chip's ATR (the health card's: 3B 6C 00 00, then 12 historical bytes).
    expect(reading.atrHistoricalBytes).toBe(toHex(health.atr.subarray(4)));
  });
});

describe('insuranceLookupInput1101 from a reading (spec A.8)', () => {
  it('type 03 with 卡号 and 卡识别码; the holder fields when they were readable', async () => {
    const rig = ssseRig(90, { generation: '3.00' });
    const reading = value(await readSocialSecurity(rig.card, { psam: testPsam(rig) }));
    expect(insuranceLookupInput1101(reading)).toEqual({
      mdtrt_cert_type: '03',
      mdtrt_cert_no: rig.built.card.cardNumber,
      card_sn: rig.built.card.cardIdCode,
      psn_cert_type: '01',
      certno: rig.built.holder.socialSecurityNumber,
      psn_name: rig.built.holder.name,
    });
  });

  it('a 3.0 card read without a PSAM still identifies the person by card', async () => {
    const rig = ssseRig(91, { generation: '3.00' });
    const input = insuranceLookupInput1101(value(await readSocialSecurity(rig.card)));
    expect([input.mdtrt_cert_no, input.card_sn, input.certno]).toEqual([
      rig.built.card.cardNumber,
      rig.built.card.cardIdCode,
      '',
    ]);
  });
});
