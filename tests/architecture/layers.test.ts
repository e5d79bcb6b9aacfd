import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layers of src/ and what each may import. A layer imports only layers below it, so no import
 * runs back up and the folders form no cycle; the README's architecture section draws the same map.
 */
const ALLOWED: Record<string, readonly string[]> = {
  query: [],
  results: [],
  config: ['results'],
  waivers: ['config', 'results'],
  plan: ['config', 'results'],
  sql: ['query', 'config', 'plan', 'results'],
  engines: ['query'],
  backends: ['query', 'engines', 'sql', 'config'],
  report: ['results'],
  recon: ['query', 'results', 'config', 'waivers', 'plan', 'sql', 'engines', 'backends', 'report'],
  action: ['query', 'results', 'config', 'waivers', 'plan', 'sql', 'engines', 'backends', 'report', 'recon'],
  cli: ['query', 'results', 'config', 'waivers', 'plan', 'sql', 'engines', 'backends', 'report', 'recon'],
};

const SRC = path.resolve(__dirname, '../../src');

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Static and dynamic imports of our own modules, as absolute .ts paths. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:from\s+|import\s*\(\s*)'(\.{1,2}\/[^']+)'/g)].map((match) => match[1]!);
  return specifiers.map((specifier) => path.resolve(path.dirname(file), specifier).replace(/\.js$/, '.ts'));
}

/** The top folder under src/, or '' for a file at its root (tool-version.ts, which any layer may read). */
const layerOf = (file: string) => (path.relative(SRC, file).includes(path.sep) ? path.relative(SRC, file).split(path.sep)[0]! : '');

const files = sourceFiles(SRC);
const graph = new Map(files.map((file) => [file, importsOf(file)]));

describe('layers', () => {
  it('knows every folder of src/', () => {
    const folders = new Set(files.map(layerOf).filter((layer) => layer !== ''));
    expect([...folders].sort()).toEqual(Object.keys(ALLOWED).sort());
  });

  it('imports only from the layers below', () => {
    const upward: string[] = [];
    for (const [file, imports] of graph) {
      const from = layerOf(file);
      for (const target of imports) {
        const to = layerOf(target);
        if (to === from || to === '' || ALLOWED[from]?.includes(to)) continue;
        upward.push(`${path.relative(SRC, file)} imports ${path.relative(SRC, target)}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('has no import cycle between files', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, trail: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...trail.slice(trail.indexOf(file)), file].map((step) => path.relative(SRC, step)).join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const target of graph.get(file) ?? []) visit(target, [...trail, file]);
      state.set(file, 'done');
    };
    for (const file of files) visit(file, []);
    expect(cycles).toEqual([]);
  });

  it('resolves every relative import to a file', () => {
    const missing = [...graph].flatMap(([file, imports]) => imports.filter((target) => !graph.has(target)).map((target) => `${path.relative(SRC, file)} → ${target}`));
    expect(missing).toEqual([]);
  });
});
