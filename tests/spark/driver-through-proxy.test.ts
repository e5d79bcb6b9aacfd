import { DBSQLClient } from '@databricks/sql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startThriftProxy, type ThriftProxy } from './support/thrift-proxy.js';

// The proxy's own contract, checked with the bare driver: what the engine tests stand on.
describe('the test proxy in front of Spark', () => {
  const spark = inject('spark');
  let client: DBSQLClient;

  beforeAll(async () => {
    client = new DBSQLClient({ logger: { log: () => undefined } });
    await client.connect({
      host: spark.host,
      port: spark.port,
      path: spark.httpPath,
      token: spark.token,
      customCaCert: spark.caCertPem,
      telemetryEnabled: false,
      retryMaxAttempts: 1,
    });
  });

  afterAll(async () => {
    await client?.close();
  });

  it('returns every column under its own name over verified TLS', async () => {
    const session = await client.openSession();
    try {
      const op = await session.executeStatement("SELECT 1 AS one, 'x' AS v");
      try {
        expect(await op.fetchAll()).toEqual([{ one: 1, v: 'x' }]);
      } finally {
        await op.close();
      }
    } finally {
      await session.close();
    }
  });

  it("carries Spark's error text into the driver's error message", async () => {
    const session = await client.openSession();
    try {
      const op = await session.executeStatement('SELECT * FROM no_such_table_anywhere');
      await expect(op.fetchAll()).rejects.toThrow(/TABLE_OR_VIEW_NOT_FOUND/);
      await op.close();
    } finally {
      await session.close();
    }
  });

  describe('when Spark is not reachable', () => {
    let deadProxy: ThriftProxy;

    beforeAll(async () => {
      // Port 9 (discard) on loopback has no listener here: the proxy must answer 502.
      deadProxy = await startThriftProxy({ upstreamPort: 9 });
    });

    afterAll(async () => {
      await deadProxy?.close();
    });

    it('answers 502', async () => {
      const deadClient = new DBSQLClient({ logger: { log: () => undefined } });
      await deadClient.connect({
        host: '127.0.0.1',
        port: deadProxy.port,
        path: '/cliservice',
        token: 'local',
        customCaCert: deadProxy.caCertPem,
        telemetryEnabled: false,
        retryMaxAttempts: 1,
      });
      try {
        await expect(deadClient.openSession()).rejects.toThrow(/502/);
      } finally {
        await deadClient.close();
      }
    });
  });
});
