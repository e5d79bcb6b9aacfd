import type { BoundPair } from '../plan/bound-pair.js';
import type { Samples } from '../results/results-model.js';
import type { JoinMeasurements } from '../sql/measurements.js';

/** Expands the sampled join rows into the per-cell and per-row samples reports show. */
export function buildSamples(bound: BoundPair, join: JoinMeasurements | undefined): Samples {
  const samples: Samples = { mismatches: [], onlyInSource: [], onlyInTarget: [], duplicateKeys: [], withinTolerance: [] };
  if (!join) return samples;
  const labels = bound.compared.map((column) => column.label);
  const rowValues = (values: Array<string | null>) => Object.fromEntries(labels.map((label, j) => [label, values[j] ?? null]));
  const oneSided: { source: Samples['onlyInSource']; target: Samples['onlyInTarget'] } = { source: [], target: [] };
  for (const sample of join.samples) {
    switch (sample.category) {
      case 'mismatch':
        labels.forEach((label, j) => {
          if (sample.differs[j]) samples.mismatches.push({ key: sample.key, column: label, source: sample.source[j] ?? null, target: sample.target[j] ?? null, class: sample.classes[j] ?? undefined });
        });
        break;
      case 'hash_only':
        labels.forEach((label, j) => {
          if (sample.source[j] !== sample.target[j]) samples.withinTolerance.push({ key: sample.key, column: label, source: sample.source[j] ?? null, target: sample.target[j] ?? null });
        });
        break;
      case 'only_source':
        samples.onlyInSource.push({ key: sample.key, values: rowValues(sample.source) });
        break;
      case 'only_target':
        samples.onlyInTarget.push({ key: sample.key, values: rowValues(sample.target) });
        break;
      case 'duplicate':
        samples.duplicateKeys.push({ key: sample.key, sourceRows: sample.sourceRows, targetRows: sample.targetRows });
        // Duplicated on one side and absent from the other: a missing (or extra) key as well.
        // Its values are not fetched (the rows are not one row), so only the key is listed.
        if (sample.targetRows === 0) oneSided.source.push({ key: sample.key, values: {} });
        if (sample.sourceRows === 0) oneSided.target.push({ key: sample.key, values: {} });
        break;
    }
  }
  samples.onlyInSource.push(...oneSided.source);
  samples.onlyInTarget.push(...oneSided.target);
  return samples;
}
