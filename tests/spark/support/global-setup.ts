/**
 * Vitest globalSetup for the Spark suite: installs and starts a local Spark Thrift Server (unless
 * one already answers on SPARK_THRIFT_PORT), puts the test-only TLS proxy in front of it, and hands
 * the tests what a Databricks connection needs. Stops only what it started.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { startThriftProxy } from './thrift-proxy.js';

export interface SparkConnection {
  /** What the Databricks engine is given: the proxy, as if it were a warehouse. */
  host: string;
  port: number;
  httpPath: string;
  token: string;
  caCertPem: string;
  /** The Spark Thrift Server's own HTTP port, for tests that start a proxy of their own. */
  upstreamPort: number;
  /** The server JVM's pid when this run started it or a pid file names it; for CPU checks. */
  serverPid: number | undefined;
}

declare module 'vitest' {
  export interface ProvidedContext {
    spark: SparkConnection;
  }
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const sparkScripts = path.join(repoRoot, 'scripts/spark');
const upstreamPort = Number(process.env.SPARK_THRIFT_PORT ?? 10001);

function runScript(name: string, args: string[] = []): void {
  const result = spawnSync('bash', [path.join(sparkScripts, name), ...args], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, SPARK_THRIFT_PORT: String(upstreamPort) },
  });
  if (result.status !== 0) {
    throw new Error(`scripts/spark/${name} failed (exit ${result.status ?? result.signal}); see its output above`);
  }
}

async function thriftServerAnswers(): Promise<boolean> {
  try {
    const response = await fetch(`http://127.0.0.1:${upstreamPort}/cliservice`, { signal: AbortSignal.timeout(5000) });
    return response.status === 401;
  } catch {
    return false;
  }
}

function pidFromFile(pidFile: string): number | undefined {
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let runDir: string | undefined;
  let serverPid: number | undefined;

  if (await thriftServerAnswers()) {
    console.log(`spark: using the Thrift server already answering on port ${upstreamPort}`);
    const cacheRoot = path.join(process.env.RECON_GATE_CACHE ?? path.join(process.env.HOME ?? tmpdir(), '.cache/recon-gate'), 'spark');
    serverPid = pidFromFile(path.join(process.env.SPARK_RUN_DIR ?? path.join(cacheRoot, 'run'), 'thrift-server.pid'));
  } else {
    runScript('install.sh');
    // A fresh run dir per test run: a new metastore and warehouse, removed at teardown.
    runDir = mkdtempSync(path.join(tmpdir(), 'recon-gate-spark-'));
    runScript('start.sh', [runDir]);
    serverPid = pidFromFile(path.join(runDir, 'thrift-server.pid'));
  }

  const proxy = await startThriftProxy({ upstreamPort });
  project.provide('spark', {
    host: '127.0.0.1',
    port: proxy.port,
    httpPath: '/cliservice',
    token: 'local',
    caCertPem: proxy.caCertPem,
    upstreamPort,
    serverPid,
  });

  return async () => {
    await proxy.close();
    if (runDir) {
      runScript('stop.sh', [runDir]);
      rmSync(runDir, { recursive: true, force: true });
    }
  };
}
