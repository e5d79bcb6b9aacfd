import { z } from 'zod';
import { CHECK_NAMES, type CheckName } from '../results/check-names.js';
import type { WaiverRef } from '../results/results-model.js';
import { MISMATCH_CLASSES } from '../results/mismatch-classes.js';

/**
 * The shape of a waivers file (recon-configs/waivers.yml): differences a team has accepted, each
 * with a reason, an owner and an expiry, so that nothing is waived silently or for ever.
 */

const nonEmptyText = z.string().trim().min(1);

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `2027-02-30` matches the pattern but is not a day; Date would quietly roll it to March 2. */
export function isCalendarDay(text: string): boolean {
  const match = ISO_DAY.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Checks whose findings are per column, so a waiver may name one. */
export const COLUMN_CHECKS = ['value_mismatches', 'nulls', 'aggregates', 'schema'] as const satisfies readonly CheckName[];

export const waiverSchema = z.strictObject({
  pair: nonEmptyText,
  check: z.enum(CHECK_NAMES),
  /** Only this column (value_mismatches, nulls, aggregates, schema): its label, source or target name. */
  column: nonEmptyText.optional(),
  /** Only this mismatch class (value_mismatches). */
  class: z.enum(MISMATCH_CLASSES).optional(),
  reason: nonEmptyText,
  owner: nonEmptyText,
  /** The last day the waiver applies, YYYY-MM-DD (UTC). */
  expires: z.string().refine(isCalendarDay),
});

export const waiversFileSchema = z.strictObject({
  version: z.literal(1),
  waivers: z.array(waiverSchema),
});

export type WaiversFileInput = z.infer<typeof waiversFileSchema>;

/** A waiver as loaded: what the file says (as results.json lists it), and where it says it. */
export type Waiver = Omit<WaiverRef, 'file' | 'line'> & { location: { file: string; line: number; column: number } };
