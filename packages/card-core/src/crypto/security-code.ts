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
import { cbcMac } from './mac.js';
import { pad80 } from './padding.js';

export function deriveSecurityCode(
  key: Uint8Array,
  card: { cardNumber: string; issueDate: string; expiryDate: string },
  cipher: BlockCipher = SM4,
): string {
  const data = concatBytes(
    asciiBytes(card.cardNumber),
    encodeCn(card.issueDate, 4),
    encodeCn(card.expiryDate, 4),
  );
  const hex = toHex(cbcMac(cipher, key, new Uint8Array(16), pad80(data)));
  const digits = [...hex].filter((c) => c <= '9');
  const letters = [...hex].filter((c) => c > '9').map((c) => String(c.charCodeAt(0) - 65));
  return [...digits, ...letters].join('').slice(0, 3);
}
