#!/usr/bin/env node
// The CLI is compiled from src/ into lib/ by `npm install` (the `prepare` script).
import '../lib/cli/main.js';
