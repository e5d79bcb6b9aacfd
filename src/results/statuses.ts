/**
 * The statuses of a check, a pair and a run, from best to worst: a pair's status is its worst
 * check's, the run's its worst pair's. Reports list counts in this order.
 */
export const STATUSES = ['PASS', 'WARN', 'FAIL', 'ERROR'] as const;

export type Status = (typeof STATUSES)[number];

/** Worst first: how failures are summed up ("1 ERROR, 2 FAIL"). */
export const STATUSES_WORST_FIRST: readonly Status[] = [...STATUSES].reverse();

export function worstStatus(statuses: Iterable<Status>): Status {
  let worst: Status = 'PASS';
  for (const status of statuses) if (STATUSES.indexOf(status) > STATUSES.indexOf(worst)) worst = status;
  return worst;
}
