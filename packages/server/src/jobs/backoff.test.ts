import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { BACKOFF_MAX_MS, retryDelayMs } from './backoff';

describe('job retry backoff', () => {
  it('30 s, 1, 2, 4, 8 min ... capped at one hour', () => {
    assert.deepEqual(
      [1, 2, 3, 4, 5, 6, 7, 8].map(retryDelayMs),
      [30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000, 3_600_000],
    );
    assert.equal(retryDelayMs(1000), BACKOFF_MAX_MS);
    assert.throws(() => retryDelayMs(0), RangeError);
  });

  it('property: never shorter than the one before, never above the cap', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), (attempt) => {
        assert.ok(retryDelayMs(attempt + 1) >= retryDelayMs(attempt));
        assert.ok(retryDelayMs(attempt) <= BACKOFF_MAX_MS);
      }),
    );
  });
});
