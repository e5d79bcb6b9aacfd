import type { RunResults } from '../results/results-model.js';

/**
 * reproduce.sql: for every check that found something, the query that lists every key behind the
 * finding, for the engine that ran. Its first sample_size rows are the sampled keys.
 */
export function reproduceSql(results: RunResults): string | undefined {
  const sections: string[] = [];
  for (const pair of results.pairs) {
    for (const [check, sql] of Object.entries(pair.reproduce ?? {})) {
      const measured = pair.checks.find((result) => result.check === check);
      const header = [
        `-- pair: ${pair.name.replace(/[\r\n]/g, ' ')}`,
        `-- check: ${check}${measured ? ` (${measured.status}, ${measured.measured} ${measured.unit})` : ''}`,
        `-- engine: ${results.run.engine}; config: ${pair.config.file}:${pair.config.line}`,
        ...(pair.disclosure && pair.disclosure.sampleValues !== 'show' ? [`-- the reports withhold this pair's values (sample_values: ${pair.disclosure.sampleValues}); this query shows them to whoever runs it`] : []),
      ];
      sections.push(`${header.join('\n')}\n${sql};\n`);
    }
  }
  return sections.length > 0 ? `-- Recon Gate: queries that list every key behind a finding (run ${results.run.startedAt})\n\n${sections.join('\n')}` : undefined;
}

/** The section name a report points a reader to in reproduce.sql. */
export function reproduceSection(pair: string, check: string): string {
  return `pair: ${pair} / check: ${check}`;
}
