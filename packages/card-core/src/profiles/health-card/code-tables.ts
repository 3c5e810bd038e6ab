/**
 * Code tables of the resident health card data items (spec §4.2–§4.5, §10).
 *
 * Codes are written exactly as the reader API returns them (spec §4.1, §5): cn codes as digit
 * strings ("1", "10", "01"); b codes as 2-digit uppercase hex ("01").
 * Only lists that the spec spells out are here. Items that cite a standard the spec does not
 * reproduce (ICD-10, ICD-9-CM, WS 364 CV05.10.010, CV06.00.102/103, CV07.10.001, CV08.50.002,
 * WS 218, GB/T 2260) carry no `codeTable`; their `note` names the standard instead.
 */
import type { CodeTable } from '../types.js';

/** GB 3304-91 order; 97/98 (其他 / 外国血统中国籍人士) are extra codes outside the 56. */
const ETHNIC_GROUPS = [
  '汉族',
  '蒙古族',
  '回族',
  '藏族',
  '维吾尔族',
  '苗族',
  '彝族',
  '壮族',
  '布依族',
  '朝鲜族',
  '满族',
  '侗族',
  '瑶族',
  '白族',
  '土家族',
  '哈尼族',
  '哈萨克族',
  '傣族',
  '黎族',
  '傈僳族',
  '佤族',
  '畲族',
  '高山族',
  '拉祜族',
  '水族',
  '东乡族',
  '纳西族',
  '景颇族',
  '柯尔克孜族',
  '土族',
  '达斡尔族',
  '仫佬族',
  '羌族',
  '布朗族',
  '撒拉族',
  '毛南族',
  '仡佬族',
  '锡伯族',
  '阿昌族',
  '普米族',
  '塔吉克族',
  '怒族',
  '乌孜别克族',
  '俄罗斯族',
  '鄂温克族',
  '德昂族',
  '保安族',
  '裕固族',
  '京族',
  '塔塔尔族',
  '独龙族',
  '鄂伦春族',
  '赫哲族',
  '门巴族',
  '珞巴族',
  '基诺族',
] as const;

