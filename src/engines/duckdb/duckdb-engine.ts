import os from 'node:os';
import path from 'node:path';
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { duckdbStringLiteral, quoteDuckdbIdentifier } from '../../query/duckdb-quoting.js';
import type { Cell, QueryResult } from '../../query/query-result.js';
import type { Engine, StatementOptions } from '../engine.js';
import { EngineError } from '../engine.js';
import { classifyDuckdbError } from './duckdb-errors.js';
import { isMemorySize } from './memory-limit.js';
import { loadDuckdbModule } from './duckdb-module.js';
import { viewsInFolder } from './duckdb-mounts.js';
import { asDirectoryPrefix, type FileAccess } from './file-access.js';

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
  /**
   * What the engine may read on disk besides mounted folders: the configured `file:` sources.
   * Every run is locked down (see file-access.ts); `'unrestricted'` is for test fixtures and the
   * bench that write their own data, never for a run of configs.
   */
  access?: FileAccess | 'unrestricted';
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
    const config: Record<string, string> = {
      // Extensions the engine needs (parquet, json, icu) are built in; nothing is fetched or
      // loaded on demand, so SQL cannot pull in httpfs or any other extension.
      autoinstall_known_extensions: 'false',
      autoload_known_extensions: 'false',
    };
    if (options.threads) config.threads = String(options.threads);
    let spillFolder: string | undefined;
    if (options.memoryLimit) {
      if (!isMemorySize(options.memoryLimit)) throw new Error(`DuckDB did not accept the memory limit "${options.memoryLimit}": give a size such as 2GB or 512MiB`);
      config.memory_limit = options.memoryLimit;
      // An in-memory database would spill to `.tmp` in the working directory: the checkout.
      spillFolder = path.join(os.tmpdir(), `recon-gate-duckdb-${process.pid}`);
      config.temp_directory = spillFolder;
    }
    const { DuckDBInstance } = await loadDuckdbModule();
    const instance = await DuckDBInstance.create(options.database ?? ':memory:', config);
    const engine = new DuckdbEngine(instance);
    try {
      // Sessions run in UTC so zoned timestamps compare and print as UTC on every machine.
      await engine.execute("SET TimeZone = 'UTC'");
      const mountedFiles: string[] = [];
      for (const folder of options.mounts ?? []) mountedFiles.push(...(await engine.mount(folder)));
      if (options.access !== 'unrestricted') {
        const access = options.access ?? { files: [], directories: [] };
        await engine.lockDown({
          files: [...access.files, ...mountedFiles],
          directories: [...access.directories, ...(spillFolder ? [spillFolder] : [])],
        });
      }
    } catch (error) {
      await engine.close();
      throw error;
    }
    return engine;
  }

  /** Creates a view per file of the folder; returns the files, which the lockdown must allow. */
  private async mount(folder: string): Promise<string[]> {
    const q = quoteDuckdbIdentifier;
    const views = viewsInFolder(folder);
    for (const view of views) {
      const reader = view.format === 'parquet' ? 'read_parquet' : 'read_csv';
      await this.execute(`CREATE SCHEMA IF NOT EXISTS ${q(view.schema)}`);
      await this.execute(`CREATE OR REPLACE VIEW ${q(view.schema)}.${q(view.table)} AS SELECT * FROM ${reader}(${duckdbStringLiteral(view.file)})`);
    }
    return views.map((view) => view.file);
  }

  /**
   * From here on the engine reads only the given files and folders, writes no file (except its
   * own spill files), loads no extension, and no statement can undo any of it.
   */
  private async lockDown(access: FileAccess): Promise<void> {
    const list = (values: string[]) => `[${values.map((value) => duckdbStringLiteral(value)).join(', ')}]`;
    if (access.directories.length > 0) await this.execute(`SET allowed_directories = ${list([...new Set(access.directories.map(asDirectoryPrefix))])}`);
    if (access.files.length > 0) await this.execute(`SET allowed_paths = ${list([...new Set(access.files.map((file) => path.resolve(file)))])}`);
    await this.execute('SET enable_external_access = false');
    await this.execute('SET lock_configuration = true');
  }

  /** Runs a statement whose result is not needed (setup, fixtures in tests). */
  async execute(sql: string): Promise<void> {
    await this.query(sql);
  }

  async query(sql: string, options: StatementOptions = {}): Promise<QueryResult> {
    return this.withConnection(options, async (connection) => {
      // DuckDB would run every statement of a text; one execution is one statement, checked by
      // DuckDB's own parser, whatever a config's SQL managed to smuggle past the lexical guard.
      const extracted = await connection.extractStatements(sql);
      if (extracted.count !== 1) {
        throw new EngineError('refused', `the statement text holds ${extracted.count} statements and was not run: Recon Gate runs exactly one per execution`);
      }
      const prepared = await extracted.prepare(0);
      const reader = await prepared.runAndReadAll();
      const names = reader.columnNames();
      const types = reader.columnTypes();
      return {
        columns: names.map((name, index) => ({ name, type: types[index]!.toString() })),
        rows: reader.getRowsJson().map((row) => row.map(toCell)),
      };
    });
  }

  /**
   * A side (table, file, or a config's query with its filters) is read through one SELECT; DuckDB's
   * own parser confirms that before the side is first described, so text that closes our
   * parentheses to become something else never reaches a run.
   */
  async refuseUnlessOneSelect(relationSql: string, options: StatementOptions = {}): Promise<void> {
    const result = await this.query(`SELECT CAST(json_serialize_sql(${duckdbStringLiteral(relationSql)}) AS VARCHAR)`, options);
    const parsed = JSON.parse(result.rows[0]?.[0] ?? '{}') as { error?: boolean; error_message?: string; statements?: unknown[] };
    if (parsed.error) {
      // A syntax error is left to the statement itself, which reports it with its position.
      if (/only select/i.test(parsed.error_message ?? '')) throw new EngineError('refused', 'the side is not a single SELECT and was not run');
      return;
    }
    if ((parsed.statements?.length ?? 0) !== 1) throw new EngineError('refused', `the side holds ${parsed.statements?.length ?? 0} statements and was not run: a side is one SELECT`);
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
