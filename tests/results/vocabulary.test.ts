import { describe, expect, test } from 'vitest';
import { CHECK_NAMES, isJoinCheck } from '../../src/results/check-names.js';
import { mismatchFindings, nullFindings, SCHEMA_STATUS_EFFECT, schemaFindings } from '../../src/results/findings.js';
import { MISMATCH_CLASSES } from '../../src/results/mismatch-classes.js';
import type { SchemaStatus } from '../../src/results/results-model.js';
import { STATUSES, STATUSES_WORST_FIRST, worstStatus } from '../../src/results/statuses.js';
import { waiversFileSchema } from '../../src/waivers/waiver-schema.js';

describe('one vocabulary, defined in src/results/', () => {
  test('statuses run from best to worst, and the worst wins', () => {
    expect(STATUSES).toEqual(['PASS', 'WARN', 'FAIL', 'ERROR']);
    expect(STATUSES_WORST_FIRST).toEqual(['ERROR', 'FAIL', 'WARN', 'PASS']);
    expect(worstStatus(['WARN', 'PASS', 'FAIL'])).toBe('FAIL');
  });

  test('the checks are listed in report order, profile checks before join checks', () => {
    expect(CHECK_NAMES.findIndex(isJoinCheck)).toBe(4);
    expect(CHECK_NAMES.slice(4).every(isJoinCheck)).toBe(true);
  });

  test('a waiver accepts exactly the mismatch classes the join names', () => {
    const waiver = (cls: string) => ({ version: 1, waivers: [{ pair: 'p', check: 'value_mismatches', class: cls, reason: 'r', owner: 'o', expires: '2030-01-01' }] });
    for (const cls of MISMATCH_CLASSES) expect(waiversFileSchema.safeParse(waiver(cls)).success, cls).toBe(true);
    expect(waiversFileSchema.safeParse(waiver('within_tolerance')).success).toBe(false);
  });

  test('a column is a finding when the check counts or warns about it, and only then', () => {
    const statuses = Object.keys(SCHEMA_STATUS_EFFECT) as SchemaStatus[];
    const columns = statuses.map((status) => ({ label: status, status, isKey: false }));
    expect(schemaFindings(columns).map((column) => column.status)).toEqual(['widening', 'narrowing', 'timezone', 'incompatible', 'only_in_source', 'only_in_target']);
    expect(nullFindings([{ label: 'a', source: 1, target: 1, difference: 0 }, { label: 'b', source: 0, target: 2, difference: 2 }]).map((column) => column.label)).toEqual(['b']);
    expect(mismatchFindings([{ label: 'a', mismatches: 0 }, { label: 'b', mismatches: 3 }]).map((column) => column.label)).toEqual(['b']);
  });
});
