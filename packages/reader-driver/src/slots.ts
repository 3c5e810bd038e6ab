/**
 * Desk readers with a PSAM slot show up as several PC/SC readers: "<model> 00 00" for the user
 * card and "<model> 00 01" (and up) for SAM slots. This pairs the user-card slot with its PSAM
 * slot, by default by that naming rule, or by explicit names.
 */
export interface SlotPair {
  readonly user: string;
  readonly psam: string;
}

export interface SlotRule {
  /** Reader name of the user-card slot; default: the first reader whose slot number is 00. */
  readonly user?: string;
  /** Reader name of the PSAM slot; default: the user reader's name with slot 01. */
  readonly psam?: string;
}

const SLOT = /^(.*) (\d\d) (\d\d)$/;

export function pairSlots(readers: readonly string[], rule: SlotRule = {}): SlotPair | undefined {
  const user = rule.user ?? readers.find((r) => SLOT.exec(r)?.[3] === '00');
  if (!user || !readers.includes(user)) return undefined;
  const m = SLOT.exec(user);
  const psam = rule.psam ?? (m ? `${m[1]} ${m[2]} 01` : undefined);
  return psam && readers.includes(psam) ? { user, psam } : undefined;
}
