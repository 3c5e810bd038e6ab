/**
 * The reference COS's personalisation commands (architecture §5, spec §9.5) as one data object
 * and pure command builders. Real card OSes personalise with their own, unpublished commands;
 * supporting one is one more object of this shape (and, if its key loading differs, one more
 * `keyLoadPlaintext`), not a rewrite of `personalise`. The emulator implements this COS and
 * emulator/README.md ("Reference COS: personalisation") documents it byte by byte.
 */
import { concatBytes } from '../bytes.js';
import type { CommandDescriptor } from '../commands/descriptor.js';
import { externalAuthenticate, rawCommand } from '../commands/iso7816.js';
import type { BlockCipher } from '../crypto/block-cipher.js';
import { buildSmCommand } from '../crypto/secure-messaging.js';
import { hcardError } from '../errors.js';
import type { CardProfile, KeyDef, KeyId } from '../profiles/types.js';

interface Header {
  readonly cla: number;
  readonly ins: number;
  readonly p1: number;
  readonly p2: number;
}

export interface PersonalisationCos {
  readonly name: string;
  /** GET DATA of the chip serial (item 0A's value, ASCII): header and the exact Le. */
  readonly getChipSerial: Header & { readonly length: number };
  /** EXTERNAL AUTHENTICATE P2 of the transport key, which lives in the MF. */
  readonly transportKeyRef: number;
  /**
   * LOAD KEY under secure messaging with the transport key (CLA 84: MAC; the data is
   * encrypted). P2 is the key's number (`keyNumber`). INS D4, so transcripts redact it like
   * every 80 D4 (channel/transcript.ts REDACTION_RULES match CLA 8x).
   */
  readonly loadKey: Omit<Header, 'p2'>;
  /** Ends personalisation for ever: the card enters the issued state. */
  readonly endPersonalisation: Header;
  /** Bytes per UPDATE BINARY during personalisation (short Lc allows 255). */
  readonly binaryChunk: number;
  /** The byte every record and transparent file holds in the factory state. */
  readonly factoryFill: number;
  /** The byte an index file's flags are set to at personalisation (spec §4.3: FF = empty). */
  readonly indexFill: number;
  /** Files no command may write once personalisation has ended (spec §3.1 "禁止改写"). */
  readonly lockedAtEnd: readonly string[];
}

export const REFERENCE_COS: PersonalisationCos = {
  name: 'hcard reference COS',
  getChipSerial: { cla: 0x00, ins: 0xca, p1: 0x00, p2: 0x0a, length: 10 },
  transportKeyRef: 0x01,
  loadKey: { cla: 0x84, ins: 0xd4, p1: 0x00 },
  endPersonalisation: { cla: 0x80, ins: 0xea, p1: 0x00, p2: 0x00 },
  binaryChunk: 0xff,
  factoryFill: 0x00,
  indexFill: 0xff,
  lockedAtEnd: ['DDF1/EF05', 'DDF1/EF06'],
};

/** A card key's number in LOAD KEY (P2): its PSAM index, unique across the profile (spec §6.8). */
export const keyNumber = (key: KeyDef): number => key.psamIndex;

/** The profile key a LOAD KEY P2 names, if any. */
export const keyByNumber = (profile: CardProfile, p2: number): KeyDef | undefined =>
  profile.keys.find((k) => keyNumber(k) === p2);

export function getChipSerialCommand(cos: PersonalisationCos = REFERENCE_COS): CommandDescriptor {
  const { cla, ins, p1, p2, length } = cos.getChipSerial;
  return { name: 'GET DATA (chip serial)', apdu: { cla, ins, p1, p2, ne: length } };
}

/** EXTERNAL AUTHENTICATE with the transport key, data A(8) ‖ T(8) ‖ 01 as for every key (spec §6.2). */
export const transportAuthCommand = (data: Uint8Array, cos: PersonalisationCos = REFERENCE_COS) => ({
  ...externalAuthenticate(cos.transportKeyRef, data),
  name: 'EXTERNAL AUTHENTICATE (transport key)',
});

/** LOAD KEY plaintext: tries(1) ‖ key(16). The card answers 63Cx from `tries` on. */
export function keyLoadPlaintext(tries: number, value: Uint8Array): Uint8Array {
  if (!Number.isInteger(tries) || tries < 1 || tries > 15)
    throw hcardError('HCARD_E_ARG_INVALID', `key tries ${tries} outside 1–15`);
  if (value.length !== 16) throw hcardError('HCARD_E_KEY_INVALID', `card key of ${value.length} bytes`);
  return concatBytes(Uint8Array.of(tries), value);
}

/** LOAD KEY of `key`, encrypted and MACed with the transport session key of the last challenge. */
export function loadKeyCommand(
  key: { readonly id: KeyId; readonly number: number },
  plaintext: Uint8Array,
  cipher: BlockCipher,
  sessionKey: Uint8Array,
  cos: PersonalisationCos = REFERENCE_COS,
): CommandDescriptor {
  const header = { ...cos.loadKey, p2: key.number };
  // H ‖ C ‖ MAC; the data field is C ‖ MAC (the header's Lc is the encoder's).
  const data = buildSmCommand(cipher, sessionKey, header, plaintext).subarray(5);
  return rawCommand(`LOAD KEY ${key.id}`, header.cla, header.ins, header.p1, header.p2, data);
}

export function endPersonalisationCommand(cos: PersonalisationCos = REFERENCE_COS): CommandDescriptor {
  const { cla, ins, p1, p2 } = cos.endPersonalisation;
  return rawCommand('END PERSONALISATION', cla, ins, p1, p2);
}
