import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { runOutcome } from '../../src/recon/outcome.js';
import type { RunResults } from '../../src/results/results-model.js';
import { REPO_ROOT } from '../support/cli.js';
import { PASSING_PAIR, startBundle, writeConfigSet } from './support/run-bundle.js';

/** Its profile reads three billion generated rows: it runs until cancelled. */
const ENDLESS_PAIR = `  - name: endless
    source: { query: "SELECT range AS id, range % 7 AS v FROM range(3000000000)" }
    target: { query: "SELECT range AS id, range % 7 AS v FROM range(3000000000)" }
    primary_key: [id]
`;
const MISSING_TABLE_PAIR = `  - name: no_such_table
    source: { table: legacy.does_not_exist }
    target: { table: lakehouse.dim_institution }
    primary_key: [institution_id]
`;

interface Scenario {
  name: string;
  pairs: string;
  runTimeout?: string;
  /** Sent once the passing pair is done, while the endless one runs. */
  signal?: NodeJS.Signals;
  cliExit: number;
  failure: RegExp;
}

const SCENARIOS: Scenario[] = [
  { name: 'every pair ERROR', pairs: MISSING_TABLE_PAIR, cliExit: 2, failure: /^Recon Gate could not reconcile any of the 1 pairs: reading the source schema failed: .*does_not_exist/s },
  { name: 'the run timeout', pairs: ENDLESS_PAIR + PASSING_PAIR, runTimeout: '3', cliExit: 1, failure: /^Recon Gate was interrupted \(the run exceeded its 3 s time limit\); 1 of 2 pairs could not be reconciled\.$/ },
  { name: 'an interrupt (SIGTERM)', pairs: ENDLESS_PAIR + PASSING_PAIR, signal: 'SIGTERM', cliExit: 130, failure: /^Recon Gate was interrupted \(cancelled by SIGTERM\); 1 of 2 pairs could not be reconciled\.$/ },
];

async function until(read: () => string, text: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!read().includes(text)) {
    if (Date.now() > deadline) throw new Error(`no "${text}" in: ${read()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function runCli(scenario: Scenario, file: string, out: string) {
  const args = ['run', '--config', file, '--out', out, '--charts', 'none', '--fail-on', 'never', ...(scenario.runTimeout ? ['--run-timeout', scenario.runTimeout] : [])];
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin/recon-gate.js'), ...args], { cwd: REPO_ROOT });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  if (scenario.signal) {
    await until(() => stderr, '[dim_institution] PASS');
    child.kill(scenario.signal);
  }
  const code = await exited;
  return { code, stderr, results: JSON.parse(readFileSync(path.join(out, 'results.json'), 'utf8')) as RunResults };
}

async function runAction(scenario: Scenario, folder: string) {
  const started = startBundle({
    inputs: { engine: 'duckdb', charts: 'none', config: 'recon.yml', 'fail-on': 'never', 'run-timeout': scenario.runTimeout ?? '' },
    workspace: folder,
    event: { name: 'push', payload: { ref: 'refs/heads/main' } },
  });
  if (scenario.signal) {
    await until(started.stdout, 'PASS  dim_institution');
    started.child.kill(scenario.signal);
  }
  const run = await started.finished;
  const errors = run.stdout.split('\n').filter((line) => line.startsWith('::error::'));
  // setFailed's message, as the runner shows it (workflow commands escape %, CR and LF).
  const failure = errors.at(-1)?.slice('::error::'.length).replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
  return { code: run.code, failure, results: JSON.parse(readFileSync(run.outputs['results-json']!, 'utf8')) as RunResults };
}

describe('the CLI and the Action reach the same verdict through one outcome function', () => {
  test.each(SCENARIOS)('$name fails both, even with fail-on never', async (scenario) => {
    const { folder, file } = writeConfigSet(scenario.pairs);
    const [cli, action] = await Promise.all([runCli(scenario, file, path.join(folder, 'cli-out')), runAction(scenario, folder)]);

    expect(cli.code, cli.stderr).toBe(scenario.cliExit);
    expect(action.code).toBe(1);
    expect(action.failure).toMatch(scenario.failure);
    // The CLI prints the very sentence the Action fails its step with.
    expect(cli.stderr).toContain(`${action.failure}\n`);
    expect(cli.results.pairs.map((pair) => pair.status)).toEqual(action.results.pairs.map((pair) => pair.status));
    const bySignal = scenario.signal !== undefined;
    expect(runOutcome(cli.results, { failOn: 'never', bySignal }).verdict).toBe(runOutcome(action.results, { failOn: 'never', bySignal }).verdict);
  }, 120_000);
});
