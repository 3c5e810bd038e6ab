/** SM3 hash (GB/T 32905-2016), from Node's OpenSSL: correct and fast (architecture.md §4). */
import { createHash } from 'node:crypto';

/** Length of an SM3 digest in bytes. */
export const SM3_DIGEST_LENGTH = 32;

/** SM3 over the concatenation of `parts`, without copying them into one buffer first. */
export function sm3(...parts: Uint8Array[]): Uint8Array {
  const hash = createHash('sm3');
  for (const part of parts) hash.update(part);
  const digest = hash.digest();
  return new Uint8Array(digest.buffer, digest.byteOffset, digest.byteLength);
}
