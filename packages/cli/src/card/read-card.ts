/**
 * Reads a health card through any driver: connects the user card and the PSAM slots, opens a
 * session (the given PSAM PIN, card factors), reads the sections and always closes both channels. A card
 * refusal becomes HCARD_E_SW_REFUSED naming the command, its status word and meaning.
 */
import {
  type CardApplication,
  forwardChannel,
  type HealthCardData,
  HealthCardSession,
  PsamClient,
  type RegistrationRead,
  readRegistration,
  refusalError,
  type Section,
} from '@hcard/card-core';
import { type ReaderDriver, type SlotPair, withPair } from '@hcard/reader-driver';

export interface CardRead {
  readonly data: HealthCardData;
  /** APDUs sent to the user card (not the PSAM). */
  readonly apdus: number;
  readonly ms: number;
}

export function readThroughDriver(
  driver: ReaderDriver,
  slots: SlotPair,
  sections: readonly Section[],
  psamPin: string,
): Promise<CardRead> {
  return withPair(driver, slots, async (card, psam) => {
    const started = performance.now();
    const opened = await HealthCardSession.open(card, new PsamClient(psam), { settings: { psamPin } });
    if (!opened.ok) throw refusalError(opened.refusal);
    const read = await opened.value.readCard(sections);
    if (!read.ok) throw refusalError(read.refusal);
    return { data: read.value, apdus: opened.value.apduCount, ms: performance.now() - started };
  });
}

export interface AppsRead {
  readonly read: RegistrationRead;
  /** APDUs sent to the user card (not the PSAM). */
  readonly apdus: number;
  readonly ms: number;
}

/** A registration read of the chosen applications (health, social security, bank) of the card in `slots.user`. */
export function readAppsThroughDriver(
  driver: ReaderDriver,
  slots: SlotPair,
  apps: readonly CardApplication[],
  sections: readonly Section[],
  psamPin: string,
): Promise<AppsRead> {
  return withPair(driver, slots, async (card, psam) => {
    let apdus = 0;
    const counted = forwardChannel(card, (command) => {
      apdus++;
      return card.transmit(command);
    });
    const started = performance.now();
    const read = await readRegistration(counted, { apps, sections, psam: new PsamClient(psam), psamPin });
    return { read, apdus, ms: performance.now() - started };
  });
}
