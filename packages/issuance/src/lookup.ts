/** One person's card as prepared: its item values and photo (`hcard issue face`). */
import { hcardError, maskIdNumber } from '@hcard/card-core';
import type { Journal } from './journal/journal.js';
import { cardFiles, parseTemplate, payloadValues, photoOf, templateValues } from './records/card-template.js';

export interface PreparedCard {
  readonly rowNumber: number;
  readonly values: Readonly<Record<string, string>>;
  readonly photo?: Uint8Array;
}

export async function preparedCard(journal: Journal, batch: string, idNumber: string): Promise<PreparedCard> {
  const info = await journal.getBatch(batch);
  if (!info) throw hcardError('HCARD_E_ISSUE_BATCH_UNKNOWN', batch);
  const row = await journal.findRow(batch, idNumber);
  if (!row?.payload)
    throw hcardError(
      'HCARD_E_ISSUE_ROW_UNKNOWN',
      `no prepared row with ID ${maskIdNumber(idNumber)} in batch ${batch}`,
    );
  const template = parseTemplate(info.template);
  const photo = photoOf(template, cardFiles(template, row.payload, ''));
  return {
    rowNumber: row.rowNumber,
    values: { ...templateValues(template), ...payloadValues(template, row.payload) },
    ...(photo ? { photo } : {}),
  };
}
