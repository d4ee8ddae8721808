import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TimingHintSchema, TimingWindowSchema, type EligibilityInput } from '@workup/contracts';
import { DEFAULT_TIMING_WINDOW, MI_NAV_TIMING_WINDOW, referralTiming } from './timing';

const OFF_WORK: EligibilityInput = {
  asOf: '2024-02-01',
  work: { employed: 1 },
  sickLeavePeriods: [{ from: '2024-01-15', to: '2024-12-31', degree: 100 }],
  episode: { bodyRegion: 'low_back', onsetOn: '2024-01-02', diagnoses: [] },
  strugglingAtWork: null,
};

describe('timing hint (watchful-waiting window)', () => {
  it('default window: opens 28 days after sick leave began, closes the day before 6 months', () => {
    // Sick leave from 2024-01-15: opens 01-15 + 28 = 02-12; 6 months = 07-15, last day 07-14.
    const at = (asOf: string) => referralTiming({ ...OFF_WORK, asOf });
    assert.equal(at('2024-02-11').timing, 'too_early');
    assert.equal(at('2024-02-12').timing, 'right_time');
    assert.equal(at('2024-07-14').timing, 'right_time');
    assert.equal(at('2024-07-15').timing, 'late');
    const hint = at('2024-02-11');
    assert.deepEqual(hint.anchor, { kind: 'sick_leave_start', date: '2024-01-15' });
    assert.equal(hint.opensOn, '2024-02-12');
    assert.equal(hint.closesOn, '2024-07-14');
    assert.match(hint.reason, /opens on 2024-02-12/);
    TimingHintSchema.parse(hint);
  });

  it('MI-NAV window: opens after 7 weeks of sick leave (reference.md §20)', () => {
    const hint = referralTiming({ ...OFF_WORK, asOf: '2024-03-04' }, MI_NAV_TIMING_WINDOW);
    assert.equal(hint.opensOn, '2024-03-04'); // 01-15 + 49 days
    assert.equal(hint.timing, 'right_time');
    assert.equal(
      referralTiming({ ...OFF_WORK, asOf: '2024-03-03' }, MI_NAV_TIMING_WINDOW).timing,
      'too_early',
    );
  });

  it('at work the episode onset is the anchor; without one the timing is unknown', () => {
    const atWork: EligibilityInput = {
      ...OFF_WORK,
      sickLeavePeriods: [],
      work: { employed: 1, sick_leave_degree: 0 },
    };
    const hint = referralTiming(atWork);
    assert.deepEqual(hint.anchor, { kind: 'episode_onset', date: '2024-01-02' });
    assert.equal(hint.opensOn, '2024-01-30');
    assert.equal(hint.timing, 'right_time');
    const none = referralTiming({ ...atWork, episode: null });
    assert.equal(none.timing, 'unknown');
    assert.equal(none.opensOn, null);
    const noStart = referralTiming({
      ...OFF_WORK,
      sickLeavePeriods: [],
      work: { sick_leave_degree: 100 },
    });
    assert.equal(noStart.timing, 'unknown');
    assert.match(noStart.reason, /since when is not known/);
  });

  it('a window is configurable and checked', () => {
    assert.equal(
      referralTiming(
        { ...OFF_WORK, asOf: '2024-02-15' },
        { opensAfterDays: 0, closesAfterMonths: 1 },
      ).timing,
      'late',
    );
    assert.ok(TimingWindowSchema.safeParse(DEFAULT_TIMING_WINDOW).success);
    assert.ok(!TimingWindowSchema.safeParse({ opensAfterDays: 400, closesAfterMonths: 6 }).success);
    assert.ok(!TimingWindowSchema.safeParse({ opensAfterDays: -1, closesAfterMonths: 6 }).success);
  });

  it('property: the timing only moves forward (too early → right time → late) as days pass', () => {
    const order = ['too_early', 'right_time', 'late'];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 1, max: 12 }),
        (a, b, opens, months) => {
          const day = (n: number) => new Date(Date.UTC(2024, 0, 15 + n)).toISOString().slice(0, 10);
          const window = { opensAfterDays: opens, closesAfterMonths: months };
          const first = order.indexOf(
            referralTiming({ ...OFF_WORK, asOf: day(Math.min(a, b)) }, window).timing,
          );
          const second = order.indexOf(
            referralTiming({ ...OFF_WORK, asOf: day(Math.max(a, b)) }, window).timing,
          );
          assert.ok(first >= 0 && second >= first);
        },
      ),
    );
  });
});
