/** What an emulated card's command handler returns, and the decode → handle → encode loop. */
import { type CommandApdu, decodeCommand, encodeResponse } from '@hcard/card-core';

export type Reply = { readonly data?: Uint8Array; readonly sw: number };

export const reply = (sw: number, data?: Uint8Array): Reply => (data ? { sw, data } : { sw });

/** Decodes a command APDU, hands it to `handle` and encodes the answer; malformed → 6700. */
export function respond(command: Uint8Array, handle: (apdu: CommandApdu) => Reply): Uint8Array {
  let apdu: CommandApdu;
  try {
    apdu = decodeCommand(command);
  } catch {
    return encodeResponse(new Uint8Array(), 0x6700);
  }
  const r = handle(apdu);
  return encodeResponse(r.data ?? new Uint8Array(), r.sw);
}
