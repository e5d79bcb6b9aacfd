import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import type { RunResults } from '../../src/results/results-model.js';
import { REPO_ROOT, tempDir } from '../support/cli.js';

/** A pair whose profile pass reads three billion generated rows: it runs until cancelled. */
const SLOW_AND_FAST = `version: 1
duckdb:
  mount: ${JSON.stringify(path.join(REPO_ROOT, 'demo-data'))}
pairs:
  - name: endless
    source: { query: "SELECT range AS id, range % 7 AS v FROM range(3000000000)" }
    target: { query: "SELECT range AS id, range % 7 AS v FROM range(3000000000)" }
    primary_key: [id]
  - name: dim_institution
    source: { table: legacy.dim_institution }
    target: { table: lakehouse.dim_institution }
    primary_key: [institution_id]
`;

function startRun(args: string[]) {
  const folder = tempDir('cancel');
  writeFileSync(path.join(folder, 'slow.yml'), SLOW_AND_FAST);
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin/recon-gate.js'), 'run', '--config', path.join(folder, 'slow.yml'), '--out', path.join(folder, 'out'), ...args], { cwd: REPO_ROOT });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const waitFor = async (text: string) => {
    const deadline = Date.now() + 60_000;
    while (!stderr.includes(text)) {
      if (Date.now() > deadline) throw new Error(`no "${text}" in: ${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const results = () => JSON.parse(readFileSync(path.join(folder, 'out', 'results.json'), 'utf8')) as RunResults;
  return { child, exited, waitFor, results, stderr: () => stderr };
}

test('SIGTERM cancels the running statement, still writes every report with every pair, and exits 130', async () => {
  const run = startRun([]);
  await run.waitFor('[endless] profile…');
  await run.waitFor('[dim_institution] PASS');
  const signalled = Date.now();
  run.child.kill('SIGTERM');
  expect(await run.exited).toBe(130);
  expect(Date.now() - signalled).toBeLessThan(15_000);
  const results = run.results();
  expect(results.run.interrupted).toBe('cancelled by SIGTERM');
  expect(results.pairs.map((pair) => [pair.name, pair.status])).toEqual([['endless', 'ERROR'], ['dim_institution', 'PASS']]);
  expect(results.pairs[0]!.error).toMatchObject({ kind: 'cancelled', message: expect.stringMatching(/^not finished: cancelled by SIGTERM \(during profiling the (source|target)\)$/) });
  expect(run.stderr()).toContain('SIGTERM received: cancelling running statements');
}, 90_000);

test('--run-timeout stops a run that takes too long, reporting the unfinished pair as ERROR', async () => {
  const run = startRun(['--run-timeout', '3']);
  const started = Date.now();
  expect(await run.exited).toBe(1);
  expect(Date.now() - started).toBeLessThan(30_000);
  const results = run.results();
  expect(results.run.interrupted).toBe('the run exceeded its 3 s time limit');
  expect(results.pairs.map((pair) => pair.status)).toEqual(['ERROR', 'PASS']);
  expect(results.pairs[0]!.error!.message).toMatch(/^not finished: the run exceeded its 3 s time limit/);
}, 90_000);

test('--statement-timeout interrupts a statement that runs too long: that pair is an ERROR of kind timeout, the other pair runs', async () => {
  const run = startRun(['--statement-timeout', '2']);
  expect(await run.exited).toBe(1);
  const results = run.results();
  expect(results.run.interrupted).toBeUndefined();
  expect(results.pairs.map((pair) => pair.status)).toEqual(['ERROR', 'PASS']);
  expect(results.pairs[0]!.error).toMatchObject({ kind: 'timeout', message: expect.stringMatching(/exceeded its time limit/) });
}, 90_000);
