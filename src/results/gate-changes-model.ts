/**
 * What a pull request changed in its own gate, against the configs and waivers of its base:
 * the loosening a reviewer must see before trusting a green check. Part of results.json.
 */

export type GateChangeKind =
  | 'pair_removed'
  | 'check_removed'
  | 'threshold_raised'
  | 'tolerance_widened'
  | 'column_excluded'
  | 'filter_changed'
  | 'sampling_narrowed'
  | 'side_changed'
  | 'key_changed'
  | 'column_map_changed'
  | 'distinct_counts_relaxed'
  | 'differences_ignored'
  | 'waiver_added'
  | 'waiver_extended';

export interface GateChange {
  kind: GateChangeKind;
  pair: string;
  check?: string;
  column?: string;
  /** The setting at the base and now, as text (`max_count 0`, `abs 0.01`, a filter). */
  before?: string;
  after?: string;
  /** One sentence a reviewer can act on. */
  message: string;
  /** Where it is written: in this run's configs, or in the base's for something removed. */
  file: string;
  line: number;
  in: 'head' | 'base';
}

export interface GateChanges {
  /** Names the base ("main"). */
  label: string;
  /** The base's config and waiver files compared with, as given. */
  baseFiles: string[];
  /** Base files that could not be read (invalid YAML, unknown keys): what they held is not compared. */
  unreadable: string[];
  loosened: GateChange[];
  /** Loosening fails the run (`--fail-on-loosened`, the Action's `fail-on-loosened`) unless allowed. */
  enforced: boolean;
  /** What would allow it: `the label recon-gate:allow-loosening`, `--allow-loosening`. */
  allowWith: string;
  /** Set when that is there: loosening does not fail the run. */
  allowedBy?: string;
}
