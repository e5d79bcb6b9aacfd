/** The benchmark's printed report: Markdown tables, ready to paste into the README. */
import { summarize } from './run-statistics.mjs';

const MiB = 2 ** 20;
const GiB = 2 ** 30;

const seconds = (ms) => (ms === undefined || ms === null || Number.isNaN(ms) ? '–' : `${(ms / 1000).toFixed(2)} s`);
const minMedian = (stat) => (stat?.min === undefined ? '–' : `${seconds(stat.min)} / ${seconds(stat.median)}`);
const mebibytes = (bytes) => (bytes === undefined ? '–' : `${Math.round(bytes / MiB).toLocaleString('en-US')} MiB`);
const count = (value) => (value === undefined || value === null ? '–' : Number(value).toLocaleString('en-US'));
const rowsLabel = (rows) => (rows % 1_000_000 === 0 ? `${rows / 1_000_000}M` : rows % 1000 === 0 ? `${rows / 1000}k` : String(rows));
const sizeLabel = (size) => (size.rate === undefined ? rowsLabel(size.rows) : `${rowsLabel(size.rows)}, ${Number((size.rate * 100).toPrecision(3))} %`);
const times = (ratio) => (Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : '–');
const cell = (text) => String(text).replaceAll('|', '\\|');

function table(header, rows) {
  return [`| ${header.map(cell).join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`)].join('\n');
}

function machineSection(figures) {
  const { machine, loadAverage } = figures;
  const load = (sample) => [sample.one, sample.five, sample.fifteen].map((value) => value.toFixed(2)).join(', ');
  const duckdb = figures.sizes.find((size) => size.duckdbVersion)?.duckdbVersion ?? '?';
  return [
    `Machine: ${machine.cpuModel}, ${machine.cores} cores, ${(machine.memoryBytes / GiB).toFixed(1)} GiB RAM; ${machine.platform}; Node ${machine.node}; DuckDB ${duckdb} (embedded, default threads).`,
    `Load average (1, 5, 15 min) before: ${load(loadAverage.before)}; after: ${load(loadAverage.after)}.`,
    `Each figure: ${figures.options.repeat} run(s)${figures.options.peerMaxRows !== undefined && figures.sizes.some((size) => size.rows > figures.options.peerMaxRows) ? ` (${figures.options.largeRepeat ?? 1} above ${rowsLabel(figures.options.peerMaxRows)} rows)` : ''}, shown as min / median. Peak RSS: a fresh process running only that statement set (DuckDB runs inside the Node process, so RSS includes DuckDB's memory; "JS heap" is Node's own).`,
  ].join('\n');
}

function suiteSection(sizes) {
  return table(
    ['source rows, differing keys', 'full suite', 'lower bound (join + profile)', 'join / profile part (median)', 'suite ÷ lower bound (median)', '(min)', 'suite per 1M rows (median)', 'statements per pair', 'peak RSS, suite', 'peak RSS, lower bound', 'peak JS heap, suite', 'load avg at start'],
    sizes.map((size) => [
      sizeLabel(size),
      minMedian(size.suite.wallMs),
      minMedian(size.lowerBound.wallMs),
      `${seconds(size.lowerBound.joinMs?.median)} / ${seconds(size.lowerBound.profileMs?.median)}`,
      times(size.ratio.median),
      times(size.ratio.min),
      seconds(size.suite.wallMs.median / (size.rows / 1e6)),
      String(size.suite.statementsPerPair),
      mebibytes(size.suite.peakRssBytes),
      mebibytes(size.lowerBound.peakRssBytes),
      mebibytes(size.suite.peakHeapUsedBytes),
      size.loadAtStart ? size.loadAtStart.one.toFixed(1) : '–',
    ]),
  );
}

function cappedSection(sizes) {
  const capped = sizes.filter((size) => size.cappedSuite);
  if (capped.length === 0) return undefined;
  return table(
    ['source rows', 'DuckDB memory_limit', 'full suite (1 run, fresh process)', 'same, no limit', 'peak RSS', 'same, no limit'],
    capped.map((size) => [
      sizeLabel(size),
      size.cappedSuite.memoryLimit,
      seconds(size.cappedSuite.wallMs),
      seconds(size.suite.freshProcessWallMs),
      mebibytes(size.cappedSuite.peakRssBytes),
      mebibytes(size.suite.peakRssBytes),
    ]),
  );
}

