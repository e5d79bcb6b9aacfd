/**
 * The peers: reladiff (join-diff) and datacompy, run from a Python venv the benchmark creates
 * on first use under the cache folder, from bench/peers/requirements.txt. None of their code is
 * in this repository. A peer that cannot be installed or fails is reported with the reason, and
 * the benchmark goes on.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchCacheFolder, COMPARED_COLUMNS, KEY_COLUMNS, SOURCE_TABLE, TARGET_TABLE, TOLERANCES } from './bench-data.mjs';

const benchFolder = path.dirname(fileURLToPath(import.meta.url));
const peersFolder = path.join(benchFolder, 'peers');
const requirementsFile = path.join(peersFolder, 'requirements.txt');

/**
 * reladiff runs on the same DuckDB release as the Node engine, so the comparison is between the
 * tools and not between DuckDB versions: the Python package is pinned to the version of the
 * installed @duckdb/node-api (`1.5.5-r.5` → `duckdb==1.5.5`).
 */
function engineDuckdbPin() {
  try {
    const manifest = JSON.parse(readFileSync(path.join(benchFolder, '..', 'node_modules', '@duckdb', 'node-api', 'package.json'), 'utf8'));
    const release = /^(\d+\.\d+\.\d+)/.exec(manifest.version)?.[1];
    return release ? `duckdb==${release}` : undefined;
  } catch {
    return undefined;
  }
}

export function peerVenvFolder() {
  return path.join(benchCacheFolder(), 'bench-venv');
}

function pythonOf(venv) {
  return path.join(venv, process.platform === 'win32' ? 'Scripts/python.exe' : 'bin/python');
}

/**
 * Creates the venv and installs the pinned peers, once per requirements file: a marker holds the
 * hash of the requirements it was built from, so editing them reinstalls.
 */
export function ensurePeerVenv(log) {
  const venv = peerVenvFolder();
  const requirements = readFileSync(requirementsFile, 'utf8');
  const duckdbPin = engineDuckdbPin() ?? 'duckdb';
  const wanted = createHash('sha256').update(requirements).update(duckdbPin).digest('hex');
  const marker = path.join(venv, '.recon-gate-requirements');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === wanted && existsSync(pythonOf(venv))) return { python: pythonOf(venv) };
  const systemPython = process.env.RECON_GATE_BENCH_PYTHON || 'python3';
  log(`installing the peers into ${venv} (first use; about a minute) …`);
  const steps = [
    [systemPython, ['-m', 'venv', '--clear', venv]],
    [pythonOf(venv), ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '-r', requirementsFile, duckdbPin]],
  ];
  for (const [command, args] of steps) {
    const result = spawnSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    if (result.error || result.status !== 0) {
      const output = `${result.error?.message ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-3).join(' | ');
      return { error: `\`${path.basename(command)} ${args.slice(0, 3).join(' ')}\` failed: ${output || `exit ${result.status}`}` };
    }
  }
  writeFileSync(marker, wanted);
  return { python: pythonOf(venv) };
}

function runPython(python, script, args, timeoutMs) {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(python, [path.join(peersFolder, script), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const wallMs = performance.now() - started;
      const lastLine = stdout.trim().split('\n').pop() ?? '';
      if (code === 0) {
        try {
          resolve({ wallMs, ...JSON.parse(lastLine) });
          return;
        } catch {
          // falls through to the error below: the script printed no JSON
        }
      }
      const reason = signal === 'SIGKILL' ? `timed out after ${timeoutMs / 1000} s` : `exit ${code ?? signal}`;
      resolve({ wallMs, error: `${reason}: ${stderr.trim().split('\n').slice(-2).join(' | ') || lastLine}` });
    });
  });
}

export const PEERS = [
  {
    name: 'reladiff',
    run: (python, data, timeoutMs) =>
      runPython(python, 'reladiff_join_diff.py', [data.database, SOURCE_TABLE, TARGET_TABLE, KEY_COLUMNS.join(','), COMPARED_COLUMNS.join(',')], timeoutMs),
  },
  {
    name: 'datacompy',
    run: (python, data, timeoutMs) =>
      runPython(python, 'datacompy_compare.py', [data.sourceParquet, data.targetParquet, KEY_COLUMNS.join(','), JSON.stringify(TOLERANCES)], timeoutMs),
  },
];
