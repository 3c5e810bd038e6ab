/**
 * The emulated bank application APDU by APDU (spec B.1–B.4; behaviour the spec leaves open as
 * emulator/README.md "Bank application" documents it). Synthetic resident and PAN.
 */
import { asciiBytes, decodeBerTlv, findBerTlv, fromHex, isHcardError, toHex } from '@hcard/card-core';
import { describe, expect, it } from 'vitest';
import { generateResident } from '../synthetic/resident.js';
import { type BankImageOptions, buildBankImage } from './build-bank-image.js';
import { EmulatedBankApp } from './emulated-bank-app.js';

const resident = generateResident(41);
const PSE = toHex(asciiBytes('1PAY.SYS.DDF01'));
/** The FCI of spec B.2 (bytes assembled from its description, lengths by calculation). */
const B2_FCI =
  '6F608408A000000333010101A554500A50424F432044454249548701019F381B9F66049F02069F03069F1A0295055F2A02' +
  '9A039C019F3704DF60015F2D027A689F1101019F120A50424F43204445424954BF0C0E9F4D020B0ADF4D020C0ADF610102';
const SELECT_DEBIT = '00A4040008A00000033301010100';
/** 34 bytes of PDOL data (spec B.2). */
const GPO_FILLED = `80A8000024 8322 ${'00'.repeat(34)} 00`.replaceAll(' ', '');
const GPO_EMPTY = '80A8000002830000';

function app(options: BankImageOptions = {}) {
  const image = buildBankImage(resident, options);
  const a = new EmulatedBankApp(image);
  const send = (hex: string) => toHex(a.process(fromHex(hex)));
  return { image, app: a, send };
}

const sw = (response: string) => response.slice(-4);
const data = (response: string) => fromHex(response.slice(0, -4));

describe('EmulatedBankApp: selection', () => {
  it('names the PSE and its AID as the DF names that select it', () => {
    expect(app().app.aids.map(toHex)).toEqual([PSE, 'A000000333010101']);
    expect(app({ pse: false }).app.aids.map(toHex)).toEqual(['A000000333010101']);
  });

  it('answers SELECT of its AID with the FCI of spec B.2, byte for byte', () => {
    const { send } = app();
    expect(send(SELECT_DEBIT)).toBe(`${B2_FCI}9000`);
  });

  it('answers a partial name of at least 5 bytes with the same FCI (full AID in 84)', () => {
    const { send } = app();
    expect(send('00A4040007A000000333010100')).toBe(`${B2_FCI}9000`);
    expect(send('00A4040005A00000033300')).toBe(`${B2_FCI}9000`);
    expect(sw(send('00A4040004A000000300'))).toBe('6A82');
    expect(sw(send('00A4040008A00000033301010200'))).toBe('6A82');
  });

  it('has no next occurrence (P2 02) and selects by name only (P1 04)', () => {
    const { send } = app();
    expect(sw(send('00A4040207A000000333010100'))).toBe('6A82');
    expect(sw(send('00A4000002DDF100'))).toBe('6A86');
  });

  it('answers the PSE with the directory SFI (88) and lists itself in the directory (spec B.1)', () => {
    const { send } = app();
    const fci = decodeBerTlv(data(send(`00A404000E${PSE}00`)));
    expect(toHex(findBerTlv(fci, 0x88)!.value)).toBe('01');
    const entry = decodeBerTlv(data(send('00B2010C00')));
    expect(toHex(findBerTlv(entry, 0x4f)!.value)).toBe('A000000333010101');
    expect(toHex(findBerTlv(entry, 0x87)!.value)).toBe('01');
    expect(sw(send('00B2020C00'))).toBe('6A83');
  });

  it('has no PSE when the image says so', () => {
    expect(sw(app({ pse: false }).send(`00A404000E${PSE}00`))).toBe('6A82');
  });

  it('keeps the selection when a SELECT finds nothing (ISO 7816-4 §7.1.1)', () => {
    const { send } = app();
    send(SELECT_DEBIT);
    expect(sw(send('00A4040008A00000033301010600'))).toBe('6A82');
    expect(sw(send('00B2011400'))).toBe('9000');
  });
});

