#!/usr/bin/env node
// Bundles the compiled CLI (lib/cli/main.js, from tsc) into lib/bundle/, which bin/recon-gate.js
// runs: Node loads one file in a fraction of the time it takes to resolve and read the hundreds
// of modules behind the CLI (exceljs alone is several hundred), and every run pays that at start.
// Runs as part of `npm run build:lib`, so `npm install` (the prepare script) builds it.
import path from 'node:path';
import { DUCKDB_BINDINGS, nccBundle, root } from '../bundle/ncc-bundle.mjs';

await nccBundle(path.join(root, 'lib/cli/main.js'), path.join(root, 'lib/bundle'), { duckdbExternal: DUCKDB_BINDINGS });
