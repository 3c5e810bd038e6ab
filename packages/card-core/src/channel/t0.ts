/**
 * T=0 response handling (ISO/IEC 7816-3 §10.3.4, 7816-4 §5.1.3):
 * - 61xx: send GET RESPONSE with Le = xx and append its data, until the card says 9000;
 * - 6Cxx: resend the same command with Le = xx, once.
 * Both loops are bounded so a misbehaving card cannot hang the caller.
 */
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
    if (sw1 === 0x6c && command.length >= 5) {
      // Resend with the length the card asked for; only a case-2 command (Le last) can be fixed.
      const resend = Uint8Array.from(command);
      resend[resend.length - 1] = response[response.length - 1]!;
      response = await inner.transmit(resend);
      sw1 = response[response.length - 2];
      if (sw1 === 0x6c) throw hcardError('HCARD_E_T0_LOOP', 'card answered 6Cxx twice');
    }
    const chunks: Uint8Array[] = [];
    for (let round = 0; sw1 === 0x61; round++) {
      if (round >= maxRounds)
        throw hcardError('HCARD_E_T0_LOOP', `more than ${maxRounds} GET RESPONSE rounds`);
      chunks.push(response.subarray(0, response.length - 2));
      // GET RESPONSE keeps the logical-channel bits of the original CLA (ISO/IEC 7816-4 §5.4.1).
      const cla = (command[0] ?? 0) & 0x03;
      response = await inner.transmit(Uint8Array.of(cla, 0xc0, 0x00, 0x00, response[response.length - 1]!));
      sw1 = response[response.length - 2];
    }
    return chunks.length === 0 ? response : concatBytes(...chunks, response);
  });
}
