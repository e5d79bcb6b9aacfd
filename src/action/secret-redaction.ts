/**
 * core.setSecret masks values in the log only. Text the action sends to GitHub (the comment, the
 * job summary, summary.md) goes through this as well, in case an error message from a driver
 * ever carries a credential back.
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let redacted = text;
  // Longest first, so a secret that contains another is replaced whole.
  for (const secret of [...secrets].filter((value) => value.length >= 4).sort((a, b) => b.length - a.length)) {
    redacted = redacted.split(secret).join('***');
  }
  return redacted;
}
