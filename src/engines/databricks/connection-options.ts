/**
 * Where the Databricks engine's connection comes from: explicit inputs first, then the standard
 * Databricks environment variables. Credentials are read here and nowhere else.
 */
import { EngineError } from '../engine.js';
import type { DriverConnectOptions } from './driver-types.js';

export interface DatabricksConnectionInputs {
  /** Workspace host, e.g. `dbc-123.cloud.databricks.com` (an `https://` prefix is accepted). */
  host?: string;
  port?: number;
  /** The SQL warehouse's HTTP path, e.g. `/sql/1.0/warehouses/abc`. */
  httpPath?: string;
  /** Personal access token. */
  token?: string;
  /** OAuth machine-to-machine: a service principal's client id and secret. */
  clientId?: string;
  clientSecret?: string;
  /** Catalog and schema that unqualified names resolve against. */
  catalog?: string;
  schema?: string;
  /** Statements running at once across all callers of one engine. Default 4. */
  maxConcurrentStatements?: number;
  /** Verify the server's TLS certificate (default true). */
  checkServerCertificate?: boolean;
  /** Extra trusted CA certificate (PEM), added to the built-in roots. */
  customCaCert?: string;
  /** Attempts per retryable driver request (default: the driver's 5). */
  retryMaxAttempts?: number;
  /** The driver's usage telemetry to Databricks. Default false. */
  telemetryEnabled?: boolean;
}

export type DatabricksAuth =
  | { kind: 'personal-access-token'; token: string }
  | { kind: 'oauth-m2m'; clientId: string; clientSecret: string };

export interface DatabricksConnection {
  host: string;
  port: number;
  httpPath: string;
  auth: DatabricksAuth;
  catalog?: string;
  schema?: string;
  maxConcurrentStatements: number;
  checkServerCertificate: boolean;
  customCaCert?: string;
  retryMaxAttempts?: number;
  telemetryEnabled: boolean;
}

const DEFAULT_PORT = 443;
const DEFAULT_MAX_CONCURRENT_STATEMENTS = 4;

type Environment = Record<string, string | undefined>;

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function portFrom(value: number | string | undefined, source: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  const port = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new EngineError('connection', `${source} must be a TCP port (1-65535), got "${String(value)}"`);
  }
  return port;
}

/** Accepts `host`, `host:port` and `https://host[:port][/]` as people paste them. */
function splitHost(raw: string): { host: string; port?: number } {
  const withoutScheme = raw.replace(/^https?:\/\//i, '').replace(/\/+$/, '');
  const match = /^(.*?)(?::(\d+))?$/.exec(withoutScheme);
  const host = match?.[1] ?? withoutScheme;
  return { host, port: match?.[2] === undefined ? undefined : Number(match[2]) };
}

/**
 * Credentials come as a whole from one place: when the inputs name any credential, the
 * environment's are ignored, so a token in the environment never overrides a service principal
 * given explicitly. A token wins over client credentials from the same place.
 */
function resolveAuth(inputs: DatabricksConnectionInputs, env: Environment): DatabricksAuth {
  const fromInputs = [inputs.token, inputs.clientId, inputs.clientSecret].some((v) => nonEmpty(v) !== undefined);
  const token = fromInputs ? nonEmpty(inputs.token) : nonEmpty(env.DATABRICKS_TOKEN);
  const clientId = fromInputs ? nonEmpty(inputs.clientId) : nonEmpty(env.DATABRICKS_CLIENT_ID);
  const clientSecret = fromInputs ? nonEmpty(inputs.clientSecret) : nonEmpty(env.DATABRICKS_CLIENT_SECRET);
  if (token) return { kind: 'personal-access-token', token };
  if (clientId && clientSecret) return { kind: 'oauth-m2m', clientId, clientSecret };
  if (clientId || clientSecret) {
    // Without a secret the driver would start a browser login (OAuth U2M), which a CI run cannot finish.
    throw new EngineError(
      'authentication',
      'OAuth machine-to-machine needs both a client id and a client secret (DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET)',
    );
  }
  throw new EngineError(
    'authentication',
    'no Databricks credentials: set DATABRICKS_TOKEN, or DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET for a service principal',
  );
}

export function resolveDatabricksConnection(
  inputs: DatabricksConnectionInputs = {},
  env: Environment = process.env,
): DatabricksConnection {
  const rawHost = nonEmpty(inputs.host) ?? nonEmpty(env.DATABRICKS_HOST);
  if (!rawHost) throw new EngineError('connection', 'no Databricks host: pass host or set DATABRICKS_HOST');
  const { host, port: portInHost } = splitHost(rawHost);

  const rawPath = nonEmpty(inputs.httpPath) ?? nonEmpty(env.DATABRICKS_HTTP_PATH);
  if (!rawPath) throw new EngineError('connection', 'no SQL warehouse HTTP path: pass httpPath or set DATABRICKS_HTTP_PATH');
  const httpPath = rawPath.startsWith('/') ? rawPath : `/${rawPath}`;

  const port =
    portFrom(inputs.port, 'port') ?? portFrom(env.DATABRICKS_PORT, 'DATABRICKS_PORT') ?? portInHost ?? DEFAULT_PORT;

  const maxConcurrentStatements = inputs.maxConcurrentStatements ?? DEFAULT_MAX_CONCURRENT_STATEMENTS;
  if (!Number.isInteger(maxConcurrentStatements) || maxConcurrentStatements < 1) {
    throw new EngineError('internal', `maxConcurrentStatements must be a positive integer, got ${maxConcurrentStatements}`);
  }

  return {
    host,
    port,
    httpPath,
    auth: resolveAuth(inputs, env),
    catalog: nonEmpty(inputs.catalog) ?? nonEmpty(env.DATABRICKS_CATALOG),
    schema: nonEmpty(inputs.schema) ?? nonEmpty(env.DATABRICKS_SCHEMA),
    maxConcurrentStatements,
    checkServerCertificate: inputs.checkServerCertificate ?? true,
    customCaCert: inputs.customCaCert,
    retryMaxAttempts: inputs.retryMaxAttempts,
    telemetryEnabled: inputs.telemetryEnabled ?? false,
  };
}

/** The options `DBSQLClient.connect` takes for a resolved connection. */
export function driverConnectOptions(connection: DatabricksConnection): DriverConnectOptions {
  const common = {
    host: connection.host,
    port: connection.port,
    path: connection.httpPath,
    checkServerCertificate: connection.checkServerCertificate,
    telemetryEnabled: connection.telemetryEnabled,
    // Only changes Arrow results (warehouses): BIGINT as bigint and DECIMAL as exact text.
    preserveBigNumericPrecision: true,
    ...(connection.customCaCert === undefined ? {} : { customCaCert: connection.customCaCert }),
    ...(connection.retryMaxAttempts === undefined ? {} : { retryMaxAttempts: connection.retryMaxAttempts }),
  };
  if (connection.auth.kind === 'personal-access-token') {
    return { ...common, authType: 'access-token', token: connection.auth.token };
  }
  return {
    ...common,
    authType: 'databricks-oauth',
    oauthClientId: connection.auth.clientId,
    oauthClientSecret: connection.auth.clientSecret,
  };
}

/** Strings that must never appear in an error message or log line. */
export function connectionSecrets(connection: DatabricksConnection): string[] {
  return connection.auth.kind === 'personal-access-token' ? [connection.auth.token] : [connection.auth.clientSecret];
}
