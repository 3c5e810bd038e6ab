/** The 性别 column: the spellings enrolment sheets use → GB/T 2261.1 male/female. */

const SEX_SPELLINGS: Readonly<Record<string, 'male' | 'female'>> = {
  男: 'male',
  男性: 'male',
  '1': 'male',
  '01': 'male',
  女: 'female',
  女性: 'female',
  '2': 'female',
  '02': 'female',
};

export const SEX_SPELLING_LIST = '男, 女, 男性, 女性, 1, 2';

/** Item 12's code (model.ts): '01' male, '02' female. */
export const SEX_CODES = { male: '01', female: '02' } as const;

export function parseSex(text: string): 'male' | 'female' | undefined {
  return SEX_SPELLINGS[text];
}
