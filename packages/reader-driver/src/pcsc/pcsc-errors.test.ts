import { HcardError } from '@hcard/card-core';
import { describe, expect, it } from 'vitest';
import { pcscCodeOf, pcscError } from './pcsc-errors.js';

describe('PC/SC errors', () => {
  // Message format of the pcsclite binding on Linux: "<call> error: <pcsc_stringify_error>(0x%08lx)".
  it('reads the native code from a binding error message', () => {
    expect(pcscCodeOf(new Error('SCardTransmit error: Card was removed.(0x80100069)'))).toBe(0x80100069);
    expect(pcscCodeOf(new Error('Card Reader not connected'))).toBeUndefined();
  });

  it.each([
    [0x80100069, 'SCARD_W_REMOVED_CARD', 'HCARD_E_CARD_REMOVED'],
    [0x8010001d, 'SCARD_E_NO_SERVICE', 'HCARD_E_PCSC_NO_SERVICE'],
    [0x8010000c, 'SCARD_E_NO_SMARTCARD', 'HCARD_E_NO_CARD'],
    [0x8010000b, 'SCARD_E_SHARING_VIOLATION', 'HCARD_E_READER_BUSY'],
    [0x80100009, 'SCARD_E_UNKNOWN_READER', 'HCARD_E_READER_NOT_FOUND'],
    [0x80100016, 'SCARD_E_NOT_TRANSACTED', 'HCARD_E_TRANSPORT'],
  ])('maps 0x%s (%s) to %s, keeping the native name and value', (value, name, code) => {
    const native = new Error(`SCardX error: something.(0x${value.toString(16)})`);
    const e = pcscError(native, { operation: 'transmit', reader: 'R 00 00' });
    expect(e).toBeInstanceOf(HcardError);
    expect(e.code).toBe(code);
    expect(e.details).toMatchObject({ pcsc: name, pcscCode: value, reader: 'R 00 00' });
    expect(e.message).toContain(`transmit on "R 00 00": ${name}`);
    expect(e.cause).toBe(native);
  });

  it('keeps an unknown native value and calls it a transport failure', () => {
    const e = pcscError(new Error('x(0x80100099)'), { operation: 'connect' });
    expect(e.code).toBe('HCARD_E_TRANSPORT');
    expect(e.details).toMatchObject({ pcsc: '0x80100099', pcscCode: 0x80100099 });
  });
});
