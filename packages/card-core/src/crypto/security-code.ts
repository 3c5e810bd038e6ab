/**
 * 安全码 (CVN, item 9, three digits; spec §7): derived from a dedicated issuer key over the card
 * number, issue date and expiry, so a printed code can be checked against the chip
 * (architecture.md §4). The format is ours (not public): a 4-byte CBC-MAC over
 * ASCII(card number) ‖ cn(issue date) ‖ cn(expiry), decimalised as EMV does for CVV (digits of
 * the hex string first, then A–F as 0–5), first three digits.
 */
import { asciiBytes, concatBytes } from '../bytes.js';
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
function decimalise(mac: Uint8Array, offset = 0): string {
  let digits = '';
  let letters = '';
  for (let i = offset; i < offset + MAC_LENGTH; i++) {
    for (const nibble of [mac[i]! >> 4, mac[i]! & 0x0f]) {
      if (nibble < 10) digits += nibble;
      else letters += nibble - 10;
    }
  }
  return (digits + letters).slice(0, 3);
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
  // Cards by padded input length (number ‖ two 4-byte dates ‖ 80 ‖ 00…).
  const groups = new Map<number, number[]>();
  cards.forEach((card, index) => {
    const length = (Math.floor((card.cardNumber.length + 8) / 16) + 1) * 16;
    const group = groups.get(length) ?? [];
    groups.set(length, group);
    group.push(index);
  });
  // A batch has one issue date and one expiry: encode each distinct date once.
  const dates = new Map<string, Uint8Array>();
  const cn = (date: string) => dates.get(date) ?? dates.set(date, encodeCn(date, 4)).get(date)!;
  for (const [length, group] of groups) {
    const data = new Uint8Array(group.length * length);
    group.forEach((index, g) => {
      const { cardNumber, issueDate, expiryDate } = cards[index]!;
      let o = g * length;
      // The same bytes as asciiBytes().
      for (let i = 0; i < cardNumber.length; i++) data[o++] = cardNumber.charCodeAt(i) & 0x7f;
      data.set(cn(issueDate), o);
      data.set(cn(expiryDate), o + 4);
      data[o + 8] = 0x80;
    });
    const chains = new Uint8Array(group.length * 16);
    for (let o = 0; o < length; o += 16) {
      for (let g = 0; g < group.length; g++) {
        const base = g * length + o;
        for (let b = 0; b < 16; b++) chains[g * 16 + b]! ^= data[base + b]!;
      }
      chains.set(cipher.encryptEcb(key, chains));
    }
    group.forEach((index, g) => {
      out[index] = decimalise(chains, g * 16);
    });
  }
  return out;
}