export const HEALTH_CARD_CODE_TABLES: Readonly<Record<string, CodeTable>> = {
  cardType: {
    name: '卡的类别',
    source: 'XLS (居民健康卡文件结构总表); spec §4.2 item 1',
    confidence: 'low',
    codes: { '1': '普通卡', '2': '高级卡' },
    note:
      'Sources disagree (spec §4.2, §10). HDDEF gives "01 正式卡, 02 临时卡" instead. The item is ' +
      'ans 1, which cannot hold a 2-character code, and DEMO writes "1"; so the XLS codes are used.',
  },
  sex: {
    name: '性别',
    source: 'GB/T 2261.1; spec §4.2 item 12 (IF2012, XLS)',
    confidence: 'high',
    codes: { '00': '未知的性别', '01': '男性', '02': '女性', '09': '未说明的性别' },
    note: 'Item 12 is b 1: the one-digit GB/T 2261.1 code is stored as the byte of the same value.',
  },
  ethnicity: {
    name: '民族',
    source: 'GB 3304; spec §4.2 item 13',
    confidence: 'high',
    codes: Object.fromEntries(ETHNIC_GROUPS.map((n, i) => [String(i + 1).padStart(2, '0'), n])),
    note: 'The 56 codes 01–56 only; GB 3304 also has 97 其他, 98 外国血统中国籍人士, not listed by the spec.',
  },
  maritalStatus: {
    name: '婚姻状况',
    source: 'GB/T 2261.2; spec §4.2 item 35',
    confidence: 'high',
    codes: {
      '10': '未婚',
      '20': '已婚',
      '21': '初婚',
      '22': '再婚',
      '23': '复婚',
      '30': '丧偶',
      '40': '离婚',
      '90': '其他',
    },
    note:
      'The spec lists 10/20/30/40/90; 21–23 are the GB/T 2261.2-2003 sub-codes of 20 (not in the spec ' +
      'sources). The standard names 90 "未说明的婚姻状况"; the spec says 其他.',
  },
  education: {
    name: '文化程度',
    source: 'HDDEF (GB/T 4658-1984 one-digit categories); XLS cites GB/T 4658; spec §4.2 item 34',
    confidence: 'low',
    codes: {
      '1': '研究生',
      '2': '大学本科',
      '3': '大学专科和专科学校',
      '4': '中等专业学校或中等技术学校',
      '5': '技工学校',
      '6': '高中',
      '7': '初中',
      '8': '小学',
      '9': '文盲或半文盲',
    },
    note:
      'Ambiguous (spec §10): HDDEF lists one-digit codes 1 研究生 … 9 文盲; GB/T 4658-2006 uses two ' +
      'digits (10, 20 …), which also fit the cn 1 item. Entries 2–8 are the GB/T 4658 category names; ' +
      'only 1 and 9 are spelled out in the spec.',
  },
  occupation: {
    name: '职业',
    source: 'HDDEF (major groups as in GB/T 2261.4); XLS cites GB/T 6565; spec §4.2 item 36',
    confidence: 'low',
    codes: {
      '0': '国家机关、党群组织、企业、事业单位负责人',
      '1': '专业技术人员',
      '3': '办事人员和有关人员',
      '4': '商业、服务业人员',
      '5': '农、林、牧、渔、水利业生产人员',
      '6': '生产、运输设备操作人员及有关人员',
      X: '军人',
      Y: '其他',
    },
    note:
      'The spec gives the codes 0,1,3,4,5,6,X,Y and the names of X (军人) and Y (其他) only; the other ' +
      'names are the matching major groups of the national occupation classification. The item is ans 3, ' +
      'so finer GB/T 6565 codes also fit.',
  },
  paymentScheme: {
    name: '医疗费用支付方式',
    source: 'HDDEF; XLS cites WS 364.13 CV07.10.003; spec §4.2 items 18–20',
    confidence: 'med',
    codes: {
      '1': '城镇职工基本医保',
      '2': '城镇居民基本医保',
      '3': '新农合',
      '4': '贫困救助',
      '5': '商业医保',
      '6': '全公费',
      '7': '全自费',
      '8': '其他',
    },
    note:
      'HDDEF list. The IF2012 example writes "01" "02" "03" (two digits fit cn 1), as in the WS 364 ' +
      'two-digit form; a reader should accept both "1" and "01".',
  },
  documentType: {
    name: '证件类别',
    source: 'WS 364.3 CV02.01.101 (HDDEF); spec §4.2 item 37',
    confidence: 'med',
    codes: {
      '01': '居民身份证',
      '02': '户口簿',
      '03': '护照',
      '04': '军官证',
      '05': '驾照',
      '99': '其他',
    },
  },
  aboBloodGroup: {
    name: 'ABO血型',
    source: 'WS 364.9 CV04.50.005 (HDDEF); spec §4.2 item 41',
    confidence: 'med',
    codes: { '01': 'A型', '02': 'B型', '03': 'O型', '04': 'AB型', '05': '不详' },
    note: 'Item 41 is b 1: code n is stored as the byte n.',
  },
  rhBloodGroup: {
    name: 'RH血型',
    source: 'XLS; HDDEF; spec §4.2 item 42',
    confidence: 'high',
    codes: { '1': 'Rh阳性', '2': 'Rh阴性', '3': '不详' },
    note: 'HDDEF words it "RH阴性: 1 否, 2 是, 3 不详", the same meaning.',
  },
  addressType: {
    name: '地址类别',
    source: 'XLS; HDDEF; spec §4.2 items 21, 23',
    confidence: 'high',
    codes: { '1': '户籍地址', '2': '现居住地址' },
  },
  contactRelation: {
    name: '联系人关系',
    source: 'HDDEF; spec §4.2 items 26, 29, 32',
    confidence: 'low',
    codes: {
      '0': '本人',
      '1': '配偶',
      '2': '儿子',
      '3': '女儿',
      '4': '孙子女',
      '5': '父母',
      '6': '祖父母',
      '7': '兄弟姐妹',
      '8': '其他',
      '97': '其他亲属',
      '98': '保姆',
      '99': '非亲属',
    },
    note: 'Sources disagree (spec §10): XLS cites GB/T 4761 (家庭关系代码) instead of this HDDEF list.',
  },
  flag: {
    name: '标志',
    source: 'HN (河南省居民健康卡接口技术规范); spec §4.2 items 43–54, 56',
    confidence: 'med',
    codes: { '00': '否', '01': '是' },
    note: 'XLS only says "T/F"; the byte values come from HN.',
  },
  serologyItem: {
    name: '血清学检查项目',
    source: 'XLS; spec §4.4',
    confidence: 'high',
    codes: { '0': 'HBsAg', '1': 'HCV-Ab', '2': 'HIV-Ab' },
  },
  serologyResult: {
    name: '血清学检查结果',
    source: 'XLS; spec §4.4',
    confidence: 'high',
    codes: { '0': '未做', '1': '阴性', '2': '阳性' },
  },
  transfusionType: {
    name: '输血品种',
    source: 'XLS; spec §4.4',
    confidence: 'high',
    codes: { '1': '红细胞', '2': '血小板', '3': '血浆', '4': '全血', '9': '其他' },
  },
  incisionHealing: {
    name: '切口愈合等级',
    source: 'XLS; spec §4.4',
    confidence: 'high',
    codes: { '1': '甲', '2': '乙', '3': '丙', '9': '其他' },
  },
  labResultCode: {
    name: '检查/检验结果代码',
    source: 'XLS; spec §4.5',
    confidence: 'high',
    codes: { '1': '异常', '2': '正常', '3': '不确定' },
  },
  indexFlag: {
    name: '诊疗记录有效标志',
    source: 'IF2012; XLS; spec §4.3',
    confidence: 'high',
    codes: { '00': '有效(在用)', FF: '空/无效' },
    note:
      'On-card bytes. The HN API maps them to the characters "0" (has record) / "1" (empty); do not ' +
      'confuse the layers (spec §4.7).',
  },
};
