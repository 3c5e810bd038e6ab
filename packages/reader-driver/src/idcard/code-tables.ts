/** Code tables of the ID-card text block (spec C.7), as data. */

/** GB/T 2261.1 sex codes, one character on the card. */
export const SEX_CODES: Readonly<Record<string, string>> = {
  '0': '未知的性别',
  '1': '男',
  '2': '女',
  '9': '未说明的性别',
};

/** GB 3304 nationality (民族) codes, two digits on the card. Display appends 族 for 01–56. */
export const ETHNICITY_CODES: Readonly<Record<string, string>> = {
  '01': '汉',
  '02': '蒙古',
  '03': '回',
  '04': '藏',
  '05': '维吾尔',
  '06': '苗',
  '07': '彝',
  '08': '壮',
  '09': '布依',
  '10': '朝鲜',
  '11': '满',
  '12': '侗',
  '13': '瑶',
  '14': '白',
  '15': '土家',
  '16': '哈尼',
  '17': '哈萨克',
  '18': '傣',
  '19': '黎',
  '20': '傈僳',
  '21': '佤',
  '22': '畲',
  '23': '高山',
  '24': '拉祜',
  '25': '水',
  '26': '东乡',
  '27': '纳西',
  '28': '景颇',
  '29': '柯尔克孜',
  '30': '土',
  '31': '达斡尔',
  '32': '仫佬',
  '33': '羌',
  '34': '布朗',
  '35': '撒拉',
  '36': '毛南',
  '37': '仡佬',
  '38': '锡伯',
  '39': '阿昌',
  '40': '普米',
  '41': '塔吉克',
  '42': '怒',
  '43': '乌孜别克',
  '44': '俄罗斯',
  '45': '鄂温克',
  '46': '德昂',
  '47': '保安',
  '48': '裕固',
  '49': '京',
  '50': '塔塔尔',
  '51': '独龙',
  '52': '鄂伦春',
  '53': '赫哲',
  '54': '门巴',
  '55': '珞巴',
  '56': '基诺',
  '97': '其他',
  '98': '外国血统中国籍人士',
};

/** A code as read, with its table text when the table has it. */
export interface CodedValue {
  readonly code: string;
  readonly text?: string;
}

export function coded(table: Readonly<Record<string, string>>, code: string): CodedValue {
  const text = Object.hasOwn(table, code) ? table[code] : undefined;
  return text === undefined ? { code } : { code, text };
}

/** How a desk shows an ethnicity: 汉族, 蒙古族 … (01–56), 其他 / 外国血统中国籍人士 as they are. */
export function ethnicityDisplay(value: CodedValue): string {
  if (value.text === undefined) return value.code;
  const n = Number(value.code);
  return n >= 1 && n <= 56 ? `${value.text}族` : value.text;
}
