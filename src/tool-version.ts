import { createRequire } from 'node:module';

interface Manifest {
  name?: string;
  version?: string;
  dependencies?: Record<string, string>;
}

/**
 * Read at run time so the version in results.json always matches package.json. From src/ and lib/
 * that is the repository's package.json one folder up; the action's bundle (dist/index.js) reads
 * dist/package.json, which the bundler writes with the name, version and pins it needs, because
 * ncc does not inline a manifest read through createRequire.
 */
function readManifest(): Manifest {
  const require = createRequire(import.meta.url);
  for (const candidate of ['./package.json', '../package.json']) {
    try {
      const manifest = require(candidate) as Manifest;
      if (manifest.name === 'recon-gate' && manifest.version) return manifest;
    } catch {
      // not at this location: try the next one
    }
  }
  return {};
}

const manifest = readManifest();

export const TOOL_VERSION = manifest.version ?? '0.0.0';

/** The exact version package.json pins, e.g. for installing a native module on demand. */
export function pinnedDependencyVersion(name: string): string | undefined {
  return manifest.dependencies?.[name];
}
