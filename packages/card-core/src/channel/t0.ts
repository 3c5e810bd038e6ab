/**
 * T=0 response handling (ISO/IEC 7816-3 §10.3.4, 7816-4 §5.1.3):
 * - 61xx: send GET RESPONSE with Le = xx and append its data, until the card says 9000;
 * - 6Cxx: resend the same command with Le = xx, once.
 * Both loops are bounded so a misbehaving card cannot hang the caller.
 */
import { decodeCommand, encodeCommand } from '../apdu/command-apdu.js';
import { concatBytes } from '../bytes.js';
import { hcardError } from '../errors.js';
import { type CardChannel, forwardChannel } from './card-channel.js';

export interface T0Options {
  /** Maximum GET RESPONSE rounds per command. */
  readonly maxGetResponse?: number;
}

export function withT0(inner: CardChannel, options: T0Options = {}): CardChannel {
  const maxRounds = options.maxGetResponse ?? 32;
  return forwardChannel(inner, async (command) => {
    let response = await inner.transmit(command);
    let sw1 = response[response.length - 2];
    const expectsData = sw1 === 0x6c ? decodeCommand(command).ne !== undefined : false;
    if (sw1 === 0x6c && expectsData) {
      // Resend with the length the card asked for (a command without Le cannot be corrected).
      const le = response[response.length - 1]!;
      response = await inner.transmit(
        encodeCommand({ ...decodeCommand(command), ne: le === 0 ? 256 : le }, 'short'),
      );
      sw1 = response[response.length - 2];
      if (sw1 === 0x6c) throw hcardError('HCARD_E_T0_LOOP', 'card answered 6Cxx twice');
    }
    const chunks: Uint8Array[] = [];
    for (let round = 0; sw1 === 0x61; round++) {
      if (round >= maxRounds)
        throw hcardError('HCARD_E_T0_LOOP', `more than ${maxRounds} GET RESPONSE rounds`);
      chunks.push(response.subarray(0, response.length - 2));
      response = await inner.transmit(
        Uint8Array.of(getResponseCla(command[0] ?? 0), 0xc0, 0x00, 0x00, response[response.length - 1]!),
      );
      sw1 = response[response.length - 2];
    }
    return chunks.length === 0 ? response : concatBytes(...chunks, response);
  });
}

/**
 * GET RESPONSE keeps the logical channel of the original CLA (ISO/IEC 7816-4 §5.4.1): channels
 * 0–3 in bits 1–2 of a first-interindustry CLA, 4–19 in bits 1–4 of a further-interindustry
 * one (40–7F). Proprietary classes (80 …) get GET RESPONSE on the basic channel, as PSAMs expect.
 */
function getResponseCla(cla: number): number {
  return (cla & 0xc0) === 0x40 ? 0x40 | (cla & 0x0f) : cla & 0x03;
}
