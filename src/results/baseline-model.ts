/** The baseline section of results.json: this run's findings against an earlier run's. */
import type { CheckName } from './check-names.js';
import type { Status } from './statuses.js';

export type Key = Array<string | null>;

export interface BaselineComparison {
  /** Names the baseline in the reports ("vs main"): the base branch, or what `--baseline-label` says. */
  label: string;
  /** Where the baseline came from: the file given, or the artifact of a workflow run. */
  source: string;
  /** When the baseline run started, and its configs. */
  startedAt: string;
  configs: string[];
  /** Findings over every pair and check present in this run (pairs new in this run included: all new). */
  counts: { new: number; fixed: number; unchanged: number };
  /** Of the new findings, those in checks that FAIL or could not run now: what `fail-on: new` fails on. */
  newFailing: number;
  /** One entry per pair and check of this run that has a finding now or in the baseline, in this run's order. */
  checks: CheckComparison[];
  /** In this run only (added, or renamed): their findings are counted as new. */
  onlyInRun: SideOnly;
  /** In the baseline only (removed, or renamed): their findings are not counted as fixed. */
  onlyInBaseline: SideOnly;
}

export interface SideOnly {
  pairs: string[];
  /** Checks of pairs that are on both sides. */
  checks: Array<{ pair: string; check: CheckName }>;
}

export interface CheckComparison {
  pair: string;
  check: CheckName;
  /** Undefined when the check is not in that run. */
  status?: Status;
  baselineStatus?: Status;
  measured?: number;
  baselineMeasured?: number;
  new: number;
  fixed: number;
  unchanged: number;
  /** The new and fixed findings of non-keyed checks: a column, `sum(amount)`, `row count`, `row hash`, `could not run`. */
  newFindings: string[];
  fixedFindings: string[];
  /** Keyed checks: which keys are new and which fixed. */
  keys?: KeyComparison;
  /** This run's check passes only because waivers cover what it found. */
  waived?: boolean;
}

export interface KeyComparison {
  /**
   * `sampled`: from the sampled keys of both runs, exact because each sample holds every key the
   * check found. `count`: a sample holds only some of the keys (sample_size), so new and fixed are
   * the difference of the key counts, a lower bound, and no key is listed: a key missing from one
   * sample may only have sorted past its end.
   */
  from: 'sampled' | 'count';
  new: Key[];
  fixed: Key[];
}
