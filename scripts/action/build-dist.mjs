#!/usr/bin/env node
// Bundles the compiled action (lib/action/main.js, from `npm run build:lib`) into one ESM file.
// Usage: node scripts/action/build-dist.mjs [outDir]   (default dist/; tests build into a temp dir)
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { DUCKDB, nccBundle, root } from '../bundle/ncc-bundle.mjs';

const outDir = path.resolve(process.argv[2] ?? path.join(root, 'dist'));

await nccBundle(path.join(root, 'lib/action/main.js'), outDir, { duckdbExternal: DUCKDB });
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

const list = (folder, prefix = '') =>
  readdirSync(folder, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? list(path.join(folder, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`]));
process.stdout.write(`dist: ${list(outDir).join(', ')}\n`);
