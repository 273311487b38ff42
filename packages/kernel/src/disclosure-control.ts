/**
 * Защита малых значений (статистический контроль раскрытия). The rule the
 * statistics implement, for callers who see suppressed figures:
 *
 * 1. Primary: a count from 1 to k−1 in a cell that is not public is hidden.
 * 2. Secondary: a *line* is a set of cells tied by a published sum (a
 *    district's total and its breakdown; the districts of one period and the
 *    region's figure). If exactly one cell of a line is hidden, it could be
 *    recomputed from the others, so the smallest non-zero visible cell of that
 *    line that is not public is hidden too (a zero only if no non-zero is
 *    left). Repeated until no line has exactly one hidden cell.
 * 3. Public cells (the region's own figures) are never hidden.
 *
 * Zeros are never hidden on their own: "nobody" discloses no one.
 */
export function suppressSmallCounts(
  values: readonly number[],
  isPublic: readonly boolean[],
  lines: readonly (readonly number[])[],
  k: number,
): boolean[] {
  const hidden = values.map((v, i) => !isPublic[i] && v >= 1 && v < k);
  // A worklist over lines: only a line that just got its first hidden cell needs another look.
  const linesOf: number[][] = values.map(() => []);
  lines.forEach((line, l) => line.forEach((i) => linesOf[i]!.push(l)));
  const hiddenIn = lines.map((line) => line.reduce((c, i) => c + (hidden[i] ? 1 : 0), 0));
  const queue = lines.flatMap((_, l) => (hiddenIn[l] === 1 ? [l] : []));
  for (let head = 0; head < queue.length; head++) {
    const l = queue[head]!;
    if (hiddenIn[l] !== 1) continue;
    const candidate = smallestVisible(lines[l]!, values, isPublic, hidden);
    if (candidate === null) continue; // the rest of the line is public: nothing left to hide
    hidden[candidate] = true;
    for (const other of linesOf[candidate]!) if (++hiddenIn[other]! === 1) queue.push(other);
  }
  return hidden;
}

function smallestVisible(
  line: readonly number[],
  values: readonly number[],
  isPublic: readonly boolean[],
  hidden: readonly boolean[],
): number | null {
  let best: number | null = null;
  const rank = (i: number) => (values[i]! > 0 ? values[i]! : Number.MAX_SAFE_INTEGER); // a zero only as the last resort
  for (const i of line) {
    if (hidden[i] || isPublic[i]) continue;
    if (best === null || rank(i) < rank(best)) best = i;
  }
  return best;
}
