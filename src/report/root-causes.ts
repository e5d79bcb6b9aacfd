import type { CheckName, CheckResult, MismatchClass, PairResult, SharedKeyValue } from '../results/results-model.js';
import { countText } from './check-wording.js';

/**
 * One defect of a pair, named once: a reviewer reads "3 rows missing" instead of the four checks
 * that each notice those rows. Causes come from the checks that see a defect directly (schema,
 * missing/extra rows, duplicated keys, changed cells); checks that only echo them (row_count,
 * nulls, aggregates, row_hash) are explained by a cause instead of being listed as failures.
 */
export interface RootCause {
  /** 1-based, in the order shown. */
  number: number;
  check: CheckName;
  /** What is wrong and how much, in one line. */
  title: string;
  /** The finding behind it, e.g. the columns and classes of the changed cells. */
  evidence?: string;
}

export interface PairDiagnosis {
  causes: RootCause[];
  /** For an echoing check: the cause that explains it. */
  explainedBy: Partial<Record<CheckName, number>>;
}

const DIRECT_CHECKS: CheckName[] = ['schema', 'missing_rows', 'extra_rows', 'duplicate_keys', 'value_mismatches'];

const isFinding = (check: CheckResult | undefined): check is CheckResult => check !== undefined && (check.status === 'FAIL' || check.status === 'WARN') && check.details.check !== 'not_run';

const plural = (n: number, word: string) => `${countText(n)} ${word}${n === 1 ? '' : 's'}`;

function classText(classes: Partial<Record<MismatchClass, number>> | undefined): string {
  const entries = Object.entries(classes ?? {}).filter(([, n]) => (n ?? 0) > 0).sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0));
  return entries.map(([name, n]) => `${name.replace(/_/g, ' ')} ${countText(n ?? 0)}`).join(', ');
}

/**
 * Key columns on which every key behind a finding agrees ("all 3 missing rows have date_key
 * 20240115, institution_id 102"): a lost partition or batch. The join computes it over all the
 * keys, not from the sample.
 */
function sharedKeyText(shared: readonly SharedKeyValue[] | undefined, keys: number): string | undefined {
  if (!shared || shared.length === 0) return undefined;
  return `${keys === 2 ? 'both' : `all ${countText(keys)}`} have ${shared.map(({ column, value }) => `${column} ${value}`).join(', ')}`;
}

function directCause(pair: PairResult, check: CheckResult): Omit<RootCause, 'number'> | undefined {
  switch (check.details.check) {
    case 'schema': {
      const changed = check.details.columns.filter((column) => column.status !== 'same' && column.status !== 'excluded');
      if (changed.length === 0) return undefined;
      return { check: check.check, title: `schema changed in ${plural(changed.length, 'column')}`, evidence: changed.map((column) => `${column.label}: ${column.status.replace(/_/g, ' ')}${column.sourceType || column.targetType ? ` (${column.sourceType ?? '–'} → ${column.targetType ?? '–'})` : ''}`).join('; ') };
    }
    case 'missing_rows': {
      if (check.details.rows === 0) return undefined;
      const pattern = sharedKeyText(check.details.sharedKeyValues, check.details.keys);
      return { check: check.check, title: `${plural(check.details.rows, 'row')} missing from the target (${plural(check.details.keys, 'key')})`, evidence: pattern && `${pattern}: a lost partition or batch?` };
    }
    case 'extra_rows': {
      if (check.details.rows === 0) return undefined;
      const pattern = sharedKeyText(check.details.sharedKeyValues, check.details.keys);
      return { check: check.check, title: `${plural(check.details.rows, 'extra row')} in the target (${plural(check.details.keys, 'key')})`, evidence: pattern && `${pattern}: a batch loaded twice or from elsewhere?` };
    }
    case 'duplicate_keys': {
      const { source, target } = check.details;
      const keys = source.keys + target.keys;
      return keys > 0 ? { check: check.check, title: `${plural(keys, 'duplicated key')} (source ${countText(source.keys)}, target ${countText(target.keys)})` } : undefined;
    }
    case 'value_mismatches': {
      const columns = check.details.columns.filter((column) => column.mismatches > 0).sort((a, b) => b.mismatches - a.mismatches);
      const cells = columns.reduce((total, column) => total + column.mismatches, 0);
      if (cells === 0) return undefined;
      const pattern = sharedKeyText(check.details.sharedKeyValues, check.details.mismatchedRows);
      const byColumn = columns.map((column) => `${column.label} ${countText(column.mismatches)}${classText(column.classes) ? ` (${classText(column.classes)})` : ''}`).join('; ');
      return {
        check: check.check,
        title: `${plural(cells, 'cell')} changed in ${plural(check.details.mismatchedRows, 'row')}`,
        evidence: pattern ? `${byColumn}; ${pattern.replace(/^(both|all \S+)/, '$1 changed rows')}` : byColumn,
      };
    }
    default:
      return undefined;
  }
}

/** The causes of a pair's findings, and which echoing check each cause explains. */
export function diagnosePair(pair: PairResult): PairDiagnosis {
  const byCheck = new Map(pair.checks.map((check) => [check.check, check]));
  const causes: RootCause[] = [];
  const causeOf = new Map<CheckName, number>();
  for (const name of DIRECT_CHECKS) {
    const check = byCheck.get(name);
    if (!isFinding(check)) continue;
    const cause = directCause(pair, check);
    if (!cause) continue;
    causes.push({ number: causes.length + 1, ...cause });
    causeOf.set(name, causes.length);
  }
  const rowsCause = causeOf.get('missing_rows') ?? causeOf.get('extra_rows') ?? causeOf.get('duplicate_keys');
  const cellsCause = causeOf.get('value_mismatches');
  // Which cause an echoing check follows from, when it has one.
  const echoes: Partial<Record<CheckName, number | undefined>> = {
    row_count: rowsCause,
    nulls: cellsCause ?? rowsCause,
    aggregates: cellsCause ?? rowsCause,
    row_hash: cellsCause,
  };
  const explainedBy: Partial<Record<CheckName, number>> = {};
  for (const check of pair.checks) {
    if (!isFinding(check) || causeOf.has(check.check)) continue;
    const explaining = echoes[check.check];
    if (explaining !== undefined) {
      explainedBy[check.check] = explaining;
    } else {
      // A finding no direct check accounts for is a cause of its own (e.g. aggregates differ
      // while every compared row agrees: the sides' filters differ, or sampling hides rows).
      causes.push({ number: causes.length + 1, check: check.check, title: `${check.check}: ${check.message}` });
    }
  }
  return { causes, explainedBy };
}
