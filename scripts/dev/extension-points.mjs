#!/usr/bin/env node
// How many source files name an engine or a check in their code (comments left out): the files a
// new engine or a new check would have to touch. `node scripts/dev/extension-points.mjs [--list]`.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const list = process.argv.includes('--list');

function sourceFiles(folder) {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return entry.name.endsWith('.ts') ? [file] : [];
  });
}

/** The code of a TypeScript file without its comments; strings and template literals are kept. */
function withoutComments(text) {
  let out = '';
  const templates = []; // brace depth inside each open `${`
  let i = 0;
  const inTemplate = () => templates.length > 0 && templates[templates.length - 1] === -1;
  while (i < text.length) {
    const c = text[i];
    const next = text[i + 1];
    if (inTemplate()) {
      if (c === '\\') { out += c + next; i += 2; continue; }
      if (c === '`') { templates.pop(); out += c; i++; continue; }
      if (c === '$' && next === '{') { templates[templates.length - 1] = 0; templates.push(0); out += '${'; i += 2; templates.pop(); templates[templates.length - 1] = 1; continue; }
      out += c; i++; continue;
    }
    if (c === '/' && next === '/') { while (i < text.length && text[i] !== '\n') i++; continue; }
    if (c === '/' && next === '*') { const end = text.indexOf('*/', i + 2); i = end === -1 ? text.length : end + 2; continue; }
    if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== c && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1); i = j + 1; continue;
    }
    if (c === '`') { templates.push(-1); out += c; i++; continue; }
    if (templates.length > 0 && c === '{') { templates[templates.length - 1]++; out += c; i++; continue; }
    if (templates.length > 0 && c === '}') {
      templates[templates.length - 1]--;
      if (templates[templates.length - 1] === 0) templates[templates.length - 1] = -1;
      out += c; i++; continue;
    }
    out += c; i++;
  }
  return out;
}

const files = sourceFiles(path.join(root, 'src')).map((file) => ({ name: path.relative(root, file), code: withoutComments(readFileSync(file, 'utf8')) }));

const engines = ['duckdb', 'databricks'];
const ownFiles = (engine, name) => name.startsWith(`src/engines/${engine}/`) || name.startsWith(`src/sql/dialects/${engine}`);
const report = (title, names) => {
  console.log(`${title}: ${names.length}`);
  if (list) for (const name of names) console.log(`  ${name}`);
};

for (const engine of engines) {
  const naming = files.filter((file) => !ownFiles(engine, file.name) && new RegExp(engine, 'i').test(file.code)).map((file) => file.name);
  report(`files outside the ${engine} engine and dialect that name it`, naming);
}

// Distinctive check names are matched as words; common words (schema, nulls, aggregates) only quoted.
const checks = {
  row_count: /\brow_count\b/,
  schema: /['"`]schema['"`]/,
  nulls: /['"`]nulls['"`]/,
  aggregates: /['"`]aggregates['"`]/,
  duplicate_keys: /\bduplicate_keys\b/,
  missing_rows: /\bmissing_rows\b/,
  extra_rows: /\bextra_rows\b/,
  value_mismatches: /\bvalue_mismatches\b/,
  row_hash: /\brow_hash\b/,
};
const perCheck = Object.entries(checks).map(([check, pattern]) => [check, files.filter((file) => pattern.test(file.code)).map((file) => file.name)]);
for (const [check, names] of perCheck) report(`files that name the check ${check}`, names);
const allChecks = ['row_count', 'duplicate_keys', 'missing_rows', 'extra_rows', 'value_mismatches', 'row_hash'];
const enumerating = files.filter((file) => allChecks.every((check) => checks[check].test(file.code))).map((file) => file.name);
report('files that name every join check and row_count (lists of all checks)', enumerating);
