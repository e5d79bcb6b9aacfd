import { describe, expect, test } from 'vitest';
import { thresholdStatus } from '../../src/recon/verdict.js';
import { worstStatus } from '../../src/results/statuses.js';

describe('thresholds', () => {
  test('nothing differs: PASS, or WARN when something uncounted deserves a look', () => {
    expect(thresholdStatus(0, 100, { maxCount: 0 })).toBe('PASS');
    expect(thresholdStatus(0, 100, { maxCount: 0 }, 1)).toBe('WARN');
  });

  test('above max_count fails; within it warns', () => {
    expect(thresholdStatus(3, 1000, { maxCount: 2 })).toBe('FAIL');
    expect(thresholdStatus(2, 1000, { maxCount: 2 })).toBe('WARN');
  });

  test('above max_percent fails; within it warns', () => {
    expect(thresholdStatus(6, 1000, { maxPercent: 0.5 })).toBe('FAIL');
    expect(thresholdStatus(5, 1000, { maxPercent: 0.5 })).toBe('WARN');
  });

  test('with both limits, breaching either fails', () => {
    expect(thresholdStatus(6, 1000, { maxCount: 10, maxPercent: 0.5 })).toBe('FAIL');
    expect(thresholdStatus(11, 100000, { maxCount: 10, maxPercent: 0.5 })).toBe('FAIL');
  });

  test('the worst status wins', () => {
    expect(worstStatus(['PASS', 'WARN', 'FAIL'])).toBe('FAIL');
    expect(worstStatus(['PASS', 'ERROR', 'FAIL'])).toBe('ERROR');
    expect(worstStatus([])).toBe('PASS');
  });
});
