/**
 * A backend is one engine as the rest of Recon Gate sees it: its name, the dialect its SQL is
 * written in, the settings it takes (as Action inputs and CLI flags), how it tells whether it has
 * credentials, where it keeps a results table, and how to open it. Engines and dialects do not
 * know each other; a backend is where one of each is put together.
 */
import type { ReconConfig } from '../config/recon-config.js';
import type { Engine } from '../engines/engine.js';
import type { EngineName } from '../query/engine-name.js';
import type { Dialect } from '../sql/dialect.js';

/** One setting of a backend, named once for the Action input, the CLI flag and open(). */
export interface BackendSetting {
  /** The key open() reads. */
  readonly key: string;
  /** The Action input, and the CLI flag where `flag` says so (kebab-case). */
  readonly input: string;
  /** Masked in the Action before anything else is read. */
  readonly secret?: boolean;
  /** Also a CLI flag; the others come from the environment on the command line. */
  readonly flag?: boolean;
  /** What is wrong with a given value, or undefined when it is fine. */
  check?(value: string): string | undefined;
}

/** Settings by key; a missing or empty one is left to the environment. */
export type BackendSettings = Record<string, string | undefined>;

export interface OpenRequest {
  config: ReconConfig;
  settings: BackendSettings;
  env: Record<string, string | undefined>;
}

/** Where `results_table` appends: a table of the run's own engine, or a database file of its own. */
export type HistoryTarget = { kind: 'table'; parts: string[] } | { kind: 'database-file'; engine: EngineName; file: string; parts: string[] };

export interface Backend {
  readonly name: EngineName;
  /** How people name it in prose. */
  readonly label: string;
  readonly dialect: Dialect;
  readonly settings: readonly BackendSetting[];
  /** Whether a credential is given (settings) or would be found (environment) when it opens. */
  hasCredentials(settings: BackendSettings, env: Record<string, string | undefined>): boolean;
  /** Reads the results_table option for this backend. */
  historyTarget(value: string): HistoryTarget | { error: string };
  open(request: OpenRequest): Promise<Engine>;
  /** Opens a database file as its own engine (a results_table file), for backends that have them. */
  openDatabaseFile?(file: string): Promise<Engine>;
}