function statementsSection(sizes) {
  const order = ['profile-source', 'profile-target', 'join'];
  const rank = (purpose) => (order.includes(purpose) ? order.indexOf(purpose) : order.length);
  const purposes = [...new Set(sizes.flatMap((size) => size.suite.statements.map((statement) => statement.purpose)))].sort((a, b) => rank(a) - rank(b));
  return table(
    ['source rows, differing keys', ...purposes.map((purpose) => `${purpose} (min / median)`), 'schema reads (not counted)'],
    sizes.map((size) => [
      sizeLabel(size),
      ...purposes.map((purpose) => minMedian(size.suite.statements.find((statement) => statement.purpose === purpose)?.durationMs)),
      size.suite.metadataReads.map((read) => `${read.purpose} ${seconds(read.durationMs)}`).join(', '),
    ]),
  );
}

function growthText(from, to) {
  const growth = to / from - 1;
  return `${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(0)} % (${mebibytes(from)} → ${mebibytes(to)})`;
}

const MAX_RATIO = 1.2;
const RSS_ALLOWANCE_BYTES = 300 * MiB;
const MAX_FIXED_COST_MS = 500;

/** The counts the suite found against the ones the generator built in, at one size. */
function exactAt(size) {
  const { truth, suite } = size;
  return suite.found.missingRows === truth.missing_rows && suite.found.extraRows === truth.extra_rows && suite.found.mismatchedRows === truth.mismatched_rows
    && suite.found.sourceDuplicateKeys === truth.source_duplicate_keys && suite.found.targetDuplicateKeys === truth.target_duplicate_keys;
}

/** The issue's targets, each measured in this run: ratios against the lower bound measured beside the suite. */
export function targetsOf(sizes, fixedCost) {
  const largestRows = Math.max(...sizes.map((size) => size.rows));
  const largest = sizes.filter((size) => size.rows === largestRows);
  const maxStatements = Math.max(...sizes.map((size) => size.suite.statementsPerPair));
  const targets = [];
  for (const size of largest) {
    targets.push({ target: `full suite ≤ ${MAX_RATIO}× (lower-bound join + lower-bound profile) at ${sizeLabel(size)} (median)`, measured: times(size.ratio.median), pass: size.ratio.median <= MAX_RATIO });
    const reladiff = size.peers.find((peer) => peer.name === 'reladiff' && !peer.error);
    targets.push({
      target: `faster than reladiff join-diff at ${sizeLabel(size)} (median)`,
      measured: reladiff ? `${seconds(size.suite.wallMs.median)} vs ${seconds(reladiff.wallMs.median)}` : 'reladiff not run',
      pass: reladiff ? size.suite.wallMs.median < reladiff.wallMs.median : undefined,
    });
    targets.push({
      target: `peak RSS ≤ the lower bound's + 300 MiB at ${sizeLabel(size)}`,
      measured: `${mebibytes(size.suite.peakRssBytes)} vs ${mebibytes(size.lowerBound.peakRssBytes)} + 300 MiB`,
      pass: size.suite.peakRssBytes <= size.lowerBound.peakRssBytes + RSS_ALLOWANCE_BYTES,
    });
  }
  targets.push({
    target: 'fixed cost per run ≤ 0.5 s (CLI run of the shipped demo less its statements, median)',
    measured: fixedCost?.overheadMs ? `${seconds(fixedCost.overheadMs.median)} (wall ${seconds(fixedCost.wallMs.median)})` : 'not measured',
    pass: fixedCost?.overheadMs ? fixedCost.overheadMs.median <= MAX_FIXED_COST_MS : undefined,
  });
  targets.push({ target: 'statements per pair ≤ 3 (schema reads excluded)', measured: String(maxStatements), pass: maxStatements <= 3 });
  const inexact = sizes.filter((size) => !exactAt(size));
  targets.push({ target: 'counts exact at every size and rate (missing, extra, mismatched, duplicate keys)', measured: inexact.length === 0 ? 'all equal to the generator\'s' : `differ at ${inexact.map(sizeLabel).join('; ')}`, pass: inexact.length === 0 });
  const byRate = new Map();
  for (const size of sizes) byRate.set(size.rate, [...(byRate.get(size.rate) ?? []), size]);
  for (const [rate, group] of byRate) {
    if (group.length < 2) continue;
    targets.push({
      target: `for reading: suite ÷ lower bound by size at ${Number((rate * 100).toPrecision(3))} % (linear growth keeps it flat)`,
      measured: group.sort((a, b) => a.rows - b.rows).map((size) => `${rowsLabel(size.rows)} ${times(size.ratio.median)}`).join(', '),
      pass: undefined,
    });
  }
  return targets;
}

