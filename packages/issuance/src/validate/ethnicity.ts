/**
 * The 民族 column → GB/T 3304 two-digit code, from card-core's code table (the 56 groups): the
 * name with or without 族 (汉族, 汉), or the code with or without its leading zero (1, 01).
 */
import { HEALTH_CARD_PROFILE } from '@hcard/card-core';

let lookup: ReadonlyMap<string, string> | undefined;

function build(): ReadonlyMap<string, string> {
  const table = HEALTH_CARD_PROFILE.codeTables.ethnicity;
  if (table === undefined) throw new Error('card-core has no ethnicity code table');
  const map = new Map<string, string>();
  for (const [code, name] of Object.entries(table.codes)) {
    map.set(code, code);
    map.set(String(Number(code)), code);
    map.set(name, code);
    if (name.endsWith('族')) map.set(name.slice(0, -1), code);
  }
  return map;
}

export function ethnicityCode(text: string): string | undefined {
  lookup ??= build();
  return lookup.get(text);
}
