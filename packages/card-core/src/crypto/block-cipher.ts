/**
 * A pluggable 128-bit block cipher (architecture.md §4). The 2012 spec names SM1, which exists
 * only in hardware; terminals never need it because the PSAM does their symmetric work. The
 * emulator and key store use SM4 from node:crypto. Keys and blocks are 16 bytes.
 */
import { createCipheriv, createDecipheriv } from 'node:crypto';
import { hcardError } from '../errors.js';

export interface BlockCipher {
  readonly name: string;
  /** ECB over whole 16-byte blocks, no padding. */
  encryptEcb(key: Uint8Array, data: Uint8Array): Uint8Array;
  decryptEcb(key: Uint8Array, data: Uint8Array): Uint8Array;
}

function check(key: Uint8Array, data: Uint8Array): void {
  if (key.length !== 16) throw hcardError('HCARD_E_KEY_INVALID', `key of ${key.length} bytes, expected 16`);
  if (data.length % 16 !== 0)
    throw hcardError('HCARD_E_ARG_INVALID', `${data.length} bytes is not whole 16-byte blocks`);
}

function ecb(decrypt: boolean, key: Uint8Array, data: Uint8Array): Uint8Array {
  check(key, data);
  const c = decrypt ? createDecipheriv('sm4-ecb', key, null) : createCipheriv('sm4-ecb', key, null);
  c.setAutoPadding(false);
  const out = Buffer.concat([c.update(data), c.final()]);
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
}

/** SM4 (GB/T 32907-2016) from OpenSSL via node:crypto. */
export const SM4: BlockCipher = {
  name: 'SM4',
  encryptEcb: (key, data) => ecb(false, key, data),
  decryptEcb: (key, data) => ecb(true, key, data),
};