function targetsSection(sizes, fixedCost) {
  return table(['target', 'measured', 'result'], targetsOf(sizes, fixedCost).map((target) => [target.target, target.measured, target.pass === undefined ? 'n/a' : target.pass ? 'PASS' : 'FAIL']));
}

function foundSection(size) {
  const { truth } = size;
  const rows = [
    ['expected (by construction)', '–', '–', count(truth.missing_rows), count(truth.extra_rows), count(truth.mismatched_rows), count(truth.within_tolerance_rows), `${count(truth.source_duplicate_keys)} / ${count(truth.target_duplicate_keys)}`, 'rows with a changed value beyond tolerance; keys with one row per side'],
    [
      'Recon Gate (full suite)',
      minMedian(size.suite.wallMs),
      '–',
      count(size.suite.found.missingRows),
      count(size.suite.found.extraRows),
      count(size.suite.found.mismatchedRows),
      count(size.suite.found.withinTolerance),
      `${count(size.suite.found.sourceDuplicateKeys)} / ${count(size.suite.found.targetDuplicateKeys)}`,
      `all 9 checks, status ${size.suite.status}`,
    ],
    [
      'lower bound (1 FULL OUTER JOIN)',
      minMedian(size.lowerBound.wallMs),
      '–',
      count(size.lowerBound.found.onlySourceRows),
      count(size.lowerBound.found.onlyTargetRows),
      `${count(size.lowerBound.found.hashMismatches)} hash ≠`,
      'not told apart',
      'not detected',
      'no tolerances, no per-column counts, duplicates multiply join rows',
    ],
  ];
  for (const peer of size.peers) {
    if (peer.error) {
      rows.push([peer.name, 'failed', '–', '–', '–', '–', '–', '–', peer.error]);
    } else if (peer.name === 'reladiff') {
      rows.push([
        `reladiff ${peer.version ?? ''} (${peer.engine})`,
        minMedian(peer.wallMs),
        minMedian(peer.compareMs),
        count(peer.found.onlySourceKeys),
        count(peer.found.onlyTargetKeys),
        `${count(peer.found.changedKeys)} keys`,
        'not told apart',
        'not detected',
        `join-diff; no tolerances; streams ${count(peer.found.diffRowsStreamed)} differing rows to Python`,
      ]);
    } else if (peer.name === 'datacompy') {
      rows.push([
        `datacompy ${peer.version ?? ''} (${peer.engine})`,
        minMedian(peer.wallMs),
        minMedian(peer.compareMs),
        count(peer.found.onlySourceRows),
        count(peer.found.onlyTargetRows),
        count(peer.found.mismatchedRows),
        'not reported',
        'counted as unique rows',
        `Parquet load ${minMedian(peer.loadMs)}; max RSS ${mebibytes(peer.maxRssBytes)}`,
      ]);
    }
  }
  return table(['tool', 'wall (min / median)', 'compare only', 'missing', 'extra', 'mismatched', 'within tolerance', 'duplicate keys (src / tgt)', 'notes'], rows);
}

function columnSection(size) {
  const datacompy = size.peers.find((peer) => peer.name === 'datacompy' && !peer.error);
  const columns = [...new Set([...Object.keys(size.truth.columnMismatches ?? {}), ...Object.keys(size.suite.found.columnMismatches ?? {}), ...Object.keys(datacompy?.found.columnMismatches ?? {})])];
  return table(
    ['column', 'expected', 'Recon Gate', ...(datacompy ? ['datacompy'] : [])],
    columns.map((column) => [column, count(size.truth.columnMismatches?.[column] ?? 0), count(size.suite.found.columnMismatches?.[column] ?? 0), ...(datacompy ? [count(datacompy.found.columnMismatches?.[column] ?? 0)] : [])]),
  );
}

