import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { loadConfigText } from '../../src/config/load-config.js';
import { DatabricksEngine } from '../../src/engines/databricks/databricks-engine.js';
import { runSuite } from '../../src/recon/run-suite.js';
import { databricksDialect } from '../../src/sql/dialects/databricks-dialect.js';
import { startThriftProxy, type ThriftProxy } from './support/thrift-proxy.js';

/**
 * A warehouse that throttles, is starting up or drops connections: a proxy in front of the real
 * Spark injects HTTP 503/429 and connection resets into chosen statements. Transient failures are
 * retried with backoff; a pair whose statements keep failing ends as a clear ERROR, and the other
 * pairs of the run are reconciled all the same.
 */
const spark = inject('spark');
const injected: Record<string, number> = {};
let proxy: ThriftProxy;
let setup: DatabricksEngine;

function statementText(body: Buffer): string {
  return body.toString('latin1');
}

beforeAll(async () => {
  setup = await DatabricksEngine.connect({ host: spark.host, port: spark.port, httpPath: spark.httpPath, token: spark.token, customCaCert: spark.caCertPem }, {});
  await setup.query('CREATE SCHEMA IF NOT EXISTS recon_faults');
  for (const name of ['flaky_orders', 'down_orders', 'reset_orders', 'denied_orders']) {
    await setup.query(`CREATE OR REPLACE TABLE recon_faults.${name} USING DELTA AS SELECT id, id * 2 AS v FROM range(10) AS r(id)`);
  }
  proxy = await startThriftProxy({
    upstreamPort: spark.upstreamPort,
    fault: ({ method, body }) => {
      if (method !== 'ExecuteStatement') return undefined;
      const sql = statementText(body);
      const count = (name: string) => (injected[name] = (injected[name] ?? 0) + 1);
      // The first two statements on the flaky table meet a warehouse that is starting, then one throttling reply.
      if (sql.includes('flaky_orders')) {
        const n = count('flaky_orders');
        return n <= 2 ? 503 : n === 3 ? 429 : undefined;
      }
      if (sql.includes('reset_orders') && count('reset_orders') === 1) return 'reset';
      // A warehouse that refuses the principal: HTTP 403 is not retried.
      if (sql.includes('denied_orders')) {
        count('denied_orders');
        return 403;
      }
      if (sql.includes('down_orders')) {
        count('down_orders');
        return 503;
      }
      return undefined;
    },
  });
}, 600_000);

afterAll(async () => {
  await setup?.close();
  await proxy?.close();
});

test('transient 503, 429 and connection resets are retried; a pair that stays down is an ERROR and the others still run', async () => {
  const engine = await DatabricksEngine.connect({ host: '127.0.0.1', port: proxy.port, httpPath: spark.httpPath, token: spark.token, customCaCert: proxy.caCertPem, retryMaxAttempts: 1 }, {});
  const pairs = ['flaky_orders', 'down_orders', 'reset_orders', 'denied_orders']
    .map((name) => `  - name: ${name}\n    source: { table: recon_faults.${name} }\n    target: { table: recon_faults.${name} }\n    primary_key: [id]`)
    .join('\n');
  const { file } = loadConfigText(`version: 1\npairs:\n${pairs}\n`, 'faults.yml');
  const steps: string[] = [];
  try {
    const results = await runSuite({ files: [file!] }, {
      engine,
      dialect: databricksDialect,
      pairConcurrency: 1,
      retry: { attempts: 4, initialDelayMs: 100 },
      onStep: (pair, step) => steps.push(`${pair}: ${step}`),
    });
    expect(results.pairs.map((pair) => [pair.name, pair.status])).toEqual([['flaky_orders', 'PASS'], ['down_orders', 'ERROR'], ['reset_orders', 'PASS'], ['denied_orders', 'ERROR']]);
    expect(results.pairs[3]!.error).toMatchObject({ kind: 'permission' });
    expect(injected.denied_orders).toBeLessThanOrEqual(2);
    expect(results.pairs[1]!.error).toMatchObject({ kind: 'transient', step: expect.stringMatching(/^schema-(source|target)$/) });
    expect(results.pairs[1]!.error!.message).toMatch(/gave up after 4 attempts/);
    expect(injected.down_orders).toBeGreaterThanOrEqual(4);
    expect(steps.filter((step) => step.startsWith('flaky_orders') && step.includes('retry'))).toHaveLength(3);
    expect(steps.filter((step) => step.startsWith('reset_orders') && step.includes('retry'))).toHaveLength(1);
    expect(results.pairs[0]!.checks.find((check) => check.check === 'row_count')!.details).toMatchObject({ source: 10, target: 10 });
  } finally {
    await engine.close();
  }
}, 300_000);
