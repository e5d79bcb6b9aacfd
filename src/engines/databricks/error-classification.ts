/**
 * Maps what `@databricks/sql` throws to an `EngineError` kind, keeping the server's SQLSTATE.
 * The driver's errors are told apart by shape, not by class: its error classes are not exported.
 *
 * - Statement failures arrive as `OperationStateError` (`errorCode` ERROR/CANCELED/CLOSED/TIMEOUT,
 *   `response.sqlState`, `response.errorMessage`); a warehouse may also fail the submit itself
 *   (`StatusError`, text only, SQLSTATE inside the text).
 * - HTTP failures arrive as `THTTPException` (`statusCode`) or, after the driver's retries, as a
 *   `HiveDriverError` "Hive driver: 502 when connecting to resource…"; socket and TLS failures
 *   as node-fetch `FetchError` (`code`).
 * Messages are cut to the server's own error text (Spark appends Java stack traces) and every
 * secret the engine knows is masked, in the message and in the `cause` kept for debugging.
 */
import { EngineError, type EngineErrorKind } from '../engine.js';

interface DriverErrorShape {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  errorCode?: unknown;
  statusCode?: unknown;
  type?: unknown;
  response?: { sqlState?: unknown; errorMessage?: unknown; displayMessage?: unknown };
}

const SQLSTATE_KINDS: Array<[RegExp, EngineErrorKind]> = [
  [/^42P01|^42704|^42703|^42P08/, 'not_found'], // table or view, schema, column, catalog
  [/^42501/, 'permission'],
  [/^28/, 'authentication'],
  [/^22003/, 'overflow'], // ARITHMETIC_OVERFLOW, NUMERIC_VALUE_OUT_OF_RANGE
  [/^57014/, 'cancelled'],
  [/^08/, 'connection'],
  [/^40001|^53/, 'transient'], // serialization failure (concurrent Delta writes), insufficient resources
];

