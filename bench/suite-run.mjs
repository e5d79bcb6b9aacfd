/**
 * One full Recon Gate suite over the benchmark pair, through the library's public entry
 * (`runSuite`), timed from the first statement to the results model, and reduced to what the
 * benchmark prints: wall time, the statements each pair ran and what the checks found.
 */
import { benchConfigYaml } from './bench-config.mjs';

export function loadBenchConfig(library, tables, options) {
  const loaded = library.loadConfigText(benchConfigYaml(tables, options), 'bench/orders.yml');
  if (!loaded.file) throw new Error(`the bench config is invalid: ${loaded.errors.map((error) => `${error.path} ${error.message}`).join('; ')}`);
  return { files: [loaded.file] };
}

function isMetadataRead(statement) {
  return statement.purpose.startsWith('schema-');
}

export async function runReconSuite(library, engine, config, dialect = library.duckdbDialect) {
  const started = performance.now();
  const results = await library.runSuite(config, { engine, dialect });
  const wallMs = performance.now() - started;
  const pair = results.pairs[0];
  if (pair.status === 'ERROR') throw new Error(`the suite failed on pair ${pair.name}: ${pair.error?.message}`);
  const detail = (check) => pair.checks.find((result) => result.check === check)?.details;
  const duplicates = detail('duplicate_keys');
  return {
    wallMs,
    status: pair.status,
    statements: pair.statements.filter((statement) => !isMetadataRead(statement)).map(({ purpose, durationMs, sql }) => ({ purpose, durationMs, sql })),
    metadataReads: pair.statements.filter(isMetadataRead).map(({ purpose, durationMs }) => ({ purpose, durationMs })),
    found: {
      missingRows: detail('missing_rows')?.rows,
      extraRows: detail('extra_rows')?.rows,
      mismatchedRows: detail('value_mismatches')?.mismatchedRows,
      hashMismatches: detail('row_hash')?.hashMismatches,
      withinTolerance: detail('row_hash')?.withinTolerance,
      sourceDuplicateKeys: duplicates?.source?.keys,
      targetDuplicateKeys: duplicates?.target?.keys,
      differingRows: results.summary.differingRows,
      columnMismatches: Object.fromEntries((detail('value_mismatches')?.columns ?? []).filter((column) => column.mismatches > 0).map((column) => [column.label, column.mismatches])),
    },
  };
}
