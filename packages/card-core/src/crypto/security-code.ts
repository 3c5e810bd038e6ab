/**
 * 安全码 (CVN, item 9, three digits; spec §7): derived from a dedicated issuer key over the card
 * number, issue date and expiry, so a printed code can be checked against the chip
 * (architecture.md §4). The format is ours (not public): a 4-byte CBC-MAC over
 * ASCII(card number) ‖ cn(issue date) ‖ cn(expiry), decimalised as EMV does for CVV (digits of
 * the hex string first, then A–F as 0–5), first three digits.
 */
import { asciiBytes, concatBytes, toHex } from '../bytes.js';
import { encodeCn } from '../codecs/cn.js';
import type { BlockCipher } from './block-cipher.js';
import { SM4 } from './block-cipher.js';
import { cbcMac, MAC_LENGTH } from './mac.js';
import { pad80 } from './padding.js';

export interface SecurityCodeInput {
  readonly cardNumber: string;
  readonly issueDate: string;
  readonly expiryDate: string;
}

const macInput = (card: SecurityCodeInput): Uint8Array =>
  pad80(concatBytes(asciiBytes(card.cardNumber), encodeCn(card.issueDate, 4), encodeCn(card.expiryDate, 4)));

/** Decimalisation: digits of the hex MAC first, then A–F as 0–5; the first three. */
function decimalise(mac: Uint8Array): string {
  const hex = toHex(mac);
  const digits = [...hex].filter((c) => c <= '9');
  const letters = [...hex].filter((c) => c > '9').map((c) => String(c.charCodeAt(0) - 65));
  return [...digits, ...letters].join('').slice(0, 3);
}

export function deriveSecurityCode(
  key: Uint8Array,
  card: SecurityCodeInput,
  cipher: BlockCipher = SM4,
): string {
  return decimalise(cbcMac(cipher, key, new Uint8Array(16), macInput(card)));
}

/**
 * The same codes for many cards at once (batch issuance): the CBC chains of all cards advance
 * block column by block column, one ECB call per column, instead of one cipher call per block
 * (architecture.md §11: 10–100× faster). Cards are grouped by input length.
 */
export function deriveSecurityCodes(
  key: Uint8Array,
  cards: readonly SecurityCodeInput[],
  cipher: BlockCipher = SM4,
): string[] {
  const out: string[] = new Array(cards.length);
  const groups = new Map<number, { index: number; data: Uint8Array }[]>();
  cards.forEach((card, index) => {
    const data = macInput(card);
    const group = groups.get(data.length) ?? [];
    groups.set(data.length, group);
    group.push({ index, data });
  });
  for (const [length, group] of groups) {
    const chains = new Uint8Array(group.length * 16);
    for (let o = 0; o < length; o += 16) {
      group.forEach(({ data }, g) => {
        for (let b = 0; b < 16; b++) chains[g * 16 + b]! ^= data[o + b]!;
      });
      chains.set(cipher.encryptEcb(key, chains));
    }
    group.forEach(({ index }, g) => {
      out[index] = decimalise(chains.subarray(g * 16, g * 16 + MAC_LENGTH));
    });
  }
  return out;
}
