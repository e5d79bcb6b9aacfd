import { describe, expect, it } from 'vitest';
import {
  connectionSecrets,
  driverConnectOptions,
  resolveDatabricksConnection,
} from '../../src/engines/databricks/connection-options.js';
import { databricksInputsFromSettings } from '../../src/backends/databricks/databricks-settings.js';
import { sessionStartStatements } from '../../src/engines/databricks/session-defaults.js';

const warehouseEnv = {
  DATABRICKS_HOST: 'https://dbc-123.cloud.databricks.com/',
  DATABRICKS_HTTP_PATH: 'sql/1.0/warehouses/abc',
  DATABRICKS_TOKEN: 'dapi-env-token',
};

describe('Databricks connection options', () => {
  it('reads the DATABRICKS_* variables as people paste them', () => {
    const connection = resolveDatabricksConnection({}, warehouseEnv);
    expect(connection).toMatchObject({
      host: 'dbc-123.cloud.databricks.com',
      port: 443,
      httpPath: '/sql/1.0/warehouses/abc',
      auth: { kind: 'personal-access-token', token: 'dapi-env-token' },
      maxConcurrentStatements: 4,
      checkServerCertificate: true,
      telemetryEnabled: false,
    });
  });

  it('takes the port from the input, DATABRICKS_PORT or the host, in that order', () => {
    expect(resolveDatabricksConnection({ host: 'h:8443' }, warehouseEnv).port).toBe(8443);
    expect(resolveDatabricksConnection({ host: 'h:8443' }, { ...warehouseEnv, DATABRICKS_PORT: '9443' }).port).toBe(9443);
    expect(resolveDatabricksConnection({ host: 'h:8443', port: 10443 }, warehouseEnv).port).toBe(10443);
    expect(() => resolveDatabricksConnection({ port: 70000 }, warehouseEnv)).toThrow(/TCP port/);
  });

  it('uses a service principal (OAuth M2M) when given a client id and secret', () => {
    const env = { ...warehouseEnv, DATABRICKS_TOKEN: undefined, DATABRICKS_CLIENT_ID: 'sp-id', DATABRICKS_CLIENT_SECRET: 'sp-secret' };
    const connection = resolveDatabricksConnection({}, env);
    expect(connection.auth).toEqual({ kind: 'oauth-m2m', clientId: 'sp-id', clientSecret: 'sp-secret' });
    expect(driverConnectOptions(connection)).toMatchObject({
      authType: 'databricks-oauth',
      oauthClientId: 'sp-id',
      oauthClientSecret: 'sp-secret',
      host: 'dbc-123.cloud.databricks.com',
      path: '/sql/1.0/warehouses/abc',
      telemetryEnabled: false,
    });
    expect(connectionSecrets(connection)).toEqual(['sp-secret']);
  });

  it('never starts a browser login: a client id without a secret is an authentication error', () => {
    expect(() => resolveDatabricksConnection({ clientId: 'sp-id' }, warehouseEnv)).toThrow(
      expect.objectContaining({ kind: 'authentication', message: expect.stringMatching(/client secret/) }),
    );
  });

  it('takes credentials as a whole from the inputs when the inputs name any', () => {
    const connection = resolveDatabricksConnection({ clientId: 'sp-id', clientSecret: 'sp-secret' }, warehouseEnv);
    expect(connection.auth.kind).toBe('oauth-m2m');
  });

  it('passes a personal access token and the test-only TLS options through to the driver', () => {
    const options = driverConnectOptions(
      resolveDatabricksConnection(
        { token: 'dapi-input', customCaCert: 'PEM', checkServerCertificate: true, retryMaxAttempts: 1 },
        warehouseEnv,
      ),
    );
    expect(options).toMatchObject({ authType: 'access-token', token: 'dapi-input', customCaCert: 'PEM', retryMaxAttempts: 1 });
  });

  it('says what is missing', () => {
    expect(() => resolveDatabricksConnection({}, {})).toThrow(expect.objectContaining({ kind: 'connection', message: expect.stringMatching(/DATABRICKS_HOST/) }));
    expect(() => resolveDatabricksConnection({}, { DATABRICKS_HOST: 'h' })).toThrow(/DATABRICKS_HTTP_PATH/);
    expect(() => resolveDatabricksConnection({}, { DATABRICKS_HOST: 'h', DATABRICKS_HTTP_PATH: '/p' })).toThrow(
      expect.objectContaining({ kind: 'authentication' }),
    );
  });

  it('reads string settings from the CLI and rejects names it does not know', () => {
    expect(databricksInputsFromSettings({ host: 'h', port: '443', maxConcurrentStatements: '2', schema: undefined })).toEqual({
      host: 'h',
      port: 443,
      maxConcurrentStatements: 2,
    });
    expect(() => databricksInputsFromSettings({ hostname: 'h' })).toThrow(/unknown Databricks setting\(s\): hostname/);
  });

  it('starts every session in UTC and in the configured catalog and schema, quoted', () => {
    expect(sessionStartStatements({})).toEqual(["SET TIME ZONE 'UTC'"]);
    expect(sessionStartStatements({ catalog: 'main', schema: 'we`ird' })).toEqual([
      "SET TIME ZONE 'UTC'",
      'SET CATALOG `main`',
      'USE SCHEMA `we``ird`',
    ]);
  });
});
