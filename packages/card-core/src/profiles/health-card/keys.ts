/**
 * The health card's symmetric keys (spec §6.8, from the reference DLL: confidence med). Card
 * reference = EXTERNAL AUTHENTICATE P2; PSAM index/usage = 80 DE P2/P1; factors in command order.
 */
import type { KeyDef } from '../types.js';

const key = (
  id: KeyDef['id'],
  purpose: string,
  df: string,
  cardRef: number | undefined,
  psamIndex: number,
  psamUsage: number,
): KeyDef => ({
  id,
  purpose,
  df,
  ...(cardRef === undefined ? {} : { cardRef }),
  psamIndex,
  psamUsage,
  // High 3 bits of the usage byte = diversification levels (SSPSAM convention).
  factors: psamUsage >> 5 === 2 ? ['CN', 'CITY'] : ['CN'],
  confidence: 'med',
});

export const HEALTH_CARD_KEYS: readonly KeyDef[] = [
  key('RK_DDF1', 'read DDF1 EF06–EF08', 'DDF1', 0x04, 0x31, 0x47),
  key('RK_DF01', 'read DF01', 'DDF1/DF01', 0x84, 0x32, 0x47),
  key('RK_DF02', 'read DF02', 'DDF1/DF02', 0x84, 0x33, 0x47),
  key('RK_DF03', 'read DF03', 'DDF1/DF03', 0x84, 0x34, 0x47),
  key('UK_DDF1', 'update DDF1 files', 'DDF1', 0x05, 0x2a, 0x27),
  key('UK_DF01', 'update DF01', 'DDF1/DF01', 0x85, 0x2b, 0x27),
  key('UK_DF02_1', 'update DF02/EF05', 'DDF1/DF02', 0x85, 0x2c, 0x47),
  key('UK_DF02_2', 'update DF02/EF06 (psychiatric flag)', 'DDF1/DF02', 0x86, 0x2d, 0x47),
  key('UK_DF02_3', 'update DF02/EF07–EF08 (allergy, immunisation)', 'DDF1/DF02', 0x87, 0x2e, 0x47),
  key('UK_DF03_1', 'write EE/ED, set index 00', 'DDF1/DF03', 0x85, 0x2f, 0x47),
  key('UK_DF03_2', 'erase index to FF', 'DDF1/DF03', 0x86, 0x30, 0x27),
  key('STK_DDF1', 'secure messaging in DDF1', 'DDF1', undefined, 0x02, 0x28),
  key('STK_DF01', 'secure messaging in DF01', 'DDF1/DF01', undefined, 0x03, 0x28),
  key('STK_DF02', 'secure messaging in DF02', 'DDF1/DF02', undefined, 0x04, 0x48),
  key('STK_DF03', 'secure messaging in DF03', 'DDF1/DF03', undefined, 0x05, 0x48),
];
