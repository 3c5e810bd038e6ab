/**
 * The 出生日期 column: the date formats enrolment sheets use, normalised to YYYYMMDD. XLSX date
 * cells arrive as YYYYMMDD already (ingest converts them).
 */
import { isCalendarDate } from '@hcard/card-core';

/** Accepted spellings, tried in order; groups are year, month, day. */
const DATE_FORMATS: readonly RegExp[] = [
  /^(\d{4})(\d{2})(\d{2})$/, // 19900101
  /^(\d{4})-(\d{1,2})-(\d{1,2})$/, // 1990-01-01, 1990-1-1
  /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/, // 1990/1/1
  /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/, // 1990.1.1
  /^(\d{4})年(\d{1,2})月(\d{1,2})日$/, // 1990年1月1日
];

export const DATE_FORMAT_NAMES = 'YYYYMMDD, YYYY-MM-DD, YYYY/M/D, YYYY.M.D, YYYY年M月D日';

export type ParsedDate = { readonly date: string } | { readonly problem: 'format' | 'calendar' };

export function parseBirthDateColumn(text: string): ParsedDate {
  for (const format of DATE_FORMATS) {
    const m = format.exec(text);
    if (m === null) continue;
    const date = m[1]! + m[2]!.padStart(2, '0') + m[3]!.padStart(2, '0');
    return isCalendarDate(date) ? { date } : { problem: 'calendar' };
  }
  return { problem: 'format' };
}