describe('EmulatedBankApp: records', () => {
  it('holds track 2 and name in SFI 1, PAN and dates in SFI 2 #1, the holder ID in SFI 2 #2', () => {
    const { image, send } = app();
    send(SELECT_DEBIT);
    const tags = (hex: string) => decodeBerTlv(data(send(hex)))[0]!.children!.map((o) => o.tag.toString(16));
    expect(tags('00B2010C00')).toEqual(['57', '5f20']);
    expect(tags('00B2011400')).toEqual(['5f24', '5f25', '5a', '5f34', '5f28']);
    expect(tags('00B2021400')).toEqual(['9f61', '9f62']);
    const panRecord = decodeBerTlv(data(send('00B2011400')));
    expect(toHex(findBerTlv(panRecord, 0x5a)!.value)).toBe(`${image.pan}F`);
  });

  it('answers what is not there: no selection 6986, no file 6A82, no record 6A83, empty logs 6A83', () => {
    const { send } = app();
    expect(sw(send('00B2011400'))).toBe('6986');
    send(SELECT_DEBIT);
    expect(sw(send('00B2011C00'))).toBe('6A82');
    expect(sw(send('00B2031400'))).toBe('6A83');
    expect(sw(send('00B2015C00'))).toBe('6A83'); // SFI 0B, the transaction log of 9F4D
    expect(sw(send('00B2011000'))).toBe('6A86'); // P2 low bits not 100
  });

  it('asks for the right Le with 6Cxx and warns 6282 when Le is longer than the record', () => {
    const { send } = app();
    send(SELECT_DEBIT);
    const full = send('00B2011400');
    const length = full.length / 2 - 2;
    expect(send('00B2011405')).toBe(`6C${length.toString(16).toUpperCase().padStart(2, '0')}`);
    expect(sw(send(`00B20114${(length + 1).toString(16).padStart(2, '0')}`))).toBe('6282');
  });
});

describe('EmulatedBankApp: GET PROCESSING OPTIONS and GET DATA', () => {
  it('answers format 1 with AIP and the AFL of its layout, and counts the ATC up', () => {
    const { image, app: a, send } = app();
    send(SELECT_DEBIT);
    expect(send(GPO_FILLED)).toBe('800A7C0008010100100102019000');
    expect(send(GPO_EMPTY)).toBe('800A7C0008010100100102019000');
    expect(a.atc).toBe(image.atc + 2);
    expect(send('80CA9F3600')).toBe(
      `9F3602${(image.atc + 2).toString(16).toUpperCase().padStart(4, '0')}9000`,
    );
    expect(send('80CA9F1700')).toBe('9F1701039000');
  });

  it('answers format 2 with 82, 94, track 2 and the new ATC', () => {
    const { image, send } = app({ gpoFormat: 2, pdol: false });
    send(SELECT_DEBIT);
    const gpo = decodeBerTlv(data(send(GPO_EMPTY)));
    expect(gpo[0]!.tag).toBe(0x77);
    expect(gpo[0]!.children!.map((o) => o.tag)).toEqual([0x82, 0x94, 0x57, 0x9f36]);
    expect(toHex(findBerTlv(gpo, 0x57)!.value)).toContain(`${image.pan}D`);
    expect(toHex(findBerTlv(gpo, 0x9f36)!.value)).toBe(
      (image.atc + 1).toString(16).toUpperCase().padStart(4, '0'),
    );
  });

  it('refuses PDOL data of the wrong length, other templates, other P1-P2, and GPO outside the application', () => {
    const { send } = app();
    expect(sw(send(GPO_EMPTY))).toBe('6985');
    send(`00A404000E${PSE}00`);
    expect(sw(send(GPO_EMPTY))).toBe('6985');
    send(SELECT_DEBIT);
    expect(sw(send('80A80000048302015600'))).toBe('6700');
    expect(sw(send('80A80000028200 00'.replaceAll(' ', '')))).toBe('6A80');
    expect(sw(send('80A8010002830000'))).toBe('6A86');
    expect(sw(app({ pdol: false }).send(GPO_EMPTY))).toBe('6985');
  });

  it('refuses GPO once the ATC has run out', () => {
    const image = { ...buildBankImage(resident), atc: 0xffff };
    const a = new EmulatedBankApp(image);
    a.process(fromHex(SELECT_DEBIT));
    expect(toHex(a.process(fromHex(GPO_EMPTY)))).toBe('6985');
  });

  it('answers 6A88 for other GET DATA tags and 6D00 for GENERATE AC: no cryptogram is ever computed', () => {
    const { send } = app();
    expect(sw(send('80CA9F3600'))).toBe('6985');
    send(SELECT_DEBIT);
    expect(sw(send('80CA9F7900'))).toBe('6A88');
    expect(sw(send(`80AE800011${'00'.repeat(17)}00`))).toBe('6D00');
    expect(sw(send('84CA9F3600'))).toBe('6E00');
  });
});

describe('EmulatedBankApp: state', () => {
  it('loses its selection on reset and keeps the ATC, in memory and in its image', () => {
    const { image, app: a, send } = app();
    send(SELECT_DEBIT);
    send(GPO_EMPTY);
    a.reset();
    expect(sw(send('00B2011400'))).toBe('6986');
    expect(a.toImage().atc).toBe(image.atc + 1);
    const again = new EmulatedBankApp(a.toImage());
    again.process(fromHex(SELECT_DEBIT));
    again.process(fromHex(GPO_EMPTY));
    expect(again.atc).toBe(image.atc + 2);
  });

  it('refuses an invalid image when it is made', () => {
    let error: unknown;
    try {
      new EmulatedBankApp({ ...buildBankImage(resident), pan: 'x' });
    } catch (e) {
      error = e;
    }
    expect(isHcardError(error, 'HCARD_E_BANK_IMAGE_INVALID')).toBe(true);
  });
});
