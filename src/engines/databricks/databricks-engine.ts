/**
 * The Databricks SQL engine on `@databricks/sql`: statements share a bounded number of slots and a
 * pool of sessions; each statement can be stopped by its caller's signal, by its time limit or by
 * `close()`, and every stop cancels the statement on the server, not just the wait for it.
 */
import { DBSQLClient } from '@databricks/sql';
import { type Engine, EngineError, type StatementOptions } from '../engine.js';
import { type QueryResult } from '../../query/query-result.js';
import { assertDistinctColumnNames, toRows } from './cell-conversion.js';
import { asEngineColumns, columnsFromSchema } from './column-types.js';
import {
  connectionSecrets,
  type DatabricksConnection,
  type DatabricksConnectionInputs,
  driverConnectOptions,
  resolveDatabricksConnection,
} from './connection-options.js';
import type { DriverOperation } from './driver-types.js';
import { classifyDriverError } from './error-classification.js';
import { isStatementStopped, RunningStatement, type StopReason } from './running-statement.js';
import { SessionPool } from './session-pool.js';
import { StatementSlots } from './statement-slots.js';

/**
 * The server enforces `queryTimeout` on clusters and OSS Spark; SQL warehouses ignore it, so the
 * engine also cancels the statement itself shortly after the limit.
 */
const CLIENT_TIMEOUT_GRACE_MS = 3000;

/** The driver logs to stdout by default; the engine reports through its errors instead. */
const silentLogger = { log: () => undefined };

export class DatabricksEngine implements Engine {
  readonly name = 'databricks' as const;
  private readonly slots: StatementSlots;
  private readonly sessions: SessionPool;
  private readonly running = new Set<RunningStatement>();
  /** Every query() call not yet settled, including those waiting for a slot. */
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly secrets: string[];
  private closing: Promise<void> | undefined;

  private constructor(
    private readonly client: DBSQLClient,
    connection: DatabricksConnection,
  ) {
    this.slots = new StatementSlots(connection.maxConcurrentStatements);
    this.sessions = new SessionPool(client, { catalog: connection.catalog, schema: connection.schema });
    this.secrets = connectionSecrets(connection);
  }

  /** Resolves the connection (inputs, then DATABRICKS_* variables) and connects the driver. */
  static async connect(
    inputs: DatabricksConnectionInputs = {},
    env: Record<string, string | undefined> = process.env,
  ): Promise<DatabricksEngine> {
    const connection = resolveDatabricksConnection(inputs, env);
    const client = new DBSQLClient({ logger: silentLogger });
    try {
      await client.connect(driverConnectOptions(connection));
    } catch (error) {
      await client.close().catch(() => undefined);
      throw classifyDriverError(error, connectionSecrets(connection), `cannot connect to ${connection.host}`);
    }
    return new DatabricksEngine(client, connection);
  }

  async query(sql: string, options: StatementOptions = {}): Promise<QueryResult> {
    const run = this.runStatement(sql, options);
    this.inFlight.add(run);
    try {
      return await run;
    } finally {
      this.inFlight.delete(run);
    }
  }

  close(): Promise<void> {
    this.closing ??= this.closeNow();
    return this.closing;
  }

  private async closeNow(): Promise<void> {
    for (const statement of this.running) statement.stop('closed');
    // Calls waiting for a slot get one as the running ones end, then see `closing` and stop.
    await Promise.allSettled([...this.inFlight]);
    await this.sessions.closeAll();
    await this.client.close().catch(() => undefined);
  }

  private async runStatement(sql: string, { signal, timeoutSeconds }: StatementOptions): Promise<QueryResult> {
    if (this.closing) throw new EngineError('cancelled', 'the Databricks engine is closed');
    if (timeoutSeconds !== undefined && !(timeoutSeconds > 0)) {
      throw new EngineError('internal', `timeoutSeconds must be positive, got ${timeoutSeconds}`);
    }

    let releaseSlot: () => void;
    try {
      releaseSlot = await this.slots.acquire(signal);
    } catch {
      throw this.stoppedError('cancelled', timeoutSeconds);
    }
    const statement = new RunningStatement();
    this.running.add(statement);
    if (this.closing) statement.stop('closed');
    const onAbort = () => statement.stop('cancelled');
    if (signal?.aborted) onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    const timer =
      timeoutSeconds === undefined
        ? undefined
        : setTimeout(() => statement.stop('timeout'), timeoutSeconds * 1000 + CLIENT_TIMEOUT_GRACE_MS);

    let session: Awaited<ReturnType<SessionPool['acquire']>> | undefined;
    let succeeded = false;
    try {
      statement.throwIfStopped();
      const opening = this.sessions.acquire();
      try {
        session = await statement.race(opening);
      } catch (error) {
        // Stopped while the session was opening: close it once it is open.
        opening.then((late) => this.sessions.release(late, false)).catch(() => undefined);
        throw error;
      }
      const operation = await session.executeStatement(sql, {
        ...(timeoutSeconds === undefined ? {} : { queryTimeout: Math.ceil(timeoutSeconds) }),
      });
      await statement.attach(operation);
      const result = await statement.race(readResult(operation));
      succeeded = true;
      return result;
    } catch (error) {
      const reason = statement.reason ?? (isStatementStopped(error) ? error.reason : undefined);
      if (reason) throw this.stoppedError(reason, timeoutSeconds, error);
      const classified = classifyDriverError(error, this.secrets);
      if (classified.kind === 'timeout' && timeoutSeconds !== undefined) {
        throw new EngineError('timeout', `the statement exceeded its time limit of ${timeoutSeconds} s`, classified.sqlState, {
          cause: classified,
        });
      }
      throw classified;
    } finally {
      signal?.removeEventListener('abort', onAbort);
      clearTimeout(timer);
      await statement.closeOperation();
      if (session) await this.sessions.release(session, succeeded);
      this.running.delete(statement);
      releaseSlot();
    }
  }

  private stoppedError(reason: StopReason, timeoutSeconds: number | undefined, cause?: unknown): EngineError {
    const driverError = cause === undefined || isStatementStopped(cause) ? undefined : cause;
    const options = driverError === undefined ? undefined : { cause: classifyDriverError(driverError, this.secrets) };
    switch (reason) {
      case 'timeout':
        return new EngineError('timeout', `the statement exceeded its time limit of ${timeoutSeconds} s`, undefined, options);
      case 'closed':
        return new EngineError('cancelled', 'the statement was cancelled because the Databricks engine closed', undefined, options);
      case 'cancelled':
        return new EngineError('cancelled', 'the statement was cancelled', undefined, options);
    }
  }
}

async function readResult(operation: DriverOperation): Promise<QueryResult> {
  // getSchema() waits for the statement to finish, so its errors surface here first.
  const columns = columnsFromSchema(await operation.getSchema());
  assertDistinctColumnNames(columns);
  const rowObjects = await operation.fetchAll();
  return { columns: asEngineColumns(columns), rows: toRows(rowObjects, columns) };
}
