import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfigText } from '../../src/config/load-config.js';
import type { ConfigError } from '../../src/config/config-error.js';
import type { PairConfig, ReconConfig } from '../../src/config/recon-config.js';
import type { AdversarialCase } from './adversarial-corpus.js';

export const PLANTED_SECRET = 'PLANTED-SECRET-9931';

export interface Playground {
  /** Holds the config and its data: the only folder the engine may read. */
  folder: string;
  /** Outside every source: must never be read into a result. */
  secretFile: string;
  /** Must never be written. */
  outFile: string;
}

/** A config folder with two small CSV tables, a secret file elsewhere and a path nothing may write. */
export function makePlayground(): Playground {
  const folder = mkdtempSync(path.join(tmpdir(), 'recon-containment-'));
  mkdirSync(path.join(folder, 'data'));
  const rows = (changed: boolean) => `id,name\n${[1, 2, 3, 4, 5].map((id) => `${id},${changed && id === 4 ? 'changed' : `name-${id}`}`).join('\n')}\n`;
  writeFileSync(path.join(folder, 'data', 'src.csv'), rows(false));
  writeFileSync(path.join(folder, 'data', 'tgt.csv'), rows(true));
  const elsewhere = mkdtempSync(path.join(tmpdir(), 'recon-secret-'));
  const secretFile = path.join(elsewhere, 'secret.csv');
  writeFileSync(secretFile, `${PLANTED_SECRET}\n`);
  return { folder, secretFile, outFile: path.join(elsewhere, 'written-by-attack.csv') };
}

export function fillPlaceholders(sql: string, playground: Playground, table: string): string {
  return sql.replaceAll('@OUT@', playground.outFile).replaceAll('@SECRET@', playground.secretFile).replaceAll('@TABLE@', table);
}

function yamlSide(field: 'filter' | 'query', sql: string, table: string): string {
  return field === 'query' ? `{ query: ${JSON.stringify(sql)} }` : `{ table: ${table}, filter: ${JSON.stringify(sql)} }`;
}

/** The config a PR author would write, as text, loaded the way every run loads it. */
export function loadAdversarialConfig(testCase: AdversarialCase, sql: string, tables: { source: string; target: string }, playground: Playground): { errors: ConfigError[]; config?: ReconConfig } {
  const text = `version: 1\nduckdb:\n  mount: data\npairs:\n  - name: attacked\n    source: ${yamlSide(testCase.field, sql, tables.source)}\n    target: { table: ${tables.target} }\n    primary_key: [id]\n`;
  const file = path.join(playground.folder, 'attacked.yml');
  writeFileSync(file, text);
  const loaded = loadConfigText(text, file);
  return { errors: loaded.errors, config: loaded.file ? { files: [loaded.file] } : undefined };
}

/**
 * The same pair as if the lexical guard had missed the SQL: what the engine alone must contain.
 * The config is loaded clean and the raw SQL put where the loader would have put it.
 */
export function configPastTheGuard(testCase: AdversarialCase, sql: string, tables: { source: string; target: string }, playground: Playground): ReconConfig {
  const clean = loadAdversarialConfig({ ...testCase, field: 'filter' }, '1 = 1', tables, playground);
  if (!clean.config) throw new Error(`the clean config did not load: ${JSON.stringify(clean.errors)}`);
  const file = clean.config.files[0]!;
  const pair = file.pairs[0]!;
  const source: PairConfig['source'] = testCase.field === 'query' ? { kind: 'query', sql } : { ...pair.source, filter: sql };
  return { files: [{ ...file, pairs: [{ ...pair, source }] }] };
}
