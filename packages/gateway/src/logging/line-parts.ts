/**
 * The parts of log and audit lines this process makes itself, so they never hold personal data
 * and need no masking: the time, and request ids (UUIDs, `requestIds`).
 */
import { randomUUID } from 'node:crypto';

/** The last time made into text: a busy gateway writes several lines within a millisecond. */
let last = { ms: -1, iso: '' };

/** `ms` (since the epoch) as ISO text, as `Date.prototype.toISOString` gives it. */
export function isoAt(ms: number): string {
  if (ms !== last.ms) last = { ms, iso: new Date(ms).toISOString() };
  return last.iso;
}

/** Whether `id` is a UUID in its 8-4-4-4-12 hex form (a character loop: cheaper than a RegExp). */
export function isUuid(id: string): boolean {
  if (id.length !== 36) return false;
  for (let i = 0; i < 36; i++) {
    const c = id.charCodeAt(i);
    if (i === 8 || i === 13 || i === 18 || i === 23) {
      if (c !== 0x2d) return false;
    } else if (!((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46)))
      return false;
  }
  return true;
}

/**
 * Request ids in the UUID form (version 4, RFC 9562 variant): one random UUID per source, its
 * last 12 hex digits replaced by a counter. Unique within the process, and across its restarts by
 * the 74 random bits; a request id is no secret. Cheaper than `crypto.randomUUID` per request.
 */
export function requestIds(): () => string {
  const random = randomUUID().slice(0, 24);
  let next = 0;
  return () => random + (next++).toString(16).padStart(12, '0');
}
