/** ISO/IEC 9797-1 padding method 2: append 80, then 00 to a multiple of the block size. Always added. */
import { hcardError } from '../errors.js';

export function pad80(data: Uint8Array, block = 16): Uint8Array {
  const out = new Uint8Array((Math.floor(data.length / block) + 1) * block);
  out.set(data);
  out[data.length] = 0x80;
  return out;
}

export function unpad80(data: Uint8Array): Uint8Array {
  let i = data.length - 1;
  while (i >= 0 && data[i] === 0x00) i--;
  if (i < 0 || data[i] !== 0x80) throw hcardError('HCARD_E_ARG_INVALID', 'missing 80 padding');
  return data.slice(0, i);
}