function profileSection(profile, lowerBoundMedian) {
  const parts = [];
  parts.push(
    table(
      ['statement (EXPLAIN ANALYZE)', 'wall', 'CPU (all threads)', 'DuckDB peak buffer memory', 'CPU by part'],
      profile.explained.map((statement) => [
        statement.purpose,
        `${statement.latencyS.toFixed(2)} s`,
        `${statement.cpuS.toFixed(2)} s`,
        mebibytes(statement.peakBufferMemoryBytes),
        statement.sections.map((section) => `${section.section} ${section.cpuS.toFixed(2)} s`).join('; '),
      ]),
    ),
  );
  const join = profile.explained.find((statement) => statement.purpose === 'join');
  if (join) {
    parts.push(`Costliest operators of the join statement (CPU seconds over all threads):\n\n${table(
      ['operator', 'part', 'rows out', 'CPU'],
      join.topOperators.slice(0, 10).map((operator) => [operator.name, operator.section, count(operator.rows), `${operator.cpuS.toFixed(2)} s`]),
    )}`);
  }
  const variantTable = (variants, title, floor) => {
    const baseline = variants.find((variant) => variant.baseline);
    return `${title}\n\n${table(
      ['variant', 'wall (min / median)', 'vs as run (median)', 'vs lower bound (median)', 'DuckDB peak buffer memory', 'what it measures'],
      variants.map((variant) =>
        variant.applicable
          ? [
              variant.name,
              minMedian(variant.wallMs),
              times(variant.wallMs.median / baseline.wallMs.median),
              floor ? times(variant.wallMs.median / floor) : '–',
              mebibytes(variant.profile?.peakBufferMemoryBytes),
              variant.note ?? '',
            ]
          : [variant.name, 'n/a', '–', '–', '–', 'the SQL no longer has the fragment this variant rewrites'],
      ),
    )}`;
  };
  parts.push(variantTable(profile.joinVariants, 'Join statement and alternatives (each timed alone):', lowerBoundMedian));
  parts.push(variantTable(profile.profileVariants, 'Profile statements and alternatives (source and target at once, as the suite runs them):', lowerBoundMedian));
  return parts.join('\n\n');
}

function sparkSection(spark) {
  const sizes = spark.sizes;
  const peak = (runs, pick) => Math.max(...runs.map(pick).filter((value) => typeof value === 'number'));
  const figures = sizes.map((size) => {
    const suite = summarize(size.suiteRuns.map((run) => run.wallMs));
    const lowerBound = summarize(size.lowerBoundRuns.map((run) => run.wallMs));
    const last = size.suiteRuns.at(-1);
    return {
      size,
      suite,
      lowerBound,
      last,
      ratio: suite.median / lowerBound.median,
      nodeRss: peak(size.suiteRuns, (run) => run.memory.peakRssBytes),
      nodeHeap: peak(size.suiteRuns, (run) => run.memory.peakHeapUsedBytes),
      jvmRss: peak([...size.suiteRuns, ...size.lowerBoundRuns], (run) => run.jvmPeakRssBytes),
    };
  });
  const parts = [];
  parts.push(table(
    ['source rows', `full suite (distinct_counts: ${spark.distinctCounts ?? 'unset, the Databricks default: approximate'})`, 'lower bound', 'suite ÷ lower bound (median)', 'statements per pair', 'per statement (last run)', 'peak Node RSS, suite', 'peak JS heap', 'Spark JVM peak RSS', 'load into Delta (≈0 when already loaded)'],
    figures.map((figure) => [
      rowsLabel(figure.size.rows),
      minMedian(figure.suite),
      minMedian(figure.lowerBound),
      times(figure.ratio),
      String(figure.last.statements.length),
      figure.last.statements.map((statement) => `${statement.purpose} ${seconds(statement.durationMs)}`).join(', '),
      mebibytes(figure.nodeRss),
      mebibytes(figure.nodeHeap),
      Number.isFinite(figure.jvmRss) ? mebibytes(figure.jvmRss) : '–',
      seconds(figure.size.loadMs),
    ]),
  ));
  parts.push(table(
    ['source rows', 'tool', 'missing', 'extra', 'mismatched', 'within tolerance', 'duplicate keys (src / tgt)'],
    figures.flatMap(({ size, last }) => [
      [rowsLabel(size.rows), 'expected (by construction)', count(size.truth?.missing_rows), count(size.truth?.extra_rows), count(size.truth?.mismatched_rows), count(size.truth?.within_tolerance_rows), `${count(size.truth?.source_duplicate_keys)} / ${count(size.truth?.target_duplicate_keys)}`],
      [rowsLabel(size.rows), 'Recon Gate on Spark', count(last.found.missingRows), count(last.found.extraRows), count(last.found.mismatchedRows), count(last.found.withinTolerance), `${count(last.found.sourceDuplicateKeys)} / ${count(last.found.targetDuplicateKeys)}`],
    ]),
  ));
  const withModes = sizes.filter((size) => size.profileModes?.length);
  if (withModes.length > 0) {
    parts.push(`Profile pass alone (both sides at once, as the suite runs it), by \`distinct_counts\`:\n\n${table(
      ['source rows', ...withModes[0].profileModes.map((mode) => mode.distinctCounts)],
      withModes.map((size) => [rowsLabel(size.rows), ...size.profileModes.map((mode) => seconds(mode.wallMs))]),
    )}`);
  }
  if (figures.length > 1) {
    const smallest = figures.reduce((a, b) => (b.size.rows < a.size.rows ? b : a));
    const largest = figures.reduce((a, b) => (b.size.rows > a.size.rows ? b : a));
    const growth = largest.nodeRss / smallest.nodeRss - 1;
    parts.push(table(['target (Spark; Spark runs in its own JVM, so Node RSS is Recon Gate alone)', 'measured', 'result'], [
      ['statements per pair ≤ 3 (schema reads excluded)', String(Math.max(...figures.map((figure) => figure.last.statements.length))), Math.max(...figures.map((figure) => figure.last.statements.length)) <= 3 ? 'PASS' : 'FAIL'],
      [`peak Node RSS growth < 20 % from ${rowsLabel(smallest.size.rows)} to ${rowsLabel(largest.size.rows)}`, growthText(smallest.nodeRss, largest.nodeRss), growth < 0.2 ? 'PASS' : 'FAIL'],
      [`full suite ≤ 1.5× (lower-bound join + lower-bound profile, written for Spark) at ${rowsLabel(largest.size.rows)}`, times(largest.ratio), largest.ratio <= 1.5 ? 'PASS' : 'FAIL'],
    ]));
  }
  return parts.join('\n\n');
}

