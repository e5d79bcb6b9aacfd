/**
 * The backend's string settings (Action inputs, CLI) as the engine's typed connection inputs;
 * the DATABRICKS_* environment variables fill whatever is not given (see connection-options.ts).
 */
import { EngineError } from '../../engines/engine.js';
import type { DatabricksConnectionInputs } from '../../engines/databricks/connection-options.js';
import type { BackendSettings } from '../backend.js';

const TEXT_SETTINGS = ['host', 'httpPath', 'token', 'clientId', 'clientSecret', 'catalog', 'schema'] as const;
const INTEGER_SETTINGS = ['port', 'maxConcurrentStatements'] as const;
const KNOWN_SETTINGS = new Set<string>([...TEXT_SETTINGS, ...INTEGER_SETTINGS]);

function integerSetting(name: string, value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed)) throw new EngineError('connection', `Databricks setting ${name} must be an integer, got "${value}"`);
  return parsed;
}

export function databricksInputsFromSettings(settings: BackendSettings): DatabricksConnectionInputs {
  const unknown = Object.keys(settings).filter((name) => !KNOWN_SETTINGS.has(name));
  if (unknown.length > 0) {
    throw new EngineError('connection', `unknown Databricks setting(s): ${unknown.join(', ')}; known: ${[...KNOWN_SETTINGS].join(', ')}`);
  }
  const inputs: DatabricksConnectionInputs = {};
  for (const name of TEXT_SETTINGS) {
    const value = settings[name];
    if (value !== undefined && value !== '') inputs[name] = value;
  }
  for (const name of INTEGER_SETTINGS) {
    const value = settings[name];
    if (value !== undefined && value !== '') inputs[name] = integerSetting(name, value);
  }
  return inputs;
}
