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

/** Vocabularies by field: the first pattern matching the item key wins. */
const VOCABULARY: readonly (readonly [RegExp, readonly string[]])[] = [
  [/hospitalname/i, ['县人民医院', '市中心医院', '乡镇卫生院', '市中医院', '妇幼保健院', '社区卫生服务中心']],
  [/department/i, ['内科', '外科', '儿科', '妇产科', '急诊科', '骨科', '眼科', '口腔科']],
  [/symptom/i, ['发热', '咳嗽', '头痛', '腹痛', '乏力', '胸闷']],
  [
    /diagnos|infection|disease/i,
    ['急性上呼吸道感染', '高血压', '2型糖尿病', '肺炎', '慢性胃炎', '腰椎间盘突出'],
  ],
  [/operation|procedure/i, ['阑尾切除术', '清创缝合术', '白内障摘除术', '胃镜检查']],
  [/anaesthe|anesthe/i, ['全身麻醉', '局部麻醉', '椎管内麻醉']],
  [/drug/i, ['阿莫西林胶囊', '二甲双胍片', '硝苯地平缓释片', '布洛芬片']],
  [/unit/i, ['毫升', '片', '粒', '毫克', '单位']],
  [/frequency/i, ['每日三次', '每日一次', '每日两次']],
  [/lab|item/i, ['血常规', '尿常规', '肝功能', '血糖', '胸部X线']],
  [/fee|category|class/i, ['西药费', '检查费', '治疗费', '床位费', '化验费']],
];
const GENERAL = ['好转', '治愈', '稳定', '待查', '正常'];

function text(key: string, random: Random, maxBytes: number): string {
  const words = VOCABULARY.find(([pattern]) => pattern.test(key))?.[1] ?? GENERAL;
  const word = random.pick(words);
  return encodeAnsText(word).length <= maxBytes ? word : '';
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
        : text(item.key, random, item.length);
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
