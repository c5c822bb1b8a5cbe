import { describe, expect, it } from 'vitest';
import { idCheckDigit, isValidIdNumber, maskIdNumber, maskPhone } from './validators';

describe('ID numbers', () => {
  it('accepts a number whose check digit matches, including X', () => {
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber(`11010119900307803${idCheckDigit('11010119900307803')}`)).toBe(true);
  });

  it('rejects a wrong check digit, an impossible birth date and a wrong length', () => {
    expect(isValidIdNumber('110105194912310021')).toBe(false);
    const feb30 = '11010119900230001';
    expect(isValidIdNumber(`${feb30}${idCheckDigit(feb30)}`)).toBe(false);
    expect(isValidIdNumber('1101051949123100')).toBe(false);
  });

  it('masks for lists', () => {
    expect(maskPhone('13912345678')).toBe('139****5678');
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
    expect(maskPhone(null)).toBeNull();
  });
});
