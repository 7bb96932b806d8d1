import { describe, expect, it } from 'vitest';
import { diffSteps } from './step-match';

const eq = (a: string, b: string) => a === b;

describe('diffSteps (which steps a stopped login lacks)', () => {
  it('names nothing when both are the same', () => {
    expect(diffSteps(['a', 'b', 'c'], ['a', 'b', 'c'], eq)).toEqual({ missing: [], extra: [] });
  });

  it('names a lost repeat of a step the login has twice, not "nothing missing"', () => {
    const want = ['authorize 303', 'login GET 200', 'login POST 303', 'login GET 200', 'login POST 303', 'login GET 303', 'callback GET 200'];
    const got = ['authorize 303', 'login GET 200', 'login POST 303', 'login GET 200', 'callback GET 200'];
    expect(diffSteps(want, got, eq)).toEqual({ missing: ['login POST 303', 'login GET 303'], extra: [] });
  });

  it('keeps order: a step in the wrong place is one missing and one extra', () => {
    // Two answers are equally long here (keep a or keep b); either way one is out of place.
    const { missing, extra } = diffSteps(['a', 'b', 'c'], ['b', 'a', 'c'], eq);
    expect(missing).toHaveLength(1);
    expect(extra).toEqual(missing);
  });

  it('names steps the stopped login has extra, and steps lost at either end', () => {
    expect(diffSteps(['a', 'b', 'c'], ['b', 'x'], eq)).toEqual({ missing: ['a', 'c'], extra: ['x'] });
    expect(diffSteps([], ['x'], eq)).toEqual({ missing: [], extra: ['x'] });
    expect(diffSteps(['a'], [], eq)).toEqual({ missing: ['a'], extra: [] });
  });

  it('uses the relation given (got first, want second)', () => {
    const same = (got: number, want: string) => String(got) === want;
    expect(diffSteps(['1', '2', '3'], [1, 3], same)).toEqual({ missing: ['2'], extra: [] });
  });
});
