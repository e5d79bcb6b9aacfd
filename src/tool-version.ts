import { createRequire } from 'node:module';

// Read at run time so the version in results.json always matches package.json.
const require = createRequire(import.meta.url);
function readVersion(): string {
  for (const candidate of ['../package.json', '../../package.json']) {
    try {
      const manifest = require(candidate) as { name?: string; version?: string };
      if (manifest.name === 'recon-gate' && manifest.version) return manifest.version;
    } catch {
      // try the next location: the file sits one level deeper in lib/ than in src/
    }
  }
  return '0.0.0';
}
export const TOOL_VERSION = readVersion();
