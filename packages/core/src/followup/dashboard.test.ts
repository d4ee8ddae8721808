import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  meanDelayDays,
  medianDelayDays,
  summariseCompletion,
  type CompletionRow,
} from './dashboard';

const DAY = 86_400;

describe('followup dashboard: response rates and delays per unit and timepoint', () => {
  it('medians and means of delays in days to 0.01 (hand-worked)', () => {
    // 1 h, 1 d, 2 d: median 1 day; mean 262 800 s / 3 = 87 600 s = 1.0139 d -> 1.01.
    assert.equal(medianDelayDays([3600, DAY, 2 * DAY]), 1);
    assert.equal(meanDelayDays([3600, DAY, 2 * DAY]), 1.01);
    // Even count: the mean of the middle two, 0 and 12 h -> 0.25 d.
    assert.equal(medianDelayDays([43_200, 0]), 0.25);
    // 432 s is exactly 0.005 d: rounds half up to 0.01.
    assert.equal(medianDelayDays([432]), 0.01);
    assert.equal(medianDelayDays([431]), 0);
    assert.equal(medianDelayDays([]), null);
    assert.equal(meanDelayDays([]), null);
  });

  it('counts eligible, completed, open, overdue and missed; scheduled, withdrawn, cancelled do not count', () => {
    const row = (
      timepoint: string,
      state: CompletionRow['state'],
      delay: number | null = null,
      unitId = 'u1',
    ): CompletionRow => ({
      unitId,
      timepoint,
      targetDay: timepoint === 'baseline' ? 0 : 91,
      state,
      responseDelaySeconds: delay,
    });
    const summary = summariseCompletion([
      row('month_3', 'completed', 2 * DAY),
      row('month_3', 'completed', 4 * DAY),
      row('month_3', 'overdue'),
      row('month_3', 'missed'),
      row('month_3', 'scheduled'),
      row('month_3', 'withdrawn'),
      row('baseline', 'completed', 0),
      row('baseline', 'open'),
      row('baseline', 'cancelled'),
      row('baseline', 'completed', DAY, 'u0'),
    ]);
    assert.deepEqual(summary, [
      {
        unitId: 'u0',
        timepoints: [
          {
            timepoint: 'baseline',
            eligible: 1,
            completed: 1,
            open: 0,
            overdue: 0,
            missed: 0,
            responseRate: 1,
            medianDelayDays: 1,
            meanDelayDays: 1,
          },
        ],
      },
      {
        unitId: 'u1',
        timepoints: [
          {
            timepoint: 'baseline',
            eligible: 2,
            completed: 1,
            open: 1,
            overdue: 0,
            missed: 0,
            responseRate: 0.5,
            medianDelayDays: 0,
            meanDelayDays: 0,
          },
          {
            timepoint: 'month_3',
            eligible: 4,
            completed: 2,
            open: 0,
            overdue: 1,
            missed: 1,
            responseRate: 0.5,
            medianDelayDays: 3,
            meanDelayDays: 3,
          },
        ],
      },
    ]);
  });

  it('property: the median lies between the smallest and largest delay, rounded', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 400 * DAY }), { minLength: 1, maxLength: 50 }),
        (delays) => {
          const median = medianDelayDays(delays) ?? -1;
          const mean = meanDelayDays(delays) ?? -1;
          const low = Math.floor((Math.min(...delays) / DAY) * 100) / 100;
          const high = Math.ceil((Math.max(...delays) / DAY) * 100) / 100;
          assert.ok(median >= low && median <= high);
          assert.ok(mean >= low && mean <= high);
        },
      ),
    );
  });
});
