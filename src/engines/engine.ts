/**
 * What the reconciliation needs from a SQL engine, and nothing more: run a statement (with its
 * result's column metadata), cancel, close. Engines know SQL text only; they never see the plan,
 * the results model, reports or GitHub.
 */
import type { EngineName } from '../query/engine-name.js';
import type { QueryResult } from '../query/query-result.js';

export interface StatementOptions {
  /** Abort the statement on the engine after this many seconds. */
  timeoutSeconds?: number;
  /** Cancel the statement on the engine when this signal aborts. */
  signal?: AbortSignal;
}

export interface Engine {
  readonly name: EngineName;
  /** Runs one statement and returns all of its rows (callers only send bounded queries). */
  query(sql: string, options?: StatementOptions): Promise<QueryResult>;
  /**
   * Refuses a side's SELECT (a table, a file or a config's query, with its filters) unless the
   * engine's own parser reads it as exactly one SELECT; called before the side is first read.
   * Engines whose SQL cannot escape the statement it is embedded in leave it out.
   */
  refuseUnlessOneSelect?(selectSql: string, options?: StatementOptions): Promise<void>;
  /** Cancels running statements and releases sessions and connections. Safe to call twice. */
  close(): Promise<void>;
}

/** A failure the engine reports, classified so callers can tell the user what to do. */
export type EngineErrorKind =
  | 'connection' // warehouse unreachable, TLS, DNS
  | 'authentication' // bad token, expired secret
  | 'permission' // authenticated but not allowed to read
  | 'not_found' // table, schema or column does not exist
  | 'sql' // syntax or semantic error in a statement
  | 'timeout' // statement exceeded its time limit
  | 'cancelled' // cancelled by the user or the run
  | 'overflow' // arithmetic overflow while computing an aggregate
  | 'transient' // worth retrying: HTTP 429/503, connection reset, warehouse starting
  | 'refused' // not run: more than one statement, or a file or setting the lockdown forbids
  | 'internal';

export class EngineError extends Error {
  constructor(
    readonly kind: EngineErrorKind,
    message: string,
    readonly sqlState?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'EngineError';
  }
}
