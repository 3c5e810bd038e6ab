import { describe, expect, it } from 'vitest';
import { maskCardNumber, maskIdNumber, maskMiddle, maskName, maskPhone } from './mask.js';

// Synthetic values only (valid GB 11643 check characters; 11010519491231002X is the standard's example).
describe('value masks', () => {
  it.each([
    ['张三丰', '张*'],
    ['欧阳娜娜', '欧*'],
    ['  李四 ', '李*'],
    ['𠮷一', '𠮷*'],
    ['', ''],
  ])('maskName(%j) is %j', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });

  it('keeps the first and last four characters of ID and card numbers', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
    expect(maskIdNumber('410102199001011234')).toBe('4101**********1234');
    expect(maskIdNumber('410102900101123')).toBe('4101*******1123');
    expect(maskCardNumber('6222021234567890123')).toBe('6222***********0123');
  });

  it('keeps the first three and last four digits of a phone', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('stars everything when there is too little to keep any of it', () => {
    expect(maskMiddle('12345678', 4, 4)).toBe('********');
    expect(maskMiddle('1234', 3, 4)).toBe('****');
    expect(maskMiddle('123456789', 4, 4)).toBe('1234*6789');
  });
});
