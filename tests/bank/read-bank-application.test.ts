/**
 * card-core's bank reader against the emulated bank application, in process (spec B.1–B.7):
 * with and without PSE, with and without PDOL, GPO format 1 and 2, each UnionPay AID, partial
 * names, T=0, and cards without a bank application. Synthetic residents and PANs only.
 */
import {
  type BankApplication,
  type BankReadResult,
  readBankApplication,
  UNIONPAY_AIDS,
} from '@hcard/card-core';
import { buildBankImage, EmulatedBankApp, generateResident, PBOC_PDOL } from '@hcard/emulator';
import { describe, expect, it } from 'vitest';
import { appChannel, bankRig, emptyCard, first6Last4, sentWith } from './bank-rig.js';

const PSE_SELECT = '00A404000E315041592E5359532E444446303100';
const GPO_EMPTY_PDOL = '80A8000002830000';

function application(result: BankReadResult): BankApplication {
  if (result.kind !== 'bank-application') throw new Error(`expected an application, got ${result.kind}`);
  return result;
}

describe('reading the bank application of an emulated card', () => {
  it('finds it through the PSE, fills the PDOL and reads PAN, name and expiry (spec B.1–B.3)', async () => {
    const { resident, image, card } = bankRig(1);
    const now = new Date(2024, 5, 1);
    const result = application(await readBankApplication(card, { now }));

    expect(result).toEqual({
      kind: 'bank-application',
      aid: 'A000000333010101',
      label: 'PBOC DEBIT',
      maskedPan: first6Last4(image.pan),
      holderName: resident.items.name,
      expiryMonth: `20${image.expiryDate.slice(0, 2)}-${image.expiryDate.slice(2, 4)}`,
      scheme: 'unionpay',
      product: 'debit',
      foundBy: 'pse',
      readBy: 'afl',
    });
    expect(card.sent[0]).toBe(PSE_SELECT);
    // B.2's PDOL filled in order: TTQ, amounts, country 0156, TVR, currency 0156, date, type 31, UN, CAPP.
    expect(sentWith(card, '80A8')).toEqual([
      `80A8000024 8322 00000000 000000000000 000000000000 0156 0000000000 0156 240601 31 00000000 00 00`.replaceAll(
        ' ',
        '',
      ),
    ]);
    // Never GENERATE AC: reading must not start a payment.
    expect(sentWith(card, '80AE')).toEqual([]);
  });

  it('stops reading records once PAN and name are known (2 of the 3 the AFL lists)', async () => {
    const { card } = bankRig(2);
    await readBankApplication(card);
    // The PSE directory (2 READ RECORDs: record 1, then 6A83) and SFI 1 #1, SFI 2 #1.
    expect(sentWith(card, '00B2').slice(2)).toEqual(['00B2010C00', '00B2011400']);
  });

  it('selects each UnionPay AID directly when the card has no PSE, and says so', async () => {
    const { image, card } = bankRig(3, { pse: false });
    const result = application(await readBankApplication(card));
    expect(result).toMatchObject({ foundBy: 'direct', aid: image.aid, maskedPan: first6Last4(image.pan) });
    expect(card.sent[0]).toBe(PSE_SELECT);
    expect(card.sent[1]).toBe('00A4040008A00000033301010100');
  });

  it('sends 83 00 when the FCI has no PDOL', async () => {
    const { card } = bankRig(4, { pdol: false });
    application(await readBankApplication(card));
    expect(sentWith(card, '80A8')).toEqual([GPO_EMPTY_PDOL]);
  });

  it.each([
    [1, true],
    [2, true],
    [1, false],
    [2, false],
  ] as const)('reads the same data with GPO format %s (PDOL %s)', async (gpoFormat, pdol) => {
    const reference = application(await readBankApplication(bankRig(5).card));
    const { card } = bankRig(5, { gpoFormat, pdol });
    expect(application(await readBankApplication(card))).toEqual(reference);
    expect(sentWith(card, '80A8')).toHaveLength(1);
  });

  it.each(UNIONPAY_AIDS.flatMap((a) => [true, false].map((pse) => [a.aid, a.product, pse] as const)))(
    'reads application %s (%s), PSE %s',
    async (aid, product, pse) => {
      const { image, card } = bankRig(`aid-${aid}`, { aid, pse });
      const result = application(await readBankApplication(card));
      expect(result).toMatchObject({ aid, product, foundBy: pse ? 'pse' : 'direct' });
      expect(result.maskedPan).toBe(first6Last4(image.pan));
      // Direct selection tries the table in order: every AID before this one was refused.
      const selects = sentWith(card, '00A404').slice(1);
      const position = UNIONPAY_AIDS.findIndex((a) => a.aid === aid);
      expect(selects).toHaveLength(pse ? 1 : position + 1);
    },
  );

  it('accepts a partial name and reports the full AID from tag 84 (spec B.1)', async () => {
    const { card } = bankRig(6, { aid: 'A000000333010102', pse: false });
    const result = application(await readBankApplication(card, { directNames: ['A0000003330101'] }));
    expect(result.aid).toBe('A000000333010102');
    expect(sentWith(card, '00A404').at(-1)).toBe('00A4040007A000000333010100');
  });

  it('reads a T=0 card the same way, through GET RESPONSE', async () => {
    const t1 = application(await readBankApplication(bankRig(7).card));
    const { card } = bankRig(7, { gpoFormat: 2 }, 'T=0');
    expect(application(await readBankApplication(card))).toEqual(t1);
    expect(sentWith(card, '00C0').length).toBeGreaterThanOrEqual(5);
  });

  it('increments the ATC once per read (one GPO), as GET DATA 9F36 shows', async () => {
    const { image, app, card } = bankRig(8);
    await readBankApplication(card);
    await readBankApplication(card);
    expect(app.atc).toBe(image.atc + 2);
    const atc = await card.transmit(Uint8Array.of(0x80, 0xca, 0x9f, 0x36, 0x00));
    expect([...atc]).toEqual([0x9f, 0x36, 0x02, (image.atc + 2) >> 8, (image.atc + 2) & 0xff, 0x90, 0x00]);
  });

  it('compares 9F61 with an ID number the caller has, without returning it', async () => {
    const { resident, card } = bankRig(9);
    const idNumber = resident.items.idNumber!;
    const result = application(await readBankApplication(card, { expectedIdNumber: idNumber }));
    expect(result.holderIdMatches).toBe(true);
    expect(JSON.stringify(result)).not.toContain(idNumber);
    // 9F61 lives in SFI 2 record 2: asking for the comparison reads it too.
    expect(sentWith(card, '00B2').at(-1)).toBe('00B2021400');
  });

  it('tells when the applications disagree: another holder ID and name on the bank application', async () => {
    const resident = generateResident(10);
    const image = buildBankImage(resident, { holderIdNumber: '11010519491231002X', holderName: 'ZHANG/SAN' });
    const result = application(
      await readBankApplication(appChannel(new EmulatedBankApp(image)), {
        expectedIdNumber: resident.items.idNumber!,
      }),
    );
    expect(result).toMatchObject({ holderIdMatches: false, holderName: 'ZHANG/SAN' });
  });

  it('reads every record and returns no name when the card has none', async () => {
    const { card } = bankRig(11, { holderName: '' });
    const result = application(await readBankApplication(card, { usePse: false }));
    expect(result.holderName).toBeUndefined();
    expect(sentWith(card, '00B2')).toEqual(['00B2010C00', '00B2011400', '00B2021400']);
  });

  it('returns the expiry month of an expired card, before the reference date', async () => {
    const { image, card } = bankRig(12, { expired: true, referenceDate: '20240601' });
    const result = application(await readBankApplication(card));
    expect(result.expiryMonth! < '2024-06').toBe(true);
    expect(result.expiryMonth).toBe(`20${image.expiryDate.slice(0, 2)}-${image.expiryDate.slice(2, 4)}`);
  });

  it('answers "no bank application" for a card without any application', async () => {
    const card = emptyCard();
    expect(await readBankApplication(card)).toEqual({
      kind: 'no-bank-application',
      tried: ['315041592E5359532E4444463031', ...UNIONPAY_AIDS.map((a) => a.aid)],
    });
  });

  it('answers "no bank application" when the PSE lists only another scheme', async () => {
    const resident = generateResident(13);
    const visa = { ...buildBankImage(resident), aid: 'A0000000031010', label: 'VISA DEBIT' };
    const card = appChannel(new EmulatedBankApp(visa));
    const result = await readBankApplication(card);
    expect(result.kind).toBe('no-bank-application');
    // The PSE was read, the Visa entry left aside, and no GPO sent to anything.
    expect(sentWith(card, '00B2')).toHaveLength(2);
    expect(sentWith(card, '80A8')).toEqual([]);
  });

  it('uses the PDOL of spec B.2 in the emulated FCI', async () => {
    const { card } = bankRig(14);
    const fci = await card.transmit(Uint8Array.from(Buffer.from('00A4040008A00000033301010100', 'hex')));
    expect(Buffer.from(fci).toString('hex').toUpperCase()).toContain(`9F381B${PBOC_PDOL}`);
  });
});
