import { describe, expect, test } from 'vitest';
import type { RunResults } from '../../src/results/results-model.js';
import { discloseValues } from '../../src/results/value-disclosure.js';
import { demoResults } from './report-fixtures.js';

describe('withheld keys stay withheld in the baseline section', () => {
  test('a pair shown with sample_values none keeps only the counts of its new and fixed keys', () => {
    const results = demoResults();
    const baseline = {
      label: 'main',
      checks: [{ pair: 'fact_executive_summary', check: 'missing_rows', new: 1, fixed: 0, unchanged: 2, newFindings: [], fixedFindings: [], keys: { from: 'sampled', new: [['20240115', '102', '1021', '9']], fixed: [] } }],
    } as unknown as NonNullable<RunResults['baseline']>;
    const withheld = discloseValues({ ...results, baseline }, (pair) => ({ ...pair, disclosure: { sampleValues: 'none', reason: 'the repository is public' } }));
    expect(withheld.baseline!.checks[0]).toMatchObject({ new: 1, keys: { from: 'sampled', new: [], fixed: [] } });
    expect(JSON.stringify(withheld.baseline)).not.toContain('20240115');
    const shown = discloseValues({ ...results, baseline }, (pair) => pair);
    expect(shown.baseline!.checks[0]!.keys!.new).toEqual([['20240115', '102', '1021', '9']]);
  });
});
