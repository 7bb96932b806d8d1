import { describe, expect, it } from 'vitest';
import { runCaptureBench } from '../../bench/capture';

describe('bench/capture.ts (smoke, small N)', () => {
  it('runs, keeps every OAuth request of the stream and drops the ordinary traffic', () => {
    const r = runCaptureBench(3_000);
    expect(r.calls).toBe(3_000);
    expect(r.oauthRequests).toBeGreaterThan(0);
    // The stream is cut at N calls, so the last request may be partial; all others are kept.
    expect(r.keptRequests).toBeGreaterThanOrEqual(r.oauthRequests - 1);
    expect(r.keptOrdinary).toBe(0);
    expect(r.storeBytes).toBeGreaterThan(0);
    expect(r.oauthCalls / r.calls).toBeLessThan(0.3);
  });
});
