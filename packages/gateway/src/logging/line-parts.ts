/**
 * The parts of log and audit lines this process makes itself, so they never hold personal data
 * and need no masking: the time, and request ids (UUIDs, `crypto.randomUUID`).
 */

/** The time as ISO text, made once per millisecond: a busy gateway writes several lines in one. */
let last = { ms: -1, iso: '' };

export function isoNow(): string {
  const ms = Date.now();
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