const ERROR_CLASS_KINDS: Array<[RegExp, EngineErrorKind]> = [
  [/\[(TABLE_OR_VIEW_NOT_FOUND|SCHEMA_NOT_FOUND|CATALOG_NOT_FOUND|UNRESOLVED_COLUMN)\b/, 'not_found'],
  [/\[(PERMISSION_DENIED|INSUFFICIENT_PERMISSIONS)\b/, 'permission'],
  [/\[(ARITHMETIC_OVERFLOW|NUMERIC_VALUE_OUT_OF_RANGE)\b/, 'overflow'],
  [/\[QUERY_EXECUTION_TIMEOUT_EXCEEDED\b/, 'timeout'],
];

const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
const TRANSIENT_CODES = new Set(['ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ECONNABORTED', 'UND_ERR_SOCKET']);
const TLS_CODE = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/;

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** Spark's error text without the Thrift server's wrapper and the Java stack trace. */
export function conciseServerMessage(message: string): string {
  let concise = message.replace(/^org\.apache\.hive\.service\.cli\.HiveSQLException: (Error running query: )?/, '');
  concise = concise.replace(/^\[[A-Z0-9_.]+\] [\w.$]+(Exception|Error): \s*/, '');
  const stackStart = concise.search(/\n\s+at [\w$.<>/]+\(/);
  if (stackStart >= 0) concise = concise.slice(0, stackStart);
  return concise.trim();
}

export function maskSecrets(message: string, secrets: readonly string[]): string {
  let masked = message.replace(/(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/g, '$1 ***');
  for (const secret of secrets) {
    if (secret.length >= 4) masked = masked.split(secret).join('***');
  }
  return masked;
}

function sqlStateIn(error: DriverErrorShape, message: string): string | undefined {
  return text(error.response?.sqlState) ?? /SQLSTATE: ([0-9A-Z]{5})/.exec(message)?.[1];
}

function kindFromStatement(sqlState: string | undefined, message: string): EngineErrorKind {
  for (const [pattern, kind] of SQLSTATE_KINDS) if (sqlState && pattern.test(sqlState)) return kind;
  for (const [pattern, kind] of ERROR_CLASS_KINDS) if (pattern.test(message)) return kind;
  return 'sql';
}

function kindFromHttpStatus(status: number): EngineErrorKind {
  if (status === 401) return 'authentication';
  if (status === 403) return 'permission';
  if (status === 429 || status >= 500) return 'transient';
  return 'connection';
}

function httpStatusHint(status: number): string {
  if (status === 401) return ' (the token or service principal was rejected)';
  if (status === 403) return ' (not allowed to use this workspace or SQL warehouse)';
  if (status === 404) return ' (check the host and the SQL warehouse HTTP path)';
  return '';
}

interface Classified {
  kind: EngineErrorKind;
  message: string;
  sqlState?: string;
}

function classify(error: unknown): Classified {
  if (error instanceof EngineError) return { kind: error.kind, message: error.message, sqlState: error.sqlState };
  const shape: DriverErrorShape = typeof error === 'object' && error !== null ? (error as DriverErrorShape) : {};
  const rawMessage = text(shape.message) ?? String(error);

  switch (shape.errorCode) {
    case 'CANCELED':
    case 'CLOSED':
      return { kind: 'cancelled', message: 'the statement was cancelled' };
    case 'TIMEOUT':
      return { kind: 'timeout', message: 'the statement exceeded its time limit' };
    case 'ERROR':
    case 'UNKNOWN': {
      const serverText = text(shape.response?.displayMessage) ?? text(shape.response?.errorMessage) ?? rawMessage;
      const sqlState = sqlStateIn(shape, serverText);
      return { kind: kindFromStatement(sqlState, serverText), message: conciseServerMessage(serverText), sqlState };
    }
    default:
      break;
  }

  if (typeof shape.statusCode === 'number') {
    const status = shape.statusCode;
    return { kind: kindFromHttpStatus(status), message: `the server answered HTTP ${status}${httpStatusHint(status)}` };
  }
  const retriedStatus = /^Hive driver: (\d{3}) when connecting to resource/.exec(rawMessage)?.[1];
  if (retriedStatus !== undefined) {
    const status = Number(retriedStatus);
    return { kind: kindFromHttpStatus(status), message: `${rawMessage}${httpStatusHint(status)}` };
  }
  if (/when connecting to resource|Request timed out|session was closed or has expired/i.test(rawMessage)) {
    return { kind: 'transient', message: rawMessage };
  }

  const code = text(shape.code) ?? '';
  if (shape.name === 'FetchError' || code !== '') {
    if (UNREACHABLE_CODES.has(code)) return { kind: 'connection', message: `cannot reach the server: ${rawMessage}` };
    if (TRANSIENT_CODES.has(code)) return { kind: 'transient', message: `the connection broke: ${rawMessage}` };
    if (TLS_CODE.test(code) || TLS_CODE.test(rawMessage)) {
      return { kind: 'connection', message: `TLS failed: ${rawMessage}` };
    }
    if (shape.name === 'FetchError') return { kind: 'connection', message: rawMessage };
  }
  if (shape.name === 'AuthenticationError' || /\b(invalid_client|unauthorized_client|invalid_grant)\b/.test(rawMessage)) {
    return { kind: 'authentication', message: `authentication failed: ${rawMessage}` };
  }
  if (shape.name === 'Status Error') {
    const sqlState = sqlStateIn(shape, rawMessage);
    return { kind: kindFromStatement(sqlState, rawMessage), message: conciseServerMessage(rawMessage), sqlState };
  }
  return { kind: 'internal', message: rawMessage };
}

/** A driver failure as an `EngineError`; `context` says what the engine was doing. */
export function classifyDriverError(error: unknown, secrets: readonly string[], context?: string): EngineError {
  if (error instanceof EngineError && context === undefined) return error;
  const { kind, message, sqlState } = classify(error);
  const full = maskSecrets(context ? `${context}: ${message}` : message, secrets);
  const cause =
    error instanceof Error
      ? Object.assign(new Error(maskSecrets(error.message, secrets)), { name: error.name })
      : undefined;
  return new EngineError(kind, full, sqlState, cause ? { cause } : undefined);
}
