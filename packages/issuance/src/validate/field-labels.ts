/** How a field is named in messages: the sheet's Chinese header and the field's English name. */
import { DEFAULT_COLUMNS, type EnrolmentField } from '../model.js';

export function fieldLabel(field: EnrolmentField): string {
  return `${DEFAULT_COLUMNS[field]} (${field})`;
}
