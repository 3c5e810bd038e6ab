/**
 * The historical bytes of an ATR (ISO/IEC 7816-3 §8.2): iReadCardBas field 6 (卡复位信息) is
 * these bytes only, as hex (spec A.7). T0's low nibble counts them; they follow the interface
 * bytes, whose presence T0 and each TDi announce. A truncated ATR gives what it has.
 */
export function atrHistoricalBytes(atr: Uint8Array): Uint8Array {
  const t0 = atr[1];
  if (t0 === undefined) return new Uint8Array();
  let p = 2;
  let y = t0 >> 4;
  for (;;) {
    // TAi, TBi, TCi, TDi present when bits 5–8 of the indicator are set.
    const td = y & 0x8 ? p + ((y & 0x1 ? 1 : 0) + (y & 0x2 ? 1 : 0) + (y & 0x4 ? 1 : 0)) : undefined;
    p += (y & 0x1 ? 1 : 0) + (y & 0x2 ? 1 : 0) + (y & 0x4 ? 1 : 0) + (y & 0x8 ? 1 : 0);
    if (td === undefined || atr[td] === undefined) break;
    y = atr[td]! >> 4;
  }
  return atr.slice(p, p + (t0 & 0x0f));
}
