import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { EngineError } from '../../src/engines/engine.js';
import type { DatabricksConnectionInputs } from '../../src/engines/databricks/connection-options.js';
import { DatabricksEngine } from '../../src/engines/databricks/databricks-engine.js';
import { databricksDialect } from '../../src/sql/dialects/databricks-dialect.js';
import { startThriftProxy, type ThriftProxy } from './support/thrift-proxy.js';

const spark = inject('spark');
const schema = `recon_gate_engine_${Date.now().toString(36)}`;
const table = `spark_catalog.${schema}.fidelity`;

/** Keeps Spark busy for many minutes (2 × 10^11 hashes) unless it is stopped. */
const HEAVY_QUERY = 'SELECT count(*) AS n FROM range(0, 200000000000) WHERE xxhash64(id) % 7 = 0';

function inputsFor(proxy: { port: number; caCertPem: string }, extra: DatabricksConnectionInputs = {}): DatabricksConnectionInputs {
  return {
    host: spark.host,
    port: proxy.port,
    httpPath: spark.httpPath,
    token: spark.token,
    customCaCert: proxy.caCertPem,
    retryMaxAttempts: 1,
    ...extra,
  };
}

const sharedProxy = { port: spark.port, caCertPem: spark.caCertPem };
const noEnvironment = {};

async function failure(promise: Promise<unknown>): Promise<EngineError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(EngineError);
    return error as EngineError;
  }
  throw new Error('expected the promise to reject');
}

/** CPU seconds the Spark JVM has used so far (user + system), from /proc. */
function serverCpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Asserts the server went back to idle: a running 2-core job burns ~2 CPU-s per second. */
async function expectServerIdle(): Promise<void> {
  if (spark.serverPid === undefined) {
    console.warn('spark: server pid unknown, skipping the CPU check');
    return;
  }
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const before = serverCpuSeconds(spark.serverPid);
  await new Promise((resolve) => setTimeout(resolve, 2000));
  expect(serverCpuSeconds(spark.serverPid) - before).toBeLessThan(0.6);
}

