/**
 * The social-security application (SSSE) of the three-in-one card, spec A.1, A.2, A.6: its DF
 * name, its two basic-data files, the generation its 规范版本 announces and the algorithm
 * indicator of its SELECT answer.
 */
import { asciiBytes, concatBytes, fromHex } from '../bytes.js';

/** DF name: ASCII "sx1.sh." ‖ GBK "社会保障", 15 bytes (spec A.1 [H]). */
export const SSSE_AID: Uint8Array = concatBytes(asciiBytes('sx1.sh.'), fromHex('C9E7BBE1B1A3D5CF'));

export type SsseFileId = 'EF05' | 'EF06';

export interface SsseFileDef {
  readonly fid: SsseFileId;
  /** Short file identifier: READ RECORD P2 = (SFI << 3) | 4 addresses the file without a SELECT (A.5). */
  readonly sfi: number;
  readonly name: string;
}

export const SSSE_FILES: Readonly<Record<SsseFileId, SsseFileDef>> = {
  EF05: { fid: 'EF05', sfi: 0x05, name: '发卡机构数据' },
  EF06: { fid: 'EF06', sfi: 0x06, name: '持卡人基本信息' },
};

/**
 * The card generation from 规范版本 ("1.00", "2.00", "3.00": its first character, A.3 [H]), or
 * undefined when the version does not start with a digit 1–9.
 */
export function generationOf(specVersion: string): number | undefined {
  const digit = specVersion.charCodeAt(0) - 48;
  return digit >= 1 && digit <= 9 ? digit : undefined;
}

/** 3.0 cards and later protect EF06 behind RKSSSE external authentication (A.6). */
export const holderDataProtected = (generation: number): boolean => generation >= 3;

/** 2.0 cards and later carry 姓名扩展 (tag 4E) as EF06 record 3 (A.4, A.5). */
export const hasNameExtension = (generation: number): boolean => generation >= 2;

const ALGORITHM_MARK = fromHex('9F0C038601');

/**
 * The algorithm id `xx` of `9F 0C 03 86 01 xx` in a SELECT answer, found by scanning the bytes
 * as the public implementations do (A.1), or undefined when the answer has none.
 */
export function algorithmFromFci(fci: Uint8Array): number | undefined {
  outer: for (let i = 0; i + ALGORITHM_MARK.length < fci.length; i++) {
    for (let j = 0; j < ALGORITHM_MARK.length; j++) if (fci[i + j] !== ALGORITHM_MARK[j]) continue outer;
    return fci[i + ALGORITHM_MARK.length];
  }
  return undefined;
}
