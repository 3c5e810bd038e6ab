/**
 * Masks for personal values that go into logs, diagnostics and audit trails: a registration desk
 * may show full values on screen, but anything written down keeps only what identifies a card to
 * its holder. One implementation for the CLI, the gateway (its log-line masker builds on these)
 * and the issuance pipeline.
 *
 * Pure functions of one value each; finding such values inside free text is the gateway's
 * log masker's job (`packages/gateway/src/logging/mask.ts`).
 */

/** The surname's first character and a star: 张三丰 → 张*. */
export function maskName(name: string): string {
  const first = Array.from(name.trim())[0];
  return first === undefined ? '' : `${first}*`;
}

/** Keeps `head` leading and `tail` trailing characters; values too short to keep any are all stars. */
export function maskMiddle(value: string, head: number, tail: number): string {
  const chars = Array.from(value);
  if (chars.length <= head + tail) return '*'.repeat(chars.length);
  return chars.slice(0, head).join('') + '*'.repeat(chars.length - head - tail) + chars.slice(-tail).join('');
}

/** 410102199001011234 → 4101**********1234 */
export const maskIdNumber = (id: string): string => maskMiddle(id, 4, 4);

/** 13812345678 → 138****5678 */
export const maskPhone = (phone: string): string => maskMiddle(phone, 3, 4);

/** Health-card numbers (the ID number) and bank PANs: 6222021234567890 → 6222********7890 */
export const maskCardNumber = (cardNumber: string): string => maskMiddle(cardNumber, 4, 4);

/**
 * A bank PAN as PCI DSS allows it on display, first 6 (the BIN) and last 4:
 * 6219990000001234567 → 621999*********4567 (spec B.7).
 */
export const maskBankCardNumber = (pan: string): string => maskMiddle(pan, 6, 4);
