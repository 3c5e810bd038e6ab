/**
 * The MOHRSS reader interface's return codes (spec A.7): 0 = success, negative = error with a
 * text in pOutInfo. The table is the vendor implementation's; card status words are not in it
 * but are returned generically as the negative of SW1SW2 read as a 16-bit number (6A88 →
 * -27272), because the source's own SW rows are inconsistent (-26368 is 6700, not 6C00).
 */

import { swHex } from '../apdu/response-apdu.js';
import { lookupStatusWord } from '../apdu/status-words.js';
import { type ErrorCode, HcardError } from '../errors.js';
import type { SsseFailure } from './ssse-session.js';

export interface MohrssError {
  readonly code: number;
  readonly text: string;
}

export const MOHRSS_OK = 0;

/** Spec A.7 error table [M], texts as printed. */
export const MOHRSS_ERRORS: readonly MohrssError[] = [
  { code: -1, text: '卡类型不对' },
  { code: -2, text: '无卡' },
  { code: -3, text: '有卡未上电' },
  { code: -4, text: '卡无应答' },
  { code: -5, text: '加载动态库错' },
  { code: -11, text: '读卡器连接错' },
  { code: -12, text: '未建立连接' },
  { code: -13, text: '动态库不支持该命令' },
  { code: -14, text: '命令参数错' },
  { code: -15, text: '信息校验和出错' },
  { code: -20, text: '卡识别码格式错' },
  { code: -21, text: '内部认证失败（用户卡不合法）' },
  { code: -22, text: '传入数据与卡内不符' },
  { code: -23, text: '传入数据不合法' },
  { code: -24, text: 'PSAM卡密钥级别不够' },
  { code: -25, text: '内部认证与加密机不一致' },
  { code: -31, text: '用户取消密码输入' },
  { code: -32, text: '密码输入超时' },
  { code: -33, text: '输入密码长度错' },
  { code: -34, text: '两次输入密码不一致' },
  { code: -35, text: '初始密码不能交易' },
  { code: -36, text: '不能改为初始密码' },
  { code: -41, text: '运算数据含非法字符' },
  { code: -42, text: '运算数据长度错' },
  { code: -51, text: 'PIN校验失败，剩余 N 次' },
  { code: -52, text: 'PIN锁定' },
  { code: -2201, text: '无PSAM卡' },
  { code: -2202, text: 'PSAM卡算法不支持' },
  { code: -2203, text: 'PSAM卡内没有RKSSSE密钥' },
  { code: -2204, text: '不需要加密机认证' },
  { code: -999, text: '未知错误' },
];

/** Codes after which integrations retry with the HSM two-step (A.7 fallback rule [H]). */
export const MOHRSS_HSM_FALLBACK_CODES: readonly number[] = [-2201, -2202, -2203, -27272, -24];

const UNKNOWN = -999;

/** The negative of SW1SW2 as a 16-bit number: 6A88 → -27272. */
export const mohrssCodeOfSw = (sw: number): number => -(sw & 0xffff);

/** The status word behind a generic code (SW1 61–6F or 90–9F), else undefined: -27272 → 0x6A88. */
export function swOfMohrssCode(code: number): number | undefined {
  const sw = -code;
  if (!Number.isInteger(sw) || sw > 0xffff) return undefined;
  const sw1 = sw >> 8;
  return (sw1 >= 0x61 && sw1 <= 0x6f) || (sw1 >= 0x90 && sw1 <= 0x9f) ? sw : undefined;
}

/** The text of a code: the table's, or the status word and its meaning for a generic code. */
export function mohrssErrorText(code: number): string {
  const row = MOHRSS_ERRORS.find((e) => e.code === code);
  if (row) return row.text;
  const sw = swOfMohrssCode(code);
  if (sw !== undefined) return `卡片返回状态字 ${swHex(sw)}（${lookupStatusWord(sw).meaning}）`;
  return code === MOHRSS_OK ? '成功' : MOHRSS_ERRORS.find((e) => e.code === UNKNOWN)!.text;
}

/** Typed SSSE failures → codes (the reason each code exists, A.6–A.7). */
export const SSSE_FAILURE_CODES: Readonly<Record<Exclude<SsseFailure['kind'], 'refused'>, number>> = {
  'no-application': -1,
  'psam-missing': -2201,
  'algorithm-unsupported': -2202,
  'psam-key-missing': -2203,
  'psam-key-level': -24,
  'internal-auth-failed': -21,
  'hsm-mismatch': -25,
  'card-changed': -22,
};

/** hcard catalogue errors → codes; anything else is -999. */
export const HCARD_ERROR_CODES: Readonly<Partial<Record<ErrorCode, number>>> = {
  HCARD_E_NO_CARD: -2,
  HCARD_E_CARD_REMOVED: -4,
  HCARD_E_T0_LOOP: -4,
  HCARD_E_APDU_RESPONSE_MALFORMED: -4,
  HCARD_E_TRANSPORT: -11,
  HCARD_E_READER_NOT_FOUND: -11,
  HCARD_E_READER_BUSY: -11,
  HCARD_E_PCSC_NO_SERVICE: -12,
  HCARD_E_CHANNEL_CLOSED: -12,
  HCARD_E_ARG_INVALID: -14,
  HCARD_E_HEX_INVALID: -41,
  HCARD_E_SSSE_STRING_INVALID: -23,
  HCARD_E_SSSE_PKEY_INVALID: -23,
};

const error = (code: number): MohrssError => ({ code, text: mohrssErrorText(code) });

const isFailure = (x: unknown): x is SsseFailure =>
  typeof x === 'object' &&
  x !== null &&
  !(x instanceof Error) &&
  (((x as SsseFailure).kind === 'refused' && 'refusal' in x) ||
    Object.hasOwn(SSSE_FAILURE_CODES, (x as SsseFailure).kind));

/**
 * The MOHRSS code and text for a typed SSSE failure or for anything thrown (an HcardError by its
 * catalogue code; anything else is -999), so a compat route can answer as the DLL does.
 */
export function toMohrssError(x: SsseFailure | unknown): MohrssError {
  if (isFailure(x)) {
    return x.kind === 'refused' ? error(mohrssCodeOfSw(x.refusal.sw)) : error(SSSE_FAILURE_CODES[x.kind]);
  }
  if (x instanceof HcardError) return error(HCARD_ERROR_CODES[x.code] ?? UNKNOWN);
  return error(UNKNOWN);
}
