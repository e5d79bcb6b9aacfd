function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

/** True when `short` is `long` with letters left out (`max_pct` for `max_percent`). */
function isAbbreviation(short: string, long: string): boolean {
  if (short.length < 3 || short.slice(0, 2) !== long.slice(0, 2)) return false;
  let position = 0;
  for (const letter of long) if (letter === short[position]) position++;
  return position === short.length;
}

/** The closest candidate, when it is close enough to be a plausible typo or abbreviation. */
export function closestMatch(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (!best || distance < best.distance) best = { candidate, distance };
  }
  const abbreviated = candidates.find((candidate) => isAbbreviation(lower, candidate.toLowerCase()));
  if (!best) return abbreviated;
  const limit = Math.max(2, Math.floor(word.length / 3));
  return best.distance <= limit ? best.candidate : abbreviated;
}