export function printReport(figures) {
  const out = [];
  out.push('## Recon Gate benchmark', '', machineSection(figures), '');
  const measuredSizes = figures.sizes.filter((size) => !size.error);
  for (const size of figures.sizes.filter((failed) => failed.error)) out.push(`**${sizeLabel(size)} failed:** ${size.error}`, '');
  if (measuredSizes.length > 0) {
    out.push(`### Full suite (distinct_counts: ${figures.options.distinctCounts ?? 'unset, the DuckDB default: exact'}) vs lower bound (DuckDB)`, '', suiteSection(measuredSizes), '');
    out.push('### Statements per pair and their time', '', statementsSection(measuredSizes), '');
    const capped = cappedSection(measuredSizes);
    if (capped) out.push('### Full suite under a DuckDB memory limit (it spills to disk)', '', capped, '');
    out.push('### Targets', '', targetsSection(measuredSizes, figures.fixedCost), '');
    if (figures.fixedCost) out.push(`Fixed cost: \`recon-gate run\` on the shipped demo (1,800 rows, so its data work is negligible) from a fresh process, ${figures.fixedCost.runs.length} runs: ${minMedian(figures.fixedCost.wallMs)} (min / median), of which the in-process suite ${minMedian(figures.fixedCost.suiteMs)}; the fixed cost (wall less suite) ${figures.fixedCost.overheadMs ? minMedian(figures.fixedCost.overheadMs) : '–'}.`, '');
    if (figures.peerSetup?.error) out.push(`Peers not run: ${figures.peerSetup.error}`, '');
    for (const size of measuredSizes) {
      out.push(`### What each tool found, ${sizeLabel(size)} (source rows, differing keys)`, '', foundSection(size), '', columnSection(size), '');
    }
  }
  if (figures.profile?.error) out.push(`**Profiling at ${rowsLabel(figures.profile.rows)} rows failed:** ${figures.profile.error}`, '');
  else if (figures.profile) {
    const lowerBoundMedian = figures.profile.joinVariants.find((variant) => variant.name.startsWith('lower bound'))?.wallMs?.median;
    out.push(`### Where the time goes, ${rowsLabel(figures.profile.rows)} source rows`, '', profileSection(figures.profile, lowerBoundMedian), '');
  }
  if (figures.spark?.error) out.push(`**Spark half failed:** ${figures.spark.error}`, '');
  else if (figures.spark) out.push(`### Full suite vs lower bound on the local Spark ${String(figures.spark.sparkVersion ?? '').split(' ')[0]} (Databricks engine, real driver)`, '', sparkSection(figures.spark), '');
  out.push(`Benchmark took ${seconds(figures.elapsedMs)}.`);
  process.stdout.write(`${out.join('\n')}\n`);
}
