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

/**
 * What a check shows a reader: `WAIVED` when unexpired waivers cover all it found (its status is
 * then PASS for the verdict, and reports must not hide that it did find something), else its
 * status. Every report and the console use this one label.
 */
export type ShownStatus = Status | 'WAIVED';

export function shownStatus(check: { status: Status; waiver?: { outcome: 'waived' | 'partial' } }): ShownStatus {
  return check.waiver?.outcome === 'waived' ? 'WAIVED' : check.status;
}

/** A waiver this close to its last day is flagged, so it is renewed or the difference fixed in time. */
export const WAIVER_EXPIRY_WARNING_DAYS = 14;

/** Days from `today` (YYYY-MM-DD) to a waiver's last day, and whether that is soon. */
export function waiverExpiry(expires: string, today: string): { daysLeft: number; soon: boolean } {
  const daysLeft = Math.round((Date.parse(`${expires}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  return { daysLeft, soon: daysLeft <= WAIVER_EXPIRY_WARNING_DAYS };
}
