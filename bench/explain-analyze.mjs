/**
 * Where a statement's time goes, from DuckDB's own profiler (`EXPLAIN (ANALYZE, FORMAT JSON)`).
 * Operator timings are CPU seconds summed over DuckDB's threads, so they add up to `cpu_time`,
 * not to the wall time. Each operator is attributed to the materialized CTE it computes (a CTE
 * node's first child builds it) or to the main query.
 */

function flattenPlan(node, section, depth, into) {
  const extra = node.extra_info ?? {};
  const name = node.operator_name ?? node.name ?? '?';
  if (name === 'CTE') {
    const [definition, rest] = node.children ?? [];
    const cteName = extra['CTE Name'] ?? 'cte';
    into.push({ depth, name: `CTE ${cteName}`, section, cpuS: node.operator_timing ?? 0, rows: node.operator_cardinality ?? 0 });
    if (definition) flattenPlan(definition, `materialize ${cteName}`, depth + 1, into);
    if (rest) flattenPlan(rest, section, depth + 1, into);
    return into;
  }
  const detail = extra.Table ?? extra['CTE Name'] ?? (extra.Groups ? `GROUP BY ${[].concat(extra.Groups).join(', ')}` : '') ?? '';
  into.push({ depth, name: detail ? `${name} (${detail})` : name, section, cpuS: node.operator_timing ?? 0, rows: node.operator_cardinality ?? 0 });
  for (const child of node.children ?? []) flattenPlan(child, section, depth + 1, into);
  return into;
}

export async function explainAnalyze(engine, sql) {
  const result = await engine.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`);
  const profile = JSON.parse(result.rows[0][1]);
  const operators = (profile.children ?? []).flatMap((child) => flattenPlan(child, 'main query', 0, []));
  const sections = new Map();
  for (const operator of operators) sections.set(operator.section, (sections.get(operator.section) ?? 0) + operator.cpuS);
  return {
    latencyS: profile.latency,
    cpuS: profile.cpu_time,
    peakBufferMemoryBytes: profile.system_peak_buffer_memory,
    totalMemoryAllocatedBytes: profile.total_memory_allocated,
    sections: [...sections.entries()].map(([section, cpuS]) => ({ section, cpuS })).sort((a, b) => b.cpuS - a.cpuS),
    topOperators: [...operators].sort((a, b) => b.cpuS - a.cpuS).slice(0, 12),
  };
}
