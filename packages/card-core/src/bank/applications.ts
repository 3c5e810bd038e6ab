/**
 * Where the bank application lives on the chip (spec B.1): the payment system environment's
 * name and the UnionPay / PBOC application identifiers, as data.
 */

/** Payment System Environment (contact): its FCI names the directory's SFI (tag 88). */
export const PSE_NAME = '1PAY.SYS.DDF01';
/** Proximity PSE (contactless): its FCI lists the applications directly in BF0C. */
export const PPSE_NAME = '2PAY.SYS.DDF01';

export type BankProduct = 'debit' | 'credit' | 'quasi-credit' | 'e-cash';

export interface BankAid {
  /** Full AID, uppercase hex. */
  readonly aid: string;
  readonly product: BankProduct;
  readonly zh: string;
}

/** UnionPay / PBOC AIDs (spec B.1), in the order direct selection tries them. */
export const UNIONPAY_AIDS: readonly BankAid[] = [
  { aid: 'A000000333010101', product: 'debit', zh: '借记' },
  { aid: 'A000000333010102', product: 'credit', zh: '贷记' },
  { aid: 'A000000333010103', product: 'quasi-credit', zh: '准贷记' },
  { aid: 'A000000333010106', product: 'e-cash', zh: '纯电子现金' },
];

export type PaymentScheme = 'unionpay';

export interface SchemeDef {
  /** Registered application provider identifier: the AID's first 5 bytes. */
  readonly rid: string;
  readonly scheme: PaymentScheme;
  /** What scheme detection by card number accepts (spec B.1: starts with 62, 16–19 digits). */
  readonly panPattern: RegExp;
}

export const PAYMENT_SCHEMES: readonly SchemeDef[] = [
  { rid: 'A000000333', scheme: 'unionpay', panPattern: /^62\d{14,17}$/ },
];

/** The scheme whose RID starts this AID (hex, any case), if it is one we know. */
export function schemeOfAid(aid: string): SchemeDef | undefined {
  const upper = aid.toUpperCase();
  return PAYMENT_SCHEMES.find((s) => upper.startsWith(s.rid));
}

/** The UnionPay product of a full AID, if it is in the table. */
export function productOfAid(aid: string): BankProduct | undefined {
  return UNIONPAY_AIDS.find((a) => a.aid === aid.toUpperCase())?.product;
}
