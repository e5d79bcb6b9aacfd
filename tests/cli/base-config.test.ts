import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { RunResults } from '../../src/results/results-model.js';
import { runCli, tempDir } from '../support/cli.js';
import { demoConfigCopy } from '../support/plant-defect.js';

describe('run --base-config: what a change loosened in its own gate', () => {
  const base = demoConfigCopy(tempDir('gate-base')).configDir;
  const head = demoConfigCopy(tempDir('gate-head')).configDir;
  const config = path.join(head, 'card-portfolio.yml');
  writeFileSync(config, readFileSync(config, 'utf8').replace('missing_rows: { max_percent: 0.5 }', 'missing_rows: { max_percent: 1 }'));
  const run = (...extra: string[]) => {
    const out = tempDir('gate-out');
    const result = runCli(['run', '--config', head, '--out', out, '--base-config', base, '--base-label', 'main', '--fail-on', 'never', ...extra]);
    return { ...result, out, results: JSON.parse(readFileSync(path.join(out, 'results.json'), 'utf8')) as RunResults, summary: readFileSync(path.join(out, 'summary.md'), 'utf8') };
  };

  test('raising a threshold against --base-config is called out in the log, results.json and the comment', () => {
    const { code, stderr, results, summary } = run();
    expect(code, stderr).toBe(0);
    expect(results.gateChanges).toMatchObject({ label: 'main', enforced: false, unreadable: [] });
    expect(results.gateChanges!.loosened).toEqual([
      expect.objectContaining({ kind: 'threshold_raised', pair: 'fact_executive_summary', check: 'missing_rows', before: 'max_percent 0.5', after: 'max_percent 1', line: 14, in: 'head' }),
    ]);
    expect(stderr).toContain('gate vs main: 1 change loosens it (not enforced)');
    expect(stderr).toContain('fact_executive_summary missing_rows: threshold raised from max_percent 0.5 to max_percent 1');
    expect(summary).toContain('**🔓 This change loosens its own gate:** 1 change vs main; listed for review; it does not fail the check.');
    expect(summary).toContain('### 🔓 Gate loosened vs main');
    expect(summary).toMatch(/- fact&#95;executive&#95;summary missing&#95;rows: threshold raised from max&#95;percent 0\.5 to max&#95;percent 1 \(.*card-portfolio\.yml line 14\)/);
  });

  test('--fail-on-loosened fails the run, whatever fail-on says about differences; --allow-loosening allows it', () => {
    const enforced = run('--fail-on-loosened');
    expect(enforced.code).toBe(1);
    expect(enforced.stderr).toContain('Recon Gate: this change loosens its own gate against main (1 change: fact_executive_summary missing_rows: threshold raised from max_percent 0.5 to max_percent 1); fail-on-loosened fails it until --allow-loosening allows it.');
    expect(enforced.summary).toContain('this fails the check until --allow-loosening allows it');

    const allowed = run('--fail-on-loosened', '--allow-loosening');
    expect(allowed.code, allowed.stderr).toBe(0);
    expect(allowed.results.gateChanges).toMatchObject({ enforced: true, allowedBy: '--allow-loosening' });
    expect(allowed.summary).toContain('allowed by --allow-loosening');
  });

  test('the same configs at the base loosen nothing, and the comment has no such section', () => {
    const out = tempDir('gate-same');
    const same = runCli(['run', '--config', base, '--out', out, '--base-config', base, '--fail-on', 'never', '--fail-on-loosened']);
    expect(same.code, same.stderr).toBe(0);
    expect(same.stderr).toContain('gate vs base: nothing loosened');
    expect(readFileSync(path.join(out, 'summary.md'), 'utf8')).not.toContain('🔓');
  });

  test('the base options need --base-config', () => {
    const refused = runCli(['run', '--config', head, '--out', tempDir('gate-refused'), '--fail-on-loosened']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--fail-on-loosened needs --base-config <file|dir>');
  });
});
