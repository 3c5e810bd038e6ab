/**
 * Command APDUs (ISO/IEC 7816-3 §12.1, 7816-4 §5.1). Cases:
 *
 *   case 1   CLA INS P1 P2
 *   case 2S  CLA INS P1 P2 Le                 case 2E  … 00 Le1 Le2
 *   case 3S  CLA INS P1 P2 Lc data            case 3E  … 00 Lc1 Lc2 data
 *   case 4S  CLA INS P1 P2 Lc data Le         case 4E  … 00 Lc1 Lc2 data Le1 Le2
 *
 * `ne` is the number of bytes expected (1–65536); undefined means "no Le field". Short Le 00
 * means 256, extended Le 0000 means 65536.
 */
import { concatBytes, toHex } from '../bytes.js';
import { hcardError } from '../errors.js';

export interface CommandApdu {
  readonly cla: number;
  readonly ins: number;
  readonly p1: number;
  readonly p2: number;
  readonly data?: Uint8Array;
  readonly ne?: number;
}

export type LengthForm = 'auto' | 'short' | 'extended';

function checkByte(name: string, v: number): void {
  if (!Number.isInteger(v) || v < 0 || v > 0xff)
    throw hcardError('HCARD_E_APDU_INVALID', `${name} is not a byte`);
}

/** Encodes a command, choosing short form unless the lengths need extended (or it is forced). */
export function encodeCommand(cmd: CommandApdu, form: LengthForm = 'auto'): Uint8Array {
  checkByte('CLA', cmd.cla);
  checkByte('INS', cmd.ins);
  checkByte('P1', cmd.p1);
  checkByte('P2', cmd.p2);
  const nc = cmd.data?.length ?? 0;
  const ne = cmd.ne;
  if (nc > 65535) throw hcardError('HCARD_E_APDU_INVALID', `Nc ${nc} exceeds 65535`);
  if (ne !== undefined && (!Number.isInteger(ne) || ne < 1 || ne > 65536)) {
    throw hcardError('HCARD_E_APDU_INVALID', `Ne ${ne} outside 1–65536`);
  }
  const needsExtended = nc > 255 || (ne !== undefined && ne > 256);
  if (form === 'short' && needsExtended) {
    throw hcardError('HCARD_E_APDU_INVALID', 'lengths need extended form, which the channel does not allow');
  }
  const extended = form === 'extended' || needsExtended;
  const header = Uint8Array.of(cmd.cla, cmd.ins, cmd.p1, cmd.p2);
  const parts: Uint8Array[] = [header];
  if (nc > 0) {
    parts.push(extended ? Uint8Array.of(0, nc >> 8, nc & 0xff) : Uint8Array.of(nc), cmd.data!);
  }
  if (ne !== undefined) {
    if (extended) {
      const le = ne === 65536 ? 0 : ne;
      parts.push(nc > 0 ? Uint8Array.of(le >> 8, le & 0xff) : Uint8Array.of(0, le >> 8, le & 0xff));
    } else {
      parts.push(Uint8Array.of(ne === 256 ? 0 : ne));
    }
  }
  return concatBytes(...parts);
}

/** Decodes command bytes back into a CommandApdu (used by the emulator and transcripts). */
export function decodeCommand(bytes: Uint8Array): CommandApdu {
  if (bytes.length < 4)
    throw hcardError('HCARD_E_APDU_INVALID', `${bytes.length} bytes is shorter than a header`);
  const [cla, ins, p1, p2] = [bytes[0]!, bytes[1]!, bytes[2]!, bytes[3]!];
  const body = bytes.subarray(4);
  // Object literals, not `{ ...header, ne }`: on V8 11 (Node 20) a spread plus a property is
  // slow and leaves survivors to every scavenge, and this runs once per APDU.
  if (body.length === 0) return { cla, ins, p1, p2 }; // case 1
  if (body.length === 1) return { cla, ins, p1, p2, ne: body[0] === 0 ? 256 : body[0]! }; // case 2S
  if (body[0] !== 0) {
    const nc = body[0]!;
    if (body.length === 1 + nc) return { cla, ins, p1, p2, data: body.slice(1) }; // case 3S
    if (body.length === 2 + nc)
      return { cla, ins, p1, p2, data: body.slice(1, 1 + nc), ne: body[1 + nc] || 256 }; // case 4S
    throw hcardError('HCARD_E_APDU_INVALID', `Lc ${nc} does not match ${body.length - 1} bytes of body`);
  }
  if (body.length === 3) {
    const le = (body[1]! << 8) | body[2]!;
    return { cla, ins, p1, p2, ne: le === 0 ? 65536 : le }; // case 2E
  }
  const nc = (body[1]! << 8) | body[2]!;
  if (body.length < 3 || nc === 0) throw hcardError('HCARD_E_APDU_INVALID', 'malformed extended length');
  if (body.length === 3 + nc) return { cla, ins, p1, p2, data: body.slice(3) }; // case 3E
  if (body.length === 5 + nc) {
    const le = (body[3 + nc]! << 8) | body[4 + nc]!;
    return { cla, ins, p1, p2, data: body.slice(3, 3 + nc), ne: le === 0 ? 65536 : le }; // case 4E
  }
  throw hcardError('HCARD_E_APDU_INVALID', `extended Lc ${nc} does not match the body`);
}

/** `00A4000002DDF1`-style rendering of a header, for messages. */
export function describeHeader(cmd: CommandApdu): string {
  return toHex(Uint8Array.of(cmd.cla, cmd.ins, cmd.p1, cmd.p2));
}
