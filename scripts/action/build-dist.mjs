#!/usr/bin/env node
// Bundles the compiled action (lib/action/main.js, from `npm run build:lib`) into one ESM file.
// Usage: node scripts/action/build-dist.mjs [outDir]   (default dist/; tests build into a temp dir)
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const outDir = path.resolve(process.argv[2] ?? path.join(root, 'dist'));
const ncc = createRequire(import.meta.url)('@vercel/ncc');

// Native modules stay out of the bundle: a .node binary is for one platform only. DuckDB is
// imported at run time (installed on demand, see src/action/duckdb-install.ts); the Databricks
// driver's optional LZ4 codec and Rust kernel are optional and unused by recon-gate.
const DUCKDB = '@duckdb/node-api';
const externals = {
  [DUCKDB]: DUCKDB,
  'lz4-napi': 'lz4-napi',
  '/^@databricks\\/databricks-sql-kernel-.*$/': '$0',
};

const { code, assets } = await ncc(path.join(root, 'lib/action/main.js'), {
  // No cache and no source map: the output depends on the inputs alone, so a rebuild is identical.
  cache: false,
  sourceMap: false,
  minify: false,
  externals,
  quiet: true,
});

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
writeFileSync(path.join(outDir, 'index.js'), code);
for (const [name, asset] of Object.entries(assets)) {
  const file = path.join(outDir, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, asset.source, { mode: asset.permissions });
}
// Files the report code reads at run time through require.resolve, which ncc leaves as it is:
// placed where Node's resolution from dist/index.js finds them (dist/node_modules/<specifier>),
// so the PNG charts are drawn when the action runs from its own checkout, without node_modules.
const RUNTIME_FILES = ['@resvg/resvg-wasm/index_bg.wasm', 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf'];
const requireFromRoot = createRequire(path.join(root, 'package.json'));
for (const specifier of RUNTIME_FILES) {
  const file = path.join(outDir, 'node_modules', ...specifier.split('/'));
  mkdirSync(path.dirname(file), { recursive: true });
  copyFileSync(requireFromRoot.resolve(specifier), file);
}

// The repository ignores every node_modules/; these files are part of the action and committed.
writeFileSync(path.join(outDir, '.gitignore'), '!node_modules/\n');

// ncc's ESM output needs its own package scope ("type": "module"). It also carries what
// src/tool-version.ts reads at run time, because ncc does not inline a manifest read through
// createRequire: the version, and the DuckDB version the action installs on demand.
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const distManifest = {
  name: manifest.name,
  version: manifest.version,
  private: true,
  type: 'module',
  dependencies: { [DUCKDB]: manifest.dependencies[DUCKDB] },
};
writeFileSync(path.join(outDir, 'package.json'), `${JSON.stringify(distManifest, null, 2)}\n`);

const list = (folder, prefix = '') =>
  readdirSync(folder, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? list(path.join(folder, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`]));
process.stdout.write(`dist: ${list(outDir).join(', ')}\n`);
