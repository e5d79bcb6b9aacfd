import type { ConfigProposal } from '../recon/propose-config.js';

/** A side as `init` was given it: a table name, or a file path relative to the config's folder. */
export type StarterSide = { table: string } | { file: string };

const scalar = (text: string) => JSON.stringify(text);

function sideYaml(side: StarterSide): string {
  return 'table' in side ? `{ table: ${scalar(side.table)} }` : `{ file: ${scalar(side.file)} }`;
}

/** The starter config's text: every proposal with a comment saying why, so a reviewer can judge it. */
export function starterConfig(name: string, source: StarterSide, target: StarterSide, proposal: ConfigProposal, mount?: string): string {
  const lines = [
    `# Starter config written by \`recon-gate init\`: review every line, then commit it.`,
    `# Source ${proposal.rows.source} rows, target ${proposal.rows.target} rows when it was written.`,
    'version: 1',
  ];
  if (mount) lines.push('', 'duckdb:', '  # <folder>/<schema>/<table>.parquet (or .csv) becomes the view schema.table', `  mount: ${scalar(mount)}`);
  lines.push('', 'pairs:', `  - name: ${scalar(name)}`, `    source: ${sideYaml(source)}`, `    target: ${sideYaml(target)}`);
  if (proposal.key) {
    lines.push(`    # ${proposal.keyNote}`, `    primary_key: [${proposal.key.map(scalar).join(', ')}]`);
  } else {
    lines.push(`    # No key proposed: ${proposal.keyNote}.`, '    # primary_key: [ ... ]');
  }
  const mapped = Object.entries(proposal.columnMap);
  if (mapped.length > 0) {
    lines.push('    # Names that differ only slightly; check that each pair really is the same column.', '    column_map:');
    for (const [from, to] of mapped) lines.push(`      ${scalar(from)}: ${scalar(to)}`);
  }
  if (proposal.floatColumns.length > 0) {
    lines.push('    # Floating-point columns: a recomputed value rarely matches to the last bit, so a relative', '    # tolerance of one part in a billion is proposed; tighten or widen it to what the migration promises.', '    tolerances:');
    for (const column of proposal.floatColumns) lines.push(`      ${scalar(column)}: { rel: 0.000000001 }`);
  }
  const oneSided = [...proposal.onlyInSource.map((column) => `${column} (source only)`), ...proposal.onlyInTarget.map((column) => `${column} (target only)`)];
  if (oneSided.length > 0) lines.push(`    # Columns on one side only, reported by the schema check: ${oneSided.join(', ')}.`);
  lines.push('    # Any difference fails by default (max_count: 0); loosen a check only with a reason:', '    # thresholds:', '    #   missing_rows: { max_percent: 0.5 }');
  return `${lines.join('\n')}\n`;
}
