/**
 * The 联系电话 column (optional): a mainland mobile number (1[3-9] and 9 digits; +86/86 prefix,
 * spaces and dashes allowed) or a landline (0 + 2–3 digit area code, 7–8 digit number, optional
 * extension). Normalised: mobiles as 11 digits; landlines without spaces, keeping the dashes
 * the sheet had (without a dash the split between area code and number is ambiguous).
 */

const MOBILE = /^(?:\+?86)?(1[3-9]\d{9})$/;
const LANDLINE = /^0\d{2,3}-?\d{7,8}(?:-\d{1,6})?$/;
const SPACES = /[\s\u3000]+/g;

export function normalisePhone(text: string): string | undefined {
  const compact = text.replace(SPACES, '');
  const mobile = MOBILE.exec(compact.replaceAll('-', ''));
  if (mobile !== null) return mobile[1];
  return LANDLINE.test(compact) ? compact : undefined;
}
