import { expect } from 'vitest';
import { loadConfigText } from '../../src/config/load-config.js';
import type { Engine } from '../../src/engines/engine.js';
import { allPairs } from '../../src/config/recon-config.js';
import { listPairPlan, type PairPlanListing } from '../../src/recon/pair-plan.js';
import { runSuite } from '../../src/recon/run-suite.js';
import type { PairResult, RunResults } from '../../src/results/results-model.js';
import type { Dialect } from '../../src/sql/dialect.js';
import { expectScenario } from '../scenarios/expectations.js';
import type { Scenario } from '../scenarios/scenarios.js';
import { createTableStatements } from '../scenarios/table-spec.js';

export interface ScenarioTarget {
  engine: Engine;
  dialect: Dialect;
  /** Schema (and catalog) the fixture tables go in, e.g. ['main'] or ['spark_catalog', 'recon_test']. */
  namespace: string[];
  /** Appended to CREATE TABLE, e.g. Delta with column mapping on Spark. */
  tableSuffix?: string;
}

/** A recon config (YAML text) with one pair per given body, for tests. */
export function configYaml(pairs: Array<{ name: string; source: string[]; target: string[]; body: string }>): string {
  return [
    'version: 1',
    'pairs:',
    ...pairs.map((pair) => `  - name: ${JSON.stringify(pair.name)}\n    source: { table: ${JSON.stringify(pair.source)} }\n    target: { table: ${JSON.stringify(pair.target)} }\n    ${pair.body}`),
  ].join('\n');
}

export async function createScenarioTables(target: ScenarioTarget, scenario: Scenario, index: number): Promise<{ source: string[]; target: string[] }> {
  const names = { source: [...target.namespace, `s${index}_source`], target: [...target.namespace, `s${index}_target`] };
  for (const role of ['source', 'target'] as const) {
    await target.engine.query(`DROP TABLE IF EXISTS ${target.dialect.quoteTableName(names[role])}`);
    for (const statement of createTableStatements(target.dialect, names[role], scenario[role], target.tableSuffix)) {
      await target.engine.query(statement);
    }
  }
  return names;
}

/** Creates every scenario's tables, runs them all as one suite and returns the results. */
export async function runScenarios(target: ScenarioTarget, scenarios: Scenario[]): Promise<RunResults> {
  return (await runAndPlanScenarios(target, scenarios)).results;
}

/** As runScenarios, and each pair's plan as `recon-gate plan` lists it, made after the run. */
export async function runAndPlanScenarios(target: ScenarioTarget, scenarios: Scenario[]): Promise<{ results: RunResults; plans: PairPlanListing[] }> {
  const pairs = [];
  for (const [index, scenario] of scenarios.entries()) {
    const names = await createScenarioTables(target, scenario, index);
    pairs.push({ name: scenario.name, ...names, body: scenario.pairYaml });
  }
  const { file, errors } = loadConfigText(configYaml(pairs), 'scenarios.yml');
  expect(errors).toEqual([]);
  const config = { files: [file!] };
  const results = await runSuite(config, { engine: target.engine, dialect: target.dialect });
  const plans = [];
  for (const pair of allPairs(config)) plans.push(await listPairPlan(pair, target.engine, target.dialect, target.dialect));
  return { results, plans };
}

/** `plan` lists exactly the statements `run` recorded: the same SQL, in the same order. */
export function expectPlansEqualRuns(plans: PairPlanListing[], results: RunResults): void {
  expect(plans.map((plan) => ({ name: plan.name, statements: plan.statements, error: plan.error }))).toEqual(
    results.pairs.map((pair) => ({ name: pair.name, statements: pair.statements.map(({ purpose, sql }) => ({ purpose, sql })), error: undefined })),
  );
}

export function assertScenario(result: PairResult, scenario: Scenario): void {
  expectScenario(result, scenario.expect);
  for (const [name, [source, target]] of Object.entries(scenario.expect.aggregates ?? {})) {
    const match = /^(\w+)\((.+)\)$/.exec(name)!;
    const details = result.checks.find((check) => check.details.check === 'aggregates')?.details;
    const aggregate = details?.check === 'aggregates' ? details.aggregates.find((a) => a.function === match[1] && a.label === match[2]) : undefined;
    expect(aggregate, `aggregate ${name}`).toBeDefined();
    expect([aggregate!.source, aggregate!.target], `aggregate ${name}`).toEqual([source, target]);
  }
  for (const [cell, [source, target]] of Object.entries(scenario.expect.cellValues ?? {})) {
    const sample = result.samples.mismatches.find((s) => `${s.key.map((p) => p ?? 'NULL').join('|')}:${s.column}` === cell);
    expect(sample, `sampled cell ${cell}`).toBeDefined();
    expect([sample!.source, sample!.target], `values of ${cell}`).toEqual([source, target]);
  }
}
