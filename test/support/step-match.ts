/**
 * Which steps of one sequence another lacks, in order: the longest common subsequence under
 * `same`, so a step repeated in a login (two login POSTs answered 303) is matched once each and a
 * lost second one is named as lost, not hidden by the first. Used by the worker-stop e2e test to
 * say which steps of the login without a stop a stopped login is short of, and which it has extra.
 */
export interface StepDiff<W, G> {
  /** Steps of `want` with no partner in `got`, in `want`'s order. */
  missing: W[];
  /** Steps of `got` with no partner in `want`, in `got`'s order. */
  extra: G[];
}

export function diffSteps<W, G>(want: readonly W[], got: readonly G[], same: (got: G, want: W) => boolean): StepDiff<W, G> {
  // best[i][j]: length of the longest common subsequence of want[i..] and got[j..].
  const best = Array.from({ length: want.length + 1 }, () => new Array<number>(got.length + 1).fill(0));
  for (let i = want.length - 1; i >= 0; i--) {
    for (let j = got.length - 1; j >= 0; j--) {
      best[i]![j] = same(got[j]!, want[i]!) ? best[i + 1]![j + 1]! + 1 : Math.max(best[i + 1]![j]!, best[i]![j + 1]!);
    }
  }
  const missing: W[] = [];
  const extra: G[] = [];
  let i = 0;
  let j = 0;
  while (i < want.length && j < got.length) {
    if (same(got[j]!, want[i]!) && best[i]![j] === best[i + 1]![j + 1]! + 1) {
      i++;
      j++;
    } else if (best[i + 1]![j]! >= best[i]![j + 1]!) missing.push(want[i++]!);
    else extra.push(got[j++]!);
  }
  missing.push(...want.slice(i));
  extra.push(...got.slice(j));
  return { missing, extra };
}
