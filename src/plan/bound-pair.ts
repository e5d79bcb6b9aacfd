import type { DistinctCountMode, PairConfig, Tolerance } from '../config/recon-config.js';
import type { LogicalType } from './logical-type.js';
import type { TypeChange } from './type-compatibility.js';

/** A column as one side reports it. */
export interface SideColumn {
  name: string;
  type: LogicalType;
  /** The engine's own type text, shown in reports. */
  engineType: string;
  nullable?: boolean;
}

/** A column present on both sides, with the type both are compared in. */
export interface ColumnPair {
  source: SideColumn;
  target: SideColumn;
  /** The name reports use: the source name, or `source → target` when renamed. */
  label: string;
  change: TypeChange;
  common: LogicalType;
  /** Differences the comparison ignores (`ignore_spaces`, `ignore_case`): string columns only. */
  ignore?: IgnoredDifferences;
}

export interface IgnoredDifferences {
  /** Leading and trailing U+0020 spaces. */
  spaces: boolean;
  /** Letter case (each engine's Unicode lower-case mapping). */
  case: boolean;
}

export interface ComparedColumn extends ColumnPair {
  tolerance?: Tolerance;
}

export type SchemaFindingKind = TypeChange | 'only_in_source' | 'only_in_target' | 'excluded';

export interface SchemaFinding {
  label: string;
  kind: SchemaFindingKind;
  source?: SideColumn;
  target?: SideColumn;
  /** True when the target accepts NULL but the source did not (both sides must report it). */
  nullabilityLoosened?: boolean;
  isKey: boolean;
}

/** A pair once both sides' schemas are known: everything the SQL builders need. */
export interface BoundPair {
  pair: PairConfig;
  keys: ColumnPair[];
  /** Non-key columns compared value by value, in source column order. */
  compared: ComparedColumn[];
  schema: SchemaFinding[];
  /** `group_by` columns (keys or compared columns), in the order written; empty for none. */
  groupBy: ColumnPair[];
  /** The pair's `distinct_counts`, or the engine's default when the config leaves it unset. */
  distinctCounts: DistinctCountMode;
}
