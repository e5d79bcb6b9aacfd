import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatConfigError } from '../config/config-error.js';
import { loadConfigs } from '../config/load-config.js';
import { allPairs } from '../config/recon-config.js';
import type { EngineName } from '../engines/engine.js';
import { openEngine } from '../engines/open-engine.js';
import { planPair } from '../recon/plan-pair.js';
import { runSuite } from '../recon/run-suite.js';
import { writeCoreReports } from '../report/write-core-reports.js';
import { dialectFor } from '../sql/dialects/index.js';
import { EXIT, exitCodeFor } from './exit-codes.js';
import { progressPrinter } from './progress.js';

const USAGE = `recon-gate — prove a table migration is correct

Usage:
  recon-gate run      --config <file|dir> [--config …] [--out <dir>] [--engine duckdb|databricks]
                      [--statement-timeout <s>] [--quiet] [--json]
  recon-gate validate --config <file|dir> [--config …]
  recon-gate plan     --config <file|dir> [--engine duckdb|databricks] [--dialect duckdb|databricks]

Defaults: --config recon-configs, --out recon-out, --engine duckdb.
Databricks settings come from DATABRICKS_HOST, DATABRICKS_HTTP_PATH and DATABRICKS_TOKEN
(or DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET for a service principal).

Exit status: 0 every pair passed or warned, 1 a threshold was breached, 2 the run could not be
carried out (invalid config, or every pair failed to run), 130 interrupted.`;

const OPTIONS = {
  config: { type: 'string', multiple: true },
  out: { type: 'string' },
  engine: { type: 'string' },
  dialect: { type: 'string' },
  'statement-timeout': { type: 'string' },
  quiet: { type: 'boolean' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function fail(message: string): never {
  process.stderr.write(`recon-gate: ${message}\n`);
  process.exit(EXIT.unusable);
}

function engineName(value: string | undefined, option: string): EngineName {
  const name = value ?? 'duckdb';
  if (name !== 'duckdb' && name !== 'databricks') fail(`${option} must be duckdb or databricks, not ${name}`);
  return name;
}

export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    fail(`${(error as Error).message}\n\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  const command = positionals[0];
  if (values.help || !command) {
    process.stdout.write(`${USAGE}\n`);
    return command || values.help ? EXIT.ok : EXIT.unusable;
  }
  const configPaths = values.config ?? ['recon-configs'];
  const log = (line: string) => {
    if (!values.quiet) process.stderr.write(`${line}\n`);
  };

  if (!['run', 'validate', 'plan'].includes(command)) fail(`unknown command ${command}\n\n${USAGE}`);

  const { config, errors } = loadConfigs(configPaths);
  if (errors.length > 0) {
    for (const error of errors) process.stderr.write(`${formatConfigError(error)}\n`);
    process.stderr.write(`recon-gate: ${errors.length} config error${errors.length === 1 ? '' : 's'}; nothing was run.\n`);
    return EXIT.unusable;
  }
  if (command === 'validate') {
    const pairs = allPairs(config);
    process.stdout.write(`${config.files.length} config file${config.files.length === 1 ? '' : 's'}, ${pairs.length} pair${pairs.length === 1 ? '' : 's'}: valid\n`);
    for (const pair of pairs) process.stdout.write(`  ${pair.location.file}:${pair.location.line} ${pair.name} (${pair.checks.join(', ')})\n`);
    return EXIT.ok;
  }

  const engine = await openEngine({ engine: engineName(values.engine, '--engine'), config }).catch((error: Error) => fail(`could not open the engine: ${error.message}`));
  try {
    if (command === 'plan') {
      const dialect = dialectFor(engineName(values.dialect ?? engine.name, '--dialect'));
      for (const pair of allPairs(config)) {
        process.stdout.write(`-- pair: ${pair.name} (${pair.location.file}:${pair.location.line})\n`);
        try {
          for (const statement of await planPair(pair, engine, dialectFor(engine.name), dialect)) {
            process.stdout.write(`-- ${statement.purpose}\n${statement.sql};\n\n`);
          }
        } catch (error) {
          process.stdout.write(`-- cannot plan this pair: ${(error as Error).message}\n\n`);
        }
      }
      return EXIT.ok;
    }

    const timeout = values['statement-timeout'] ? Number(values['statement-timeout']) : undefined;
    if (timeout !== undefined && !(timeout > 0)) fail('--statement-timeout must be a positive number of seconds');
    const progress = progressPrinter(log);
    const results = await runSuite(config, { engine, dialect: dialectFor(engine.name), statementTimeoutSeconds: timeout, ...progress });
    const outDir = path.resolve(values.out ?? 'recon-out');
    const written = writeCoreReports(results, outDir);
    const byStatus = Object.entries(results.summary.byStatus).filter(([, n]) => n > 0).map(([status, n]) => `${n} ${status}`).join(', ');
    log(`${results.status}: ${results.summary.pairs} pairs (${byStatus}). Reports in ${path.relative(process.cwd(), outDir) || '.'}/: ${Object.values(written).map((file) => path.basename(file)).join(', ')}`);
    if (values.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
    return exitCodeFor(results);
  } finally {
    await engine.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`recon-gate: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = EXIT.unusable;
  },
);
