/** Human-readable views of item values: names from the profile, meanings from code tables. */
import { itemDef } from '../profiles/lookup.js';
import type { CardProfile, DataItem } from '../profiles/types.js';

export interface DescribedItem {
  readonly no: number;
  readonly key: string;
  readonly name: string;
  readonly gloss: string;
  readonly value: string;
  /** The code table's meaning of the value, when the item is a code. */
  readonly meaning?: string;
}

/**
 * The meaning of a coded value. Cards in the field write one-digit codes both as "1" and as
 * "01" (spec §4.2, IF2012 example), so numeric codes also match by value.
 */
export function codeMeaning(profile: CardProfile, item: DataItem, value: string): string | undefined {
  const table = item.codeTable ? profile.codeTables[item.codeTable] : undefined;
  if (!table || value === '') return undefined;
  const exact = table.codes[value];
  if (exact !== undefined) return exact;
  if (!/^\d+$/.test(value)) return undefined;
  const entry = Object.entries(table.codes).find(
    ([code]) => /^\d+$/.test(code) && Number(code) === Number(value),
  );
  return entry?.[1];
}

/** Items in number order with names and code meanings. */
export function describeItems(
  profile: CardProfile,
  values: Readonly<Record<string, string>>,
): DescribedItem[] {
  return Object.entries(values)
    .map(([key, value]) => {
      const item = itemDef(profile, key);
      const meaning = codeMeaning(profile, item, value);
      return {
        no: item.no,
        key,
        name: item.name,
        gloss: item.gloss,
        value,
        ...(meaning === undefined ? {} : { meaning }),
      };
    })
    .sort((a, b) => a.no - b.no);
}
