/**
 * Desk readers with a PSAM slot show up as several PC/SC readers: "<model> 00 00" for the user
 * card and "<model> 00 01" (and up) for SAM slots. This pairs the user-card slot with its PSAM
 * slot, by default by that naming rule, or by explicit names, and connects a pair.
 */
import { type CardChannel, hcardError, isHcardError } from '@hcard/card-core';
import type { ReaderDriver } from './driver.js';

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

/**
 * Connects a PSAM slot. No card there is a terminal without its PSAM, not a card to put in:
 * HCARD_E_PSAM_ABSENT.
 */
export async function connectPsam(driver: ReaderDriver, slot: string): Promise<CardChannel> {
  try {
    return await driver.connect(slot);
  } catch (e) {
    if (isHcardError(e, 'HCARD_E_NO_CARD'))
      throw hcardError('HCARD_E_PSAM_ABSENT', `"${slot}"`, { reader: slot }, e);
    throw e;
  }
}

/** Connects the user card and the PSAM of a pair, runs `job`, and always closes both. */
export async function withPair<T>(
  driver: ReaderDriver,
  slots: SlotPair,
  job: (card: CardChannel, psam: CardChannel) => Promise<T>,
): Promise<T> {
  const card = await driver.connect(slots.user);
  try {
    const psam = await connectPsam(driver, slots.psam);
    try {
      return await job(card, psam);
    } finally {
      await psam.close();
    }
  } finally {
    await card.close();
  }
}