describe('the Databricks engine against Spark with Delta tables', () => {
  let engine: DatabricksEngine;

  beforeAll(async () => {
    engine = await DatabricksEngine.connect(inputsFor(sharedProxy), noEnvironment);
    await engine.query(`CREATE SCHEMA ${schema}`);
    await engine.query(
      `CREATE TABLE ${table} (id INT, big BIGINT, amount DECIMAL(38,10), day DATE, at TIMESTAMP, label STRING, flag BOOLEAN, ratio DOUBLE, raw BINARY) USING DELTA`,
    );
    await engine.query(
      `INSERT INTO ${table} VALUES
        (1, 9007199254740993, CAST('12345678901234567890.1234567891' AS DECIMAL(38,10)), DATE '2024-02-29',
         TIMESTAMP '2000-01-01 12:00:00.123456', 'O\\'Reilly ☃ ', true, 0.1, X'01FF'),
        (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
        (3, -42, CAST('1.5' AS DECIMAL(38,10)), DATE '0001-01-01', TIMESTAMP '1970-01-01 00:00:00', '', false, -0.0D, X'')`,
    );
  });

  afterAll(async () => {
    await engine?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
    await engine?.close();
  });

  describe('values', () => {
    it('returns BIGINT and DECIMAL(38,10) exactly when the SQL casts them to STRING, and NULL as null', async () => {
      const result = await engine.query(
        `SELECT id, CAST(big AS STRING) AS big, CAST(amount AS STRING) AS amount FROM ${table} ORDER BY id`,
      );
      expect(result.rows).toEqual([
        ['1', '9007199254740993', '12345678901234567890.1234567891'],
        ['2', null, null],
        ['3', '-42', '1.5000000000'],
      ]);
      expect(result.columns).toEqual([
        { name: 'id', type: 'INT' },
        { name: 'big', type: 'STRING' },
        { name: 'amount', type: 'STRING' },
      ]);
    });

    it('returns dates, timestamps with microseconds, strings, booleans, doubles and binary as text', async () => {
      const result = await engine.query(
        `SELECT day, at, date_format(at, 'yyyy-MM-dd HH:mm:ss.SSSSSS') AS at_text, label, flag, ratio, raw FROM ${table} ORDER BY id`,
      );
      expect(result.rows).toEqual([
        ['2024-02-29', '2000-01-01 12:00:00.123456', '2000-01-01 12:00:00.123456', "O'Reilly ☃ ", 'true', '0.1', '01FF'],
        [null, null, null, null, null, null, null],
        ['0001-01-01', '1970-01-01 00:00:00', '1970-01-01 00:00:00.000000', '', 'false', '-0', ''],
      ]);
    });

    it('prints an uncast DECIMAL that a double holds exactly with its full scale', async () => {
      const result = await engine.query(`SELECT amount FROM ${table} WHERE id = 3`);
      expect(result.rows).toEqual([['1.5000000000']]);
    });

    it('refuses an uncast BIGINT from 2^53 up instead of returning a rounded number', async () => {
      const error = await failure(engine.query(`SELECT big FROM ${table} WHERE id = 1`));
      expect(error.kind).toBe('internal');
      expect(error.message).toMatch(/"big" \(BIGINT\).*CAST\(x AS STRING\)/s);
    });

    it('refuses an uncast DECIMAL with more digits than a double holds', async () => {
      const error = await failure(engine.query(`SELECT amount FROM ${table} WHERE id = 1`));
      expect(error.kind).toBe('internal');
      expect(error.message).toMatch(/"amount" \(DECIMAL\(38,10\)\)/);
    });

    it('refuses a result whose column names repeat, which the driver would collapse', async () => {
      const error = await failure(engine.query('SELECT 1 AS a, 2 AS a'));
      expect(error.kind).toBe('internal');
      expect(error.message).toMatch(/two columns named "a"/);
    });
  });

  describe('the schema statement (DESCRIBE QUERY) through the engine', () => {
    const describeColumns = async (relationSql: string) => databricksDialect.describedColumns(await engine.query(databricksDialect.describeStatement(relationSql)));

    it("reports a Delta table's columns with Spark type names, DECIMAL precision and scale included", async () => {
      expect(await describeColumns(`SELECT * FROM ${table}`)).toEqual([
        { name: 'id', type: 'int' },
        { name: 'big', type: 'bigint' },
        { name: 'amount', type: 'decimal(38,10)' },
        { name: 'day', type: 'date' },
        { name: 'at', type: 'timestamp' },
        { name: 'label', type: 'string' },
        { name: 'flag', type: 'boolean' },
        { name: 'ratio', type: 'double' },
        { name: 'raw', type: 'binary' },
      ]);
    });

    it('tells TIMESTAMP_NTZ from TIMESTAMP and keeps element types, which result metadata loses', async () => {
      const columns = await describeColumns(`SELECT CAST('2024-01-01 10:00:00' AS TIMESTAMP_NTZ) AS wall, CAST('2024-01-01 10:00:00' AS TIMESTAMP) AS instant, array(1) AS arr`);
      expect(columns).toEqual([
        { name: 'wall', type: 'timestamp_ntz' },
        { name: 'instant', type: 'timestamp' },
        { name: 'arr', type: 'array<int>' },
      ]);
    });

    it('describes expressions of other types', async () => {
      const columns = await describeColumns(
        `SELECT CAST(1.5 AS DECIMAL(12,4)) AS d, CAST(1 AS SMALLINT) AS s, CAST(1 AS TINYINT) AS t, CAST(1 AS FLOAT) AS f,
                array(1) AS arr, map('k', 1) AS m, named_struct('x', 1) AS st, CAST(1 AS BIGINT) + 1 AS sum_big`,
      );
      expect(columns.map((c) => c.type)).toEqual(['decimal(12,4)', 'smallint', 'tinyint', 'float', 'array<int>', 'map<string,int>', 'struct<x:int>', 'bigint']);
    });
  });

  describe('errors', () => {
    it('classifies a missing table as not_found with its SQLSTATE and without the Java stack trace', async () => {
      const error = await failure(engine.query(`SELECT * FROM ${schema}.no_such_table`));
      expect(error.kind).toBe('not_found');
      expect(error.sqlState).toBe('42P01');
      expect(error.message).toMatch(/^\[TABLE_OR_VIEW_NOT_FOUND\] The table or view `.*no_such_table` cannot be found/);
      expect(error.message).not.toMatch(/\n\s+at org\.apache/);
    });

    it('classifies a syntax error as sql', async () => {
      const error = await failure(engine.query('SELEC 1'));
      expect(error.kind).toBe('sql');
      expect(error.sqlState).toBe('42601');
      expect(error.message).toMatch(/PARSE_SYNTAX_ERROR/);
    });

    it('classifies a BIGINT sum past 2^63 as overflow', async () => {
      const error = await failure(
        engine.query('SELECT sum(x) AS s FROM VALUES (CAST(9223372036854775807 AS BIGINT)), (CAST(1 AS BIGINT)) AS t(x)'),
      );
      expect(error.kind).toBe('overflow');
      expect(error.sqlState).toBe('22003');
    });

    it('never puts the token in an error message, even when the server echoes it', async () => {
      const secretEngine = await DatabricksEngine.connect(inputsFor(sharedProxy, { token: 'dapiSECRET0123456789' }), noEnvironment);
      try {
        const error = await failure(secretEngine.query('SELECT * FROM table_dapiSECRET0123456789'));
        expect(error.kind).toBe('not_found');
        expect(error.message).toContain('table_***');
        expect(error.message).not.toContain('dapiSECRET0123456789');
        expect(String((error.cause as Error | undefined)?.message)).not.toContain('dapiSECRET0123456789');
      } finally {
        await secretEngine.close();
      }
    });

    it('authenticates a service principal through the driver\'s OAuth M2M flow, which refuses a non-Databricks host', async () => {
      const servicePrincipal = await DatabricksEngine.connect(
        inputsFor(sharedProxy, { token: undefined, clientId: 'sp-id', clientSecret: 'sp-secret-0123456789' }),
        noEnvironment,
      );
      try {
        const error = await failure(servicePrincipal.query('SELECT 1'));
        expect(error.kind).toBe('authentication');
        expect(error.message).toMatch(/OAuth is not supported for 127\.0\.0\.1/);
        expect(error.message).not.toContain('sp-secret-0123456789');
      } finally {
        await servicePrincipal.close();
      }
    });

    it('reports nothing listening on the port as a connection error', async () => {
      const closedPort = await DatabricksEngine.connect(inputsFor({ port: 9, caCertPem: spark.caCertPem }), noEnvironment);
      try {
        const error = await failure(closedPort.query('SELECT 1'));
        expect(error.kind).toBe('connection');
        expect(error.message).toMatch(/ECONNREFUSED/);
      } finally {
        await closedPort.close();
      }
    });

    it('reports a gateway answering 502 (Spark down behind it) as transient', async () => {
      const deadUpstream = await startThriftProxy({ upstreamPort: 9 });
      const gatewayOnly = await DatabricksEngine.connect(inputsFor(deadUpstream), noEnvironment);
      try {
        const error = await failure(gatewayOnly.query('SELECT 1'));
        expect(error.kind).toBe('transient');
        expect(error.message).toMatch(/502/);
      } finally {
        await gatewayOnly.close();
        await deadUpstream.close();
      }
    });
  });

  describe('session defaults', () => {
    it('resolves unqualified names in the configured catalog and schema, in UTC', async () => {
      const scoped = await DatabricksEngine.connect(
        inputsFor(sharedProxy, { catalog: 'spark_catalog', schema }),
        noEnvironment,
      );
      try {
        const result = await scoped.query(
          'SELECT current_catalog() AS catalog, current_schema() AS db, current_timezone() AS zone, count(*) AS n FROM fidelity',
        );
        expect(result.rows).toEqual([['spark_catalog', schema, 'UTC', '3']]);
      } finally {
        await scoped.close();
      }
    });

    it('quotes the schema name, so a name with a backtick is looked up rather than parsed', async () => {
      const odd = await DatabricksEngine.connect(inputsFor(sharedProxy, { schema: 'no`such schema' }), noEnvironment);
      try {
        const error = await failure(odd.query('SELECT 1'));
        expect(error.kind).toBe('not_found');
        expect(error.message).toMatch(/SCHEMA_NOT_FOUND/);
        expect(error.message).toContain('`no``such schema`');
      } finally {
        await odd.close();
      }
    });
  });

  describe('sessions, cancellation, time limits and concurrency', () => {
    let proxy: ThriftProxy;

    beforeAll(async () => {
      // A proxy of this block's own, to count what the engine does on the wire.
      proxy = await startThriftProxy({ upstreamPort: spark.upstreamPort });
    });

    afterAll(async () => {
      await proxy?.close();
    });

    function callsSince(before: Record<string, number>): Record<string, number> {
      const now = proxy.callCounts();
      return Object.fromEntries(Object.entries(now).map(([name, count]) => [name, count - (before[name] ?? 0)]));
    }

    it('closes a session whose statement failed, reuses one whose statement succeeded, and closes all on close()', async () => {
      const before = proxy.callCounts();
      const counted = await DatabricksEngine.connect(inputsFor(proxy), noEnvironment);
      await counted.query('SELECT 1');
      expect(callsSince(before)).toMatchObject({ OpenSession: 1 });
      expect(callsSince(before).CloseSession ?? 0).toBe(0);

      await failure(counted.query('SELECT * FROM no_such_table_here'));
      expect(callsSince(before)).toMatchObject({ OpenSession: 1, CloseSession: 1 });

      await counted.query('SELECT 2');
      await counted.query('SELECT 3');
      expect(callsSince(before)).toMatchObject({ OpenSession: 2, CloseSession: 1 });

      await counted.close();
      const calls = callsSince(before);
      expect(calls.CloseSession).toBe(calls.OpenSession);
      expect(calls.CloseOperation).toBeGreaterThanOrEqual(3);
    });

    it('closes the session when its start statements fail', async () => {
      const before = proxy.callCounts();
      const scoped = await DatabricksEngine.connect(inputsFor(proxy, { schema: 'no_such_schema_x' }), noEnvironment);
      const error = await failure(scoped.query('SELECT 1'));
      expect(error.kind).toBe('not_found');
      const calls = callsSince(before);
      expect(calls.OpenSession).toBe(1);
      expect(calls.CloseSession).toBe(1);
      await scoped.close();
    });

    it('cancels a running statement on the server when the caller aborts', async () => {
      const before = proxy.callCounts();
      const cancellable = await DatabricksEngine.connect(inputsFor(proxy), noEnvironment);
      try {
        const controller = new AbortController();
        const running = cancellable.query(HEAVY_QUERY, { signal: controller.signal });
        await new Promise((resolve) => setTimeout(resolve, 2000));
        const abortedAt = Date.now();
        controller.abort();
        const error = await failure(running);
        expect(error.kind).toBe('cancelled');
        expect(Date.now() - abortedAt).toBeLessThan(2000);
        expect(callsSince(before).CancelOperation).toBe(1);
        await expectServerIdle();
      } finally {
        await cancellable.close();
      }
      const calls = callsSince(before);
      expect(calls.CloseSession).toBe(calls.OpenSession);
    });

    it('does not send a statement whose signal aborted before it started', async () => {
      const before = proxy.callCounts();
      const idle = await DatabricksEngine.connect(inputsFor(proxy), noEnvironment);
      try {
        const error = await failure(idle.query('SELECT 1', { signal: AbortSignal.abort() }));
        expect(error.kind).toBe('cancelled');
        expect(callsSince(before).ExecuteStatement ?? 0).toBe(0);
      } finally {
        await idle.close();
      }
    });

    it('stops a statement that exceeds its time limit, on the server too', async () => {
      const limited = await DatabricksEngine.connect(inputsFor(proxy), noEnvironment);
      try {
        const startedAt = Date.now();
        const error = await failure(limited.query(HEAVY_QUERY, { timeoutSeconds: 2 }));
        expect(error.kind).toBe('timeout');
        expect(error.message).toMatch(/time limit of 2 s/);
        const elapsed = Date.now() - startedAt;
        expect(elapsed).toBeGreaterThanOrEqual(2000);
        expect(elapsed).toBeLessThan(8000);
        await expectServerIdle();
      } finally {
        await limited.close();
      }
    });

    it('cancels running statements and closes every session on close()', async () => {
      const before = proxy.callCounts();
      const closing = await DatabricksEngine.connect(inputsFor(proxy), noEnvironment);
      const running = closing.query(HEAVY_QUERY);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await closing.close();
      const error = await failure(running);
      expect(error.kind).toBe('cancelled');
      const calls = callsSince(before);
      expect(calls.CancelOperation).toBe(1);
      expect(calls.CloseSession).toBe(calls.OpenSession);
      await expect(closing.query('SELECT 1')).rejects.toMatchObject({ kind: 'cancelled' });
      await closing.close(); // safe twice
      await expectServerIdle();
    });

    /** Runs `count` one-second statements at once; returns how many were ever on the server together. */
    async function peakConcurrency(limitedEngine: DatabricksEngine, count: number): Promise<number> {
      const sql =
        "SELECT CAST(unix_micros(current_timestamp()) AS STRING) AS started, reflect('java.lang.Thread', 'sleep', CAST(1000 AS BIGINT)) AS slept";
      const spans = await Promise.all(
        Array.from({ length: count }, () =>
          limitedEngine.query(sql).then((result) => ({ start: Number(result.rows[0]![0]) / 1000, end: Date.now() })),
        ),
      );
      return Math.max(...spans.map((span) => spans.filter((other) => other.start <= span.start && span.start < other.end).length));
    }

    it('never runs more statements at once than maxConcurrentStatements, across callers', async () => {
      const before = proxy.callCounts();
      const twoAtATime = await DatabricksEngine.connect(inputsFor(proxy, { maxConcurrentStatements: 2 }), noEnvironment);
      try {
        expect(await peakConcurrency(twoAtATime, 6)).toBe(2);
        expect(callsSince(before).OpenSession).toBe(2);
      } finally {
        await twoAtATime.close();
      }
      // The same measurement sees more when the limit allows it.
      const sixAtATime = await DatabricksEngine.connect(inputsFor(proxy, { maxConcurrentStatements: 6 }), noEnvironment);
      try {
        expect(await peakConcurrency(sixAtATime, 6)).toBeGreaterThan(2);
      } finally {
        await sixAtATime.close();
      }
    });
  });
});
