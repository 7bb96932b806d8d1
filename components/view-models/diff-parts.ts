/**
 * Splits two strings into common prefix, differing middles and common suffix, so a finding can
 * show `https://app.example.com/` + `callback` vs `cb` + `` with the difference marked.
 */
export interface DiffParts {
  prefix: string;
  expected: string;
  actual: string;
  suffix: string;
  equal: boolean;
}

export function diffParts(expected: string, actual: string): DiffParts {
  if (expected === actual) return { prefix: expected, expected: '', actual: '', suffix: '', equal: true };
  const max = Math.min(expected.length, actual.length);
  let start = 0;
  while (start < max && expected.charCodeAt(start) === actual.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && expected.charCodeAt(expected.length - 1 - end) === actual.charCodeAt(actual.length - 1 - end)) end++;
  return {
    prefix: expected.slice(0, start),
    expected: expected.slice(start, expected.length - end),
    actual: actual.slice(start, actual.length - end),
    suffix: expected.slice(expected.length - end),
    equal: false,
  };
}
