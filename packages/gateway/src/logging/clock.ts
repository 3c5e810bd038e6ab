/** The time as ISO text, made once per millisecond: a busy gateway writes several lines in one. */
let last = { ms: -1, iso: '' };

export function isoNow(): string {
  const ms = Date.now();
  if (ms !== last.ms) last = { ms, iso: new Date(ms).toISOString() };
  return last.iso;
}
