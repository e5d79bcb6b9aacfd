import { describe, expect, test } from 'vitest';
import { ActionInputError, configSetId, readActionInputs } from '../../src/action/action-inputs.js';
import { type Annotation, capAnnotations } from '../../src/action/annotations.js';
import { forkDecision } from '../../src/action/fork-policy.js';
import { isEnterpriseServer, type GithubRun } from '../../src/action/github-event.js';
import { fitJobSummary, JOB_SUMMARY_LIMIT_BYTES } from '../../src/action/job-summary.js';
import { redactSecrets } from '../../src/action/secret-redaction.js';

function reader(values: Record<string, string>) {
  const read: string[] = [];
  return { read, get: (name: string) => (read.push(name), values[name] ?? '') };
}

describe('action inputs', () => {
  test('secret inputs are masked before any other input is read', () => {
    const inputs = reader({ 'github-token': 'ghs_x1', 'databricks-token': 'dapi_x2', 'databricks-client-secret': 'sp_x3', engine: 'duckdb' });
    const masked: Array<[string, number]> = [];
    const parsed = readActionInputs(inputs.get, (secret) => masked.push([secret, inputs.read.length]));
    expect(masked).toEqual([['ghs_x1', 1], ['dapi_x2', 2], ['sp_x3', 3]]);
    expect(parsed.secrets).toEqual(['ghs_x1', 'dapi_x2', 'sp_x3']);
    expect(parsed).toMatchObject({ engine: 'duckdb', comment: 'update', charts: 'mermaid', failOn: 'fail', configPatterns: ['recon-configs'], artifactName: 'recon-gate-recon-configs' });
  });

  test.each([
    ['engine', 'sqlite', 'input `engine`: must be one of duckdb, databricks, not "sqlite"'],
    ['comment', 'sticky', 'input `comment`: must be one of update, new, off, not "sticky"'],
    ['charts', 'png', 'input `charts`: must be one of mermaid, quickchart, none, not "png"'],
    ['retention-days', '3.5', 'input `retention-days`: must be a positive whole number up to 400, not "3.5"'],
    ['run-timeout', 'soon', 'input `run-timeout`: must be a positive number, not "soon"'],
    ['allow-fork-sql', 'yes', 'input `allow-fork-sql`: must be true or false, not "yes"'],
    ['gate-changes', 'sometimes', 'input `gate-changes`: must be one of auto, off, not "sometimes"'],
    ['fail-on-loosened', 'maybe', 'input `fail-on-loosened`: must be true or false, not "maybe"'],
    ['only-changed', '1', 'input `only-changed`: must be true or false, not "1"'],
    ['report-volume', '/tmp/reports', 'input `report-volume`: must be a volume folder such as /Volumes/main/recon/reports/runs, not "/tmp/reports"'],
    ['results-table', 'history.duckdb', 'input `results-table`: a DuckDB file (`history.duckdb`) is for engine duckdb; on Databricks results-table names a table, e.g. main.recon.results'],
    ['quickchart-host', 'quickchart.example.com', 'input `quickchart-host`: must be an http(s) URL such as https://quickchart.example.com, not "quickchart.example.com"'],
    ['artifact-name', 'reports/today', 'input `artifact-name`: must not contain " \\ / : < > | * ? or line breaks'],
    ['duckdb-memory-limit', 'half', 'input `duckdb-memory-limit`: must be a size such as 2GB or 512MiB, not "half"'],
  ])('a bad %s is refused with a message that names it', (name, value, message) => {
    expect(() => readActionInputs(reader({ [name]: value }).get, () => undefined)).toThrow(new ActionInputError(name, message.replace(`input \`${name}\`: `, '')));
  });

  test('config takes newline- and comma-separated entries; the set id is stable, readable and distinct', () => {
    const parsed = readActionInputs(reader({ config: 'recon/orders.yml,\n recon/customers.yml\n\n' }).get, () => undefined);
    expect(parsed.configPatterns).toEqual(['recon/orders.yml', 'recon/customers.yml']);
    expect(parsed.configSetId).toBe('recon-orders.yml-recon-customers.yml');
    expect(configSetId(['recon-configs'])).toBe('recon-configs');
    const long = configSetId(['warehouse/migrations/2024/finance/general-ledger/**/*.yml']);
    expect(long).toMatch(/^warehouse-migrations-2024-finance-gener-[0-9a-f]{8}$/);
    expect(configSetId(['warehouse/migrations/2024/finance/general-ledger/**/*.yaml'])).not.toBe(long);
  });
});

