#!/usr/bin/env node
// The CLI is compiled from src/ into lib/ and bundled into lib/bundle/ by `npm install` (the
// prepare script, `npm run build:lib`): one bundled file starts several times faster than lib/'s modules.
import '../lib/bundle/index.js';
