/**
 * The vpcd readers of Debian's configuration and how `hcard demo` decides it can use them:
 * pcscd runs, lists "Virtual PCD 00 00" (user card, port 35963) and "… 00 01" (PSAM, port
 * 35964), and nothing is in them (an empty port is free to connect to). And how `demo` and
 * `emulate` report loopback quick-ACK, without which every APDU through vpcd costs ~40 ms.
 */
import { hcardError, isHcardError, toHcardError } from '@hcard/card-core';
import { type LoopbackQuickAck, VPCD_DEFAULT_PORT, VpcdCard, type VpcdCardLike } from '@hcard/emulator';
import type { ReaderInfo } from '@hcard/reader-driver';

export const VPCD_READERS = {
  user: { name: 'Virtual PCD 00 00', port: VPCD_DEFAULT_PORT },
  psam: { name: 'Virtual PCD 00 01', port: VPCD_DEFAULT_PORT + 1 },
} as const;

/** Why the vpcd readers cannot be used, or undefined when they can. */
export function vpcdUnusable(readers: readonly ReaderInfo[]): string | undefined {
  const slots = [VPCD_READERS.user, VPCD_READERS.psam].map((slot) => ({
    slot,
    info: readers.find((r) => r.name === slot.name),
  }));
  const missing = slots.filter((s) => !s.info).map((s) => s.slot.name);
  if (missing.length > 0) return `pcscd has no vpcd reader ${missing.map((n) => `"${n}"`).join(' or ')}`;
  const busy = slots.find((s) => s.info?.cardPresent);
  return busy ? `a card is already in "${busy.slot.name}"` : undefined;
}

/** The reason to give when probing PC/SC failed. */
export function pcscUnusable(error: unknown): string {
  if (isHcardError(error, 'HCARD_E_PCSC_NO_SERVICE')) return 'the PC/SC service is not running';
  const err = toHcardError(error);
  return `PC/SC failed (${err.code}: ${err.message})`;
}

/** Connects a card to a vpcd port; fails if vpcd does not accept it within `ms`. */
export async function insertOnVpcd(card: VpcdCardLike, port: number, ms = 5000): Promise<VpcdCard> {
  const vpcd = new VpcdCard(card, { port });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(hcardError('HCARD_E_TRANSPORT', `vpcd did not accept a card on port ${port}`)),
      ms,
    );
  });
  try {
    await Promise.race([vpcd.insert(), timeout]);
    return vpcd;
  } catch (e) {
    vpcd.remove();
    throw e;
  } finally {
    clearTimeout(timer);
  }
}

/** Waits until the driver sees a card in each reader (pcscd polls vpcd), at most `ms`. */
export async function waitForCards(
  list: () => Promise<readonly ReaderInfo[]>,
  readers: readonly string[],
  ms = 5000,
): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    const present = new Set((await list()).filter((r) => r.cardPresent).map((r) => r.name));
    const missing = readers.find((r) => !present.has(r));
    if (missing === undefined) return;
    if (Date.now() > until)
      throw hcardError('HCARD_E_NO_CARD', `pcscd did not report the card in "${missing}"`, {
        reader: missing,
      });
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * One line saying what happened to loopback quick-ACK: left on, turned on (and `restoring`, how
 * it is turned back, e.g. "turned off again on stop"), or unavailable, with the commands to run.
 */
export function quickAckLine(quickAck: LoopbackQuickAck, restoring: string): string {
  switch (quickAck.state) {
    case 'already-on':
      return 'loopback quick-ACK is already on for vpcd (left as it was)';
    case 'turned-on':
      return `loopback quick-ACK turned on for vpcd (was off; ${restoring})`;
    case 'unavailable': {
      const fix =
        quickAck.commands.length > 0
          ? `; to make them fast, run as root: ${quickAck.commands.join(' && ')}`
          : '';
      return `loopback quick-ACK could not be turned on (${quickAck.reason}): reads through vpcd take ~40 ms per APDU${fix}`;
    }
  }
}
