import { describe, expect, it } from 'vitest';
import { EngineError } from '../../src/engines/engine.js';
import { classifyDriverError, conciseServerMessage } from '../../src/engines/databricks/error-classification.js';

const statementFailure = (sqlState: string | undefined, errorMessage: string) =>
  Object.assign(new Error('The operation failed due to an error'), { errorCode: 'ERROR', response: { sqlState, errorMessage } });

describe('Databricks error classification', () => {
  it.each([
    ['42P01', '[TABLE_OR_VIEW_NOT_FOUND] The table or view `t` cannot be found.', 'not_found'],
    ['42704', '[SCHEMA_NOT_FOUND] The schema `s` cannot be found.', 'not_found'],
    ['42601', "[PARSE_SYNTAX_ERROR] Syntax error at or near 'SELEC'.", 'sql'],
    ['22003', '[ARITHMETIC_OVERFLOW] long overflow.', 'overflow'],
    ['42501', '[INSUFFICIENT_PERMISSIONS] User does not have SELECT on table.', 'permission'],
    [undefined, '[PERMISSION_DENIED] User does not have USE SCHEMA.', 'permission'],
    ['22012', '[DIVIDE_BY_ZERO] Division by zero.', 'sql'],
  ] as const)('maps SQLSTATE %s to its kind', (sqlState, message, kind) => {
    const error = classifyDriverError(statementFailure(sqlState, message), []);
    expect(error).toBeInstanceOf(EngineError);
    expect(error.kind).toBe(kind);
    expect(error.sqlState).toBe(sqlState);
  });

  it('finds the SQLSTATE in the text when the driver only kept the message', () => {
    const error = classifyDriverError(
      Object.assign(new Error('[TABLE_OR_VIEW_NOT_FOUND] The table or view `t` cannot be found. SQLSTATE: 42P01'), { name: 'Status Error' }),
      [],
    );
    expect(error).toMatchObject({ kind: 'not_found', sqlState: '42P01' });
  });

  it('maps the operation states the driver reports', () => {
    expect(classifyDriverError(Object.assign(new Error('x'), { errorCode: 'CANCELED' }), []).kind).toBe('cancelled');
    expect(classifyDriverError(Object.assign(new Error('x'), { errorCode: 'TIMEOUT' }), []).kind).toBe('timeout');
  });

  it('maps HTTP statuses and socket failures', () => {
    expect(classifyDriverError(Object.assign(new Error('bad status'), { statusCode: 401 }), []).kind).toBe('authentication');
    expect(classifyDriverError(Object.assign(new Error('bad status'), { statusCode: 403 }), []).kind).toBe('permission');
    expect(classifyDriverError(Object.assign(new Error('bad status'), { statusCode: 503 }), []).kind).toBe('transient');
    expect(classifyDriverError(new Error('Hive driver: 429 when connecting to resource. Max retry count exceeded.'), []).kind).toBe(
      'transient',
    );
    const refused = Object.assign(new Error('request to https://h/p failed, reason: connect ECONNREFUSED'), {
      name: 'FetchError',
      code: 'ECONNREFUSED',
    });
    expect(classifyDriverError(refused, []).kind).toBe('connection');
    const selfSigned = Object.assign(new Error('self-signed certificate'), { name: 'FetchError', code: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
    expect(classifyDriverError(selfSigned, []).message).toMatch(/^TLS failed/);
    expect(classifyDriverError(Object.assign(new Error('Failed to fetch access token'), { name: 'AuthenticationError' }), []).kind).toBe(
      'authentication',
    );
  });

  it('masks every secret and bearer token, in the message and in the cause', () => {
    const leaky = statementFailure('42P01', 'table dapiSECRET123 not found; header Authorization: Bearer abc.def-ghi');
    const error = classifyDriverError(leaky, ['dapiSECRET123']);
    expect(error.message).toBe('table *** not found; header Authorization: Bearer ***');
    expect((error.cause as Error).message).not.toContain('dapiSECRET123');
  });

  it("cuts Spark's wrapper and Java stack trace from the message", () => {
    const raw =
      'org.apache.hive.service.cli.HiveSQLException: Error running query: [PARSE_SYNTAX_ERROR] org.apache.spark.sql.catalyst.parser.ParseException: \n' +
      "[PARSE_SYNTAX_ERROR] Syntax error at or near 'SELEC'. SQLSTATE: 42601 (line 1, pos 0)\n\n== SQL ==\nSELEC 1\n^^^\n\n" +
      '\tat org.apache.spark.sql.hive.thriftserver.HiveThriftServerErrors$.runningQueryError(HiveThriftServerErrors.scala:43)\n';
    expect(conciseServerMessage(raw)).toBe(
      "[PARSE_SYNTAX_ERROR] Syntax error at or near 'SELEC'. SQLSTATE: 42601 (line 1, pos 0)\n\n== SQL ==\nSELEC 1\n^^^",
    );
  });
});
