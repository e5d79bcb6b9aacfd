import { describe, expect, test } from 'vitest';
import { compare, divide, parseExactDecimal, subtract, toText } from '../../src/recon/exact-decimal.js';

const d = (text: string) => parseExactDecimal(text)!;

describe('exact decimals', () => {
  test('subtraction keeps every digit of DECIMAL(38,10)', () => {
    expect(toText(subtract(d('12345678901234567896.6234567893'), d('12345678901234567896.6234567892')))).toBe('0.0000000001');
  });

  test('values at different scales compare equal when equal', () => {
    expect(compare(d('1.50'), d('1.5000'))).toBe(0);
    expect(compare(d('-0.01'), d('0'))).toBe(-1);
  });

  test('1000000.11 − 1000000.10 is exactly 0.01 (not 0.010000000009 as in DOUBLE)', () => {
    expect(compare(subtract(d('1000000.11'), d('1000000.10')), d('0.01'))).toBe(0);
  });

  test('division rounds half away from zero', () => {
    expect(toText(divide(d('23'), d('6'), 6))).toBe('3.833333');
    expect(toText(divide(d('-1'), d('8'), 2))).toBe('-0.13');
  });

  test('text that is not a plain decimal is not parsed', () => {
    expect(parseExactDecimal('1e+20')).toBeUndefined();
    expect(parseExactDecimal('NaN')).toBeUndefined();
    expect(parseExactDecimal('')).toBeUndefined();
  });
});
