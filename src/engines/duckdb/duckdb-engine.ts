import os from 'node:os';
import path from 'node:path';
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { duckdbDialect } from '../../sql/dialects/duckdb-dialect.js';
import type { Cell, Engine, QueryResult, StatementOptions } from '../engine.js';
import { EngineError } from '../engine.js';
import { classifyDuckdbError } from './duckdb-errors.js';
import { isMemorySize } from './memory-limit.js';
import { loadDuckdbModule } from './duckdb-module.js';
import { viewsInFolder } from './duckdb-mounts.js';

export interface DuckdbEngineOptions {
  /** A database file, or `:memory:` (the default). */
  database?: string;
  /** Folders whose files become `schema.table` views (see duckdb-mounts.ts). */
  mounts?: string[];
  /** Worker threads; DuckDB's default is one per core. */
  threads?: number;
  /**
   * DuckDB's `memory_limit` (e.g. `2GB`); past it, joins and aggregations spill to a temporary
   * folder. DuckDB runs inside the Node process, so this bounds the process's memory.
   */
  memoryLimit?: string;
}

function toCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return JSON.stringify(value);
}

/**
 * The embedded engine. Each statement gets its own connection so statements of different pairs
 * run in parallel and can be interrupted one by one.
 */
export class DuckdbEngine implements Engine {
  readonly name = 'duckdb' as const;
  private readonly running = new Set<DuckDBConnection>();
  private closed = false;

  private constructor(private readonly instance: DuckDBInstance) {}

  static async open(options: DuckdbEngineOptions = {}): Promise<DuckdbEngine> {
    const config: Record<string, string> = {};
    if (options.threads) config.threads = String(options.threads);
    if (options.memoryLimit) {
      if (!isMemorySize(options.memoryLimit)) throw new Error(`DuckDB did not accept the memory limit "${options.memoryLimit}": give a size such as 2GB or 512MiB`);
      config.memory_limit = options.memoryLimit;
      // An in-memory database would spill to `.tmp` in the working directory: the checkout.
      config.temp_directory = path.join(os.tmpdir(), `recon-gate-duckdb-${process.pid}`);
    }
    const { DuckDBInstance } = await loadDuckdbModule();
    const instance = await DuckDBInstance.create(options.database ?? ':memory:', config);
    const engine = new DuckdbEngine(instance);
    // Sessions run in UTC so zoned timestamps compare and print as UTC on every machine.
    await engine.execute("SET TimeZone = 'UTC'");
    for (const folder of options.mounts ?? []) await engine.mount(folder);
    return engine;
  }

  private async mount(folder: string): Promise<void> {
    const q = duckdbDialect.quoteIdentifier;
    for (const view of viewsInFolder(folder)) {
      const reader = view.format === 'parquet' ? 'read_parquet' : 'read_csv';
      await this.execute(`CREATE SCHEMA IF NOT EXISTS ${q(view.schema)}`);
      await this.execute(`CREATE OR REPLACE VIEW ${q(view.schema)}.${q(view.table)} AS SELECT * FROM ${reader}(${duckdbDialect.stringLiteral(view.file)})`);
    }
  }

  /** Runs a statement whose result is not needed (setup, fixtures in tests). */
  async execute(sql: string): Promise<void> {
    await this.query(sql);
  }

  async query(sql: string, options: StatementOptions = {}): Promise<QueryResult> {
    return this.withConnection(options, async (connection) => {
      const reader = await connection.runAndReadAll(sql);
      const names = reader.columnNames();
      const types = reader.columnTypes();
      return {
        columns: names.map((name, index) => ({ name, type: types[index]!.toString() })),
        rows: reader.getRowsJson().map((row) => row.map(toCell)),
      };
    });
  }

  private async withConnection<T>(options: StatementOptions, work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
    if (this.closed) throw new EngineError('cancelled', 'the engine is closed');
    if (options.signal?.aborted) throw new EngineError('cancelled', 'the statement was cancelled before it started');
    const connection = await this.instance.connect();
    this.running.add(connection);
    const state = { timedOut: false, cancelled: false };
    const onAbort = () => {
      state.cancelled = true;
      connection.interrupt();
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const timer = options.timeoutSeconds
      ? setTimeout(() => {
          state.timedOut = true;
          connection.interrupt();
        }, options.timeoutSeconds * 1000)
      : undefined;
    try {
      return await work(connection);
    } catch (error) {
      throw classifyDuckdbError(error, state);
    } finally {
      if (timer) clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      this.running.delete(connection);
      connection.closeSync();
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const connection of this.running) connection.interrupt();
    this.instance.closeSync();
  }
}
