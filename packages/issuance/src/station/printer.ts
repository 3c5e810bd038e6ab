/**
 * A card printer with its feeder, bound to one encoder (a PC/SC reader inside the printer): feed
 * a blank card to the encoder, print the face, eject to the output hopper or the reject bin.
 * The emulated printer drives the vpcd emulator; Evolis/Zebra SDKs are later adapters behind the
 * same interface.
 */
export interface CardPrinter {
  /** Which printer, for logs and the journal ("emulated:Virtual PCD 00 00"). */
  readonly name: string;
  /** The PC/SC reader this printer's encoder appears as. */
  readonly encoder: string;
  /** Moves a blank card from the input hopper into the encoder (HCARD_E_PRINTER_EMPTY when none is left). */
  feed(): Promise<void>;
  /** Prints the card face (PNG) on the card in the encoder. */
  print(face: Uint8Array): Promise<void>;
  /** Ejects the card: finished cards to the output hopper, spoiled ones to the reject bin. */
  eject(to: 'output' | 'reject', label: string): Promise<void>;
  close(): Promise<void>;
}
