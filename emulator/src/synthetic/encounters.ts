/**
 * Synthetic encounter records (EE inpatient / ED outpatient, spec §4.4–§4.5): every field of the
 * layout gets a plausible value of its type, length and code table, so a generated card
 * exercises all 321 encounter items.
 */
import {
  type CardProfile,
  type DataItem,
  encodeAnsText,
  HEALTH_CARD_PROFILE,
  itemsOfLayout,
  type LayoutId,
} from '@hcard/card-core';
import type { Random } from './random.js';

const WORDS = [
  '急性上呼吸道感染',
  '高血压',
  '糖尿病',
  '肺炎',
  '胃炎',
  '骨折',
  '内科',
  '外科',
  '儿科',
  '妇产科',
  '血常规',
  '尿常规',
  '肝功能',
  '胸部',
  '口服',
  '静脉滴注',
  '每日三次',
  '阑尾切除术',
  '全身麻醉',
  '局部麻醉',
  '人民医院',
  '中心卫生院',
  '毫升',
  '片',
  '西药',
  '中药',
  '检查',
  '治疗',
  '好转',
  '治愈',
];

function text(random: Random, maxBytes: number): string {
  let out = '';
  for (let i = 0; i < 6; i++) {
    const next = out + random.pick(WORDS);
    if (encodeAnsText(next).length > maxBytes) break;
    out = next;
  }
  return out;
}

function code(random: Random, maxBytes: number): string {
  const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
  const n = Math.min(maxBytes, random.int(3, 7));
  let out = letters[random.int(0, letters.length - 1)]!;
  while (out.length < n) out += random.digits(1);
  return out;
}

function date(random: Random): string {
  const y = random.int(2010, 2024);
  const m = String(random.int(1, 12)).padStart(2, '0');
  const d = String(random.int(1, 28)).padStart(2, '0');
  return `${y}${m}${d}`;
}

function value(profile: CardProfile, item: DataItem, random: Random): string {
  const table = item.codeTable ? profile.codeTables[item.codeTable] : undefined;
  if (table) return random.pick(Object.keys(table.codes));
  switch (item.format) {
    case 'date':
      return date(random);
    case 'datetime':
      return `${date(random)}${String(random.int(0, 23)).padStart(2, '0')}${String(random.int(0, 59)).padStart(2, '0')}00`;
    case 'flag':
      return random.pick(['00', '01']);
  }
  switch (item.type) {
    case 'cn':
      return String(random.int(1, 10 ** Math.min(item.length * 2, 9) - 1));
    case 'b':
      return random.digits(item.length * 2);
    case 'ans':
      return /code/i.test(item.key) && item.length <= 20
        ? code(random, item.length)
        : text(random, item.length);
  }
}

/** Values for every field of a layout's data part (not the signature and certificate). */
export function generateEncounter(
  kind: LayoutId,
  random: Random,
  profile: CardProfile = HEALTH_CARD_PROFILE,
): Record<string, string> {
  const dataLength = profile.layouts[kind].dataLength;
  const out: Record<string, string> = {};
  for (const item of itemsOfLayout(profile, kind)) {
    if (item.location.kind === 'binary' && item.location.offset < dataLength)
      out[item.key] = value(profile, item, random);
  }
  return out;
}
