/**
 * A spreadsheet or JSON cell as the text a person typed. Dates become YYYYMMDD; numbers are
 * written out in full, never with an exponent (an ID number typed as a number has already lost
 * its last digits to floating point: keep what is there and let validation reject it); rich
 * text becomes its text; formulas their result.
 */

export function cellText(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
      return numberText(value);
    case 'boolean':
      return value ? 'TRUE' : 'FALSE';
    case 'bigint':
      return value.toString();
    case 'object':
      return value === null ? '' : objectText(value);
    default:
      return '';
  }
}

function numberText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n)) {
    return Math.abs(n) < 1e21 ? BigInt(n).toString() : n.toLocaleString('en-US', { useGrouping: false });
  }
  const s = String(n);
  return s.includes('e') ? n.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 }) : s;
}

function objectText(value: object): string {
  if (value instanceof Date) return dateText(value);
  const cell = value as {
    richText?: readonly { text: string }[];
    text?: unknown;
    result?: unknown;
    error?: unknown;
  };
  if (Array.isArray(cell.richText)) return cell.richText.map((run) => run.text).join('');
  if ('result' in cell) return cellText(cell.result); // formula or shared formula
  if (cell.text !== undefined) return cellText(cell.text); // hyperlink
  if (typeof cell.error === 'string') return cell.error; // #N/A …
  return '';
}

/** exceljs gives date cells as UTC midnights of the day shown. */
function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  return `${String(y).padStart(4, '0')}${m < 10 ? '0' : ''}${m}${day < 10 ? '0' : ''}${day}`;
}
