/**
 * In-process rig for the bank application: an `EmulatedApplication` alone on an `EmulatedChip`
 * (T=1, or T=0 with 61xx and GET RESPONSE), recording every command. Synthetic residents and
 * PANs only.
 */
import { type CardChannel, encodeResponse, forwardChannel, toHex } from '@hcard/card-core';
import {
  type BankImage,
  type BankImageOptions,
  buildBankImage,
  type EmulatedApplication,
  EmulatedBankApp,
  EmulatedChip,
  generateResident,
  type SyntheticResident,
} from '@hcard/emulator';

export const ATR = Uint8Array.of(0x3b, 0x02, 0x14, 0x50);

export interface AppChannel extends CardChannel {
  /** Every command the application got, as hex. */
  readonly sent: string[];
}

/** The application alone on an emulated chip (T=0 hands data out with 61xx / GET RESPONSE), recording every command. */
export function appChannel(app: EmulatedApplication, protocol: 'T=0' | 'T=1' = 'T=1'): AppChannel {
  const sent: string[] = [];
  const chip = new EmulatedChip({ applications: [app], atr: ATR, protocol });
  return {
    ...forwardChannel(chip, async (command) => {
      sent.push(toHex(command));
      return chip.transmit(command);
    }),
    sent,
  };
}

/** A card with no application at all: every SELECT finds nothing. */
export function emptyCard(): AppChannel {
  const sent: string[] = [];
  return {
    atr: ATR,
    protocol: 'T=1',
    sent,
    async transmit(command) {
      sent.push(toHex(command));
      return encodeResponse(new Uint8Array(), command[1] === 0xa4 ? 0x6a82 : 0x6d00);
    },
    async close() {},
  };
}

export interface BankRig {
  readonly resident: SyntheticResident;
  readonly image: BankImage;
  readonly app: EmulatedBankApp;
  readonly card: AppChannel;
}

export function bankRig(
  seed: number | string,
  options: BankImageOptions = {},
  protocol: 'T=0' | 'T=1' = 'T=1',
): BankRig {
  const resident = generateResident(seed);
  const image = buildBankImage(resident, options);
  const app = new EmulatedBankApp(image);
  return { resident, image, app, card: appChannel(app, protocol) };
}

/** The commands with this CLA INS (hex, e.g. '00B2'). */
export const sentWith = (card: AppChannel, claIns: string) => card.sent.filter((c) => c.startsWith(claIns));

/** PCI DSS first 6 / last 4 of a PAN, computed independently of card-core's masker. */
export const first6Last4 = (pan: string) =>
  `${pan.slice(0, 6)}${'*'.repeat(pan.length - 10)}${pan.slice(-4)}`;
