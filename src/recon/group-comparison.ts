import type { BoundPair } from '../plan/bound-pair.js';
import type { AggregateComparison, GroupComparison, GroupDifference } from '../results/results-model.js';
import type { AggregateValues, GroupProfile, SideProfile } from '../sql/measurements.js';
import { profileLayout } from '../sql/profile-layout.js';
import { compareAggregates } from './aggregate-comparison.js';

/** Differing groups kept in the results, worst first; the count says how many differ in all. */
export const SHOWN_GROUPS = 20;

const NO_VALUES: AggregateValues = { sum: null, min: null, max: null, nonNull: 0 };

/**
 * `group_by`: per group, the row count and the numeric columns' sum, min, max and avg, compared
 * with the column tolerances (distinct counts are whole-side only). A group on one side only
 * differs in its count. Worst first: the largest relative difference of the group's measures, a
 * one-sided group counting as 100 %.
 */
export function compareGroups(bound: BoundPair, source: SideProfile, target: SideProfile): GroupComparison | undefined {
  if (bound.groupBy.length === 0 || !source.groups || !target.groups) return undefined;
  const layout = profileLayout(bound);
  const keyText = (group: GroupProfile) => JSON.stringify(group.key);
  const targets = new Map(target.groups.map((group) => [keyText(group), group]));
  const keys = new Map<string, Array<string | null>>();
  for (const group of [...source.groups, ...target.groups]) keys.set(keyText(group), group.key);
  const sources = new Map(source.groups.map((group) => [keyText(group), group]));
  const differing: Array<GroupDifference & { score: number }> = [];
  for (const [text, key] of keys) {
    const s = sources.get(text);
    const t = targets.get(text);
    const sourceRows = s?.rows ?? 0;
    const targetRows = t?.rows ?? 0;
    const differences: AggregateComparison[] = layout.aggregateColumns.flatMap((column, index) =>
      compareAggregates(column, s?.aggregates[index] ?? NO_VALUES, t?.aggregates[index] ?? NO_VALUES, bound.compared.find((c) => c.label === column.label)?.tolerance, 'off'),
    ).filter((comparison) => !comparison.withinTolerance);
    if (sourceRows === targetRows && differences.length === 0) continue;
    const countScore = sourceRows === targetRows ? 0 : Math.abs(targetRows - sourceRows) / Math.max(sourceRows, targetRows);
    const score = Math.max(countScore, ...differences.map((comparison) => comparison.relativeDifference ?? 1));
    differing.push({ key, sourceRows, targetRows, differences, score });
  }
  differing.sort((a, b) => b.score - a.score || JSON.stringify(a.key).localeCompare(JSON.stringify(b.key)));
  return {
    by: bound.groupBy.map((column) => column.label),
    groups: keys.size,
    differing: differing.length,
    worst: differing.slice(0, SHOWN_GROUPS).map(({ score: _score, ...group }) => group),
    ...(source.groupsTruncated || target.groupsTruncated ? { truncated: true } : {}),
  };
}