describe('annotations GitHub will show', () => {
  const error = (n: number): Annotation => ({ level: 'error', title: `e${n}`, message: `error ${n}`, file: 'a.yml', line: n });
  const warning = (n: number): Annotation => ({ level: 'warning', title: `w${n}`, message: `warning ${n}`, file: 'a.yml', line: n });

  test('up to ten per level are kept as they are', () => {
    const all = [...Array.from({ length: 10 }, (_, i) => error(i)), ...Array.from({ length: 10 }, (_, i) => warning(i))];
    expect(capAnnotations(all)).toEqual(all);
  });

  test('beyond that the first ones stay and one more counts the rest; setFailed takes one error slot', () => {
    const capped = capAnnotations([...Array.from({ length: 15 }, (_, i) => error(i)), ...Array.from({ length: 11 }, (_, i) => warning(i))], { error: 1 });
    expect(capped.filter((a) => a.level === 'error').map((a) => a.title)).toEqual(['e0', 'e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7', 'Recon Gate: 7 more errors']);
    expect(capped.filter((a) => a.level === 'warning').map((a) => a.title)).toEqual(['w0', 'w1', 'w2', 'w3', 'w4', 'w5', 'w6', 'w7', 'w8', 'Recon Gate: 2 more warnings']);
  });
});

describe('where the action runs', () => {
  test.each([
    ['https://github.com', false],
    ['https://GitHub.com/', false],
    ['https://acme.ghe.com', false],
    ['http://runner.localhost:8080', false],
    ['https://github.acme.internal', true],
    ['http://127.0.0.1:3000', true],
    ['not a url', true],
  ])('%s is an Enterprise Server: %s', (url, expected) => {
    expect(isEnterpriseServer(url)).toBe(expected);
  });

  const run = (eventName: string, fromFork: boolean): GithubRun => ({
    eventName,
    owner: 'acme',
    repo: 'warehouse',
    serverUrl: 'https://github.com',
    apiUrl: 'https://api.github.com',
    workspace: '/work',
    enterpriseServer: false,
    pullRequest: { number: 5, baseRepository: 'acme/warehouse', headRepository: fromFork ? 'mallory/warehouse' : 'acme/warehouse', fromFork },
  });
  const databricks = { engine: 'databricks' as const, allowForkSql: false, engineSettings: {} };

  test('the fork policy', () => {
    expect(forkDecision(run('pull_request', false), databricks, {}).kind).toBe('run');
    expect(forkDecision(run('pull_request', true), databricks, {}).kind).toBe('skip');
    expect(forkDecision(run('pull_request', true), databricks, { DATABRICKS_TOKEN: 'dapi' }).kind).toBe('run');
    expect(forkDecision(run('pull_request', true), { ...databricks, engineSettings: { clientSecret: 'sp' } }, {}).kind).toBe('run');
    expect(forkDecision(run('pull_request', true), { ...databricks, engine: 'duckdb' }, {}).kind).toBe('run');
    expect(forkDecision(run('pull_request_target', true), { ...databricks, engineSettings: { token: 'dapi' } }, {}).kind).toBe('refuse');
    const base = { ...run('pull_request_target', true), sha: 'b'.repeat(40) };
    const trusted = { ...databricks, allowForkSql: true };
    expect(forkDecision(base, trusted, {}, { head: 'b'.repeat(40), modified: false })).toMatchObject({ kind: 'run', warning: expect.stringContaining('allow-fork-sql is true') });
    // allow-fork-sql only holds when the workspace really is the base commit, unmodified.
    expect(forkDecision(base, trusted, {}, { head: 'f'.repeat(40), modified: false })).toMatchObject({ kind: 'refuse', reason: expect.stringContaining(`the workspace holds commit ffffffffffff, not the base commit bbbbbbbbbbbb`) });
    expect(forkDecision(base, trusted, {}, { head: 'b'.repeat(40), modified: true })).toMatchObject({ kind: 'refuse', reason: expect.stringContaining('tracked files in the workspace differ') });
    expect(forkDecision(base, trusted, {}, { modified: false })).toMatchObject({ kind: 'refuse', reason: expect.stringContaining('not a git checkout') });
    expect(forkDecision(run('pull_request_target', false), databricks, {}).kind).toBe('run');
  });
});

describe('text sent to GitHub', () => {
  test('every secret is replaced, the longest first', () => {
    expect(redactSecrets('token abcd1234 and abcd12345678 and ab', ['abcd1234', 'abcd12345678', 'ab'])).toBe('token *** and *** and ab');
  });

  test('the job summary steps its budget down until the UTF-8 size is under 1 MiB', () => {
    const budgets: number[] = [];
    // An emoji is two UTF-16 units and four UTF-8 bytes: 600,000 units are 1.2 MB, 300,000 are 600 KB.
    const text = fitJobSummary((budget) => (budgets.push(budget), '🦆'.repeat(budget / 2)), 600_000);
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(JOB_SUMMARY_LIMIT_BYTES);
    expect(budgets).toEqual([600_000, 300_000]);
  });
});
