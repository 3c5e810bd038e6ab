/**
 * The human view of a card read: what a registration desk shows (spec §4.2) or, with `all`,
 * every item read, then one line per other section that was read. Values are shown in full:
 * this is the desk's screen, not a log.
 */
import { describeItems, HEALTH_CARD_PROFILE, type HealthCardData } from '@hcard/card-core';

/** Items a registration desk shows first (spec §4.2), in this order. */
export const REGISTRATION_KEYS = [
  'name',
  'sex',
  'ethnicity',
  'birthDate',
  'idNumber',
  'cardNumber',
  'expiryDate',
  'phone1',
  'paymentScheme1',
  'paymentScheme2',
  'paymentScheme3',
  'cityCode',
  'issuerName',
] as const;

export interface CardViewOptions {
  /** Every item read instead of the registration items. */
  readonly all?: boolean;
  /** Where the photo was saved, if it was. */
  readonly photoFile?: string;
}

export function formatCardView(data: HealthCardData, options: CardViewOptions = {}): string {
  const shown = options.all
    ? data.items
    : Object.fromEntries(REGISTRATION_KEYS.filter((k) => k in data.items).map((k) => [k, data.items[k]!]));
  const lines = ['居民健康卡', ''];
  for (const d of describeItems(HEALTH_CARD_PROFILE, shown)) {
    const value =
      d.key === 'issuerCertificate' ? `${d.value.slice(0, 24)}… (${d.value.length / 2} bytes)` : d.value;
    lines.push(
      `  ${String(d.no).padStart(3)} ${d.name.padEnd(10, '　')} ${value}${d.meaning ? `  (${d.meaning})` : ''}`,
    );
  }
  const sections: string[] = [];
  if (data.photo !== undefined) {
    const saved = options.photoFile && data.photo ? `, saved to ${options.photoFile}` : '';
    sections.push(`photo: ${data.photo ? `JPEG, ${data.photo.length} bytes${saved}` : 'none'}`);
  }
  if (data.allergies)
    sections.push(
      `allergies: ${data.allergies.map((a) => `${a.substance}: ${a.reaction}`).join('; ') || 'none'}`,
    );
  if (data.immunisations)
    sections.push(
      `immunisations: ${data.immunisations.map((i) => `${i.name} ${i.date}`).join('; ') || 'none'}`,
    );
  if (data.inpatient)
    sections.push(
      `inpatient records: ${data.inpatient.map((r) => `#${r.number} ${r.items.hospitalName}`).join('; ') || 'none'}`,
    );
  if (data.outpatient)
    sections.push(
      `outpatient records: ${data.outpatient.map((r) => `#${r.number} ${r.items.visitHospitalName}`).join('; ') || 'none'}`,
    );
  if (sections.length > 0) lines.push('', ...sections.map((line) => `  ${line}`));
  if (!options.all) lines.push('', '  (--all prints every item, --json everything as JSON)');
  return lines.join('\n');
}

/** The line before the view: where the card was read, and how much it took. */
export function formatReadSummary(where: string, apdus: number, ms: number): string {
  return `${where}: ${apdus} APDUs in ${ms.toFixed(1)} ms`;
}
