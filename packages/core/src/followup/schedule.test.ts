import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { ScheduleDefinitionSchema, type ScheduleDefinition } from '@workup/contracts';
import { addDays, toDayNumber } from '../rtw/dates';
import { expandSchedule, planAssignments, windowDates, windowInstants } from './schedule';

const WINDOW = { opensBeforeDays: 7, dueAfterDays: 14, closesAfterDays: 28 };
const POLICY = {
  daysAfterOpening: [0, 3, 7],
  maxReminders: 3,
  sendAt: '09:00',
  channels: ['email'] as ('email' | 'sms')[],
};

/** Baseline, 3, 6 and 12 months, as BetterBack (reference.md §22) and the Finnish trial (§24). */
const MONTHLY: ScheduleDefinition = ScheduleDefinitionSchema.parse({
  timeZone: 'Europe/Stockholm',
  timepoints: [
    {
      timepoint: 'baseline',
      offset: { unit: 'days', value: 0 },
      instruments: ['sbt'],
      window: { opensBeforeDays: 0, dueAfterDays: 3, closesAfterDays: 14 },
    },
    {
      timepoint: 'month_3',
      offset: { unit: 'months', value: 3 },
      instruments: ['odi', 'eq5d3l'],
      window: WINDOW,
    },
    {
      timepoint: 'month_6',
      offset: { unit: 'months', value: 6 },
      instruments: ['odi'],
      window: WINDOW,
    },
    {
      timepoint: 'month_12',
      offset: { unit: 'months', value: 12 },
      instruments: ['odi'],
      window: WINDOW,
    },
  ],
  reminders: POLICY,
});

describe('followup schedules: laying out timepoints from the inclusion date', () => {
  it('months follow the end-of-month rule (inclusion 31 January 2026)', () => {
    const plan = planAssignments(MONTHLY, '2026-01-31');
    assert.deepEqual(
      plan.map((row) => [row.timepoint, row.targetOn]),
      [
        ['baseline', '2026-01-31'],
        ['month_3', '2026-04-30'],
        ['month_6', '2026-07-31'],
        ['month_12', '2027-01-31'],
      ],
    );
    // 31 August 2024 + 6 months: February 2025 has 28 days.
    assert.equal(planAssignments(MONTHLY, '2024-08-31')[2]?.targetOn, '2025-02-28');
    // ... and 29 in a leap year: 31 August 2023 + 6 months.
    assert.equal(planAssignments(MONTHLY, '2023-08-31')[2]?.targetOn, '2024-02-29');
  });

  it('a window opens before, is due and closes after the target (hand-worked)', () => {
    assert.deepEqual(windowDates('2026-06-02', WINDOW), {
      opensOn: '2026-05-26',
      dueOn: '2026-06-16',
      closesOn: '2026-06-30',
    });
    const month3 = planAssignments(MONTHLY, '2026-03-02').find(
      (row) => row.timepoint === 'month_3',
    );
    assert.deepEqual(month3, {
      timepoint: 'month_3',
      instruments: ['odi', 'eq5d3l'],
      targetOn: '2026-06-02',
      opensOn: '2026-05-26',
      dueOn: '2026-06-16',
      closesOn: '2026-06-30',
    });
  });

  it("WorkUp's weekly sick-leave question: a series of 52 weekly timepoints (reference.md §21)", () => {
    const weekly = ScheduleDefinitionSchema.parse({
      timeZone: 'Europe/Stockholm',
      timepoints: [],
      series: [
        {
          prefix: 'week',
          first: { unit: 'weeks', value: 1 },
          every: { unit: 'weeks', value: 1 },
          count: 52,
          instruments: ['sick_leave_week'],
          window: { opensBeforeDays: 0, dueAfterDays: 2, closesAfterDays: 6 },
        },
      ],
      reminders: { ...POLICY, daysAfterOpening: [0, 2], maxReminders: 2, channels: ['sms'] },
    });
    const plan = planAssignments(weekly, '2026-03-02');
    assert.equal(plan.length, 52);
    assert.deepEqual(plan[0], {
      timepoint: 'week_1',
      instruments: ['sick_leave_week'],
      targetOn: '2026-03-09',
      opensOn: '2026-03-09',
      dueOn: '2026-03-11',
      closesOn: '2026-03-15',
    });
    assert.equal(plan[51]?.timepoint, 'week_52');
    assert.equal(plan.at(-1)?.targetOn, addDays('2026-03-02', 364));
    // Each window closes the day before the next one opens: no two overlap.
    for (let i = 1; i < plan.length; i += 1) {
      assert.equal(addDays(plan[i - 1]?.closesOn ?? '', 1), plan[i]?.opensOn);
    }
  });

  it('refuses a timepoint name used twice', () => {
    const twice = {
      ...MONTHLY,
      timepoints: [...MONTHLY.timepoints, ...MONTHLY.timepoints.slice(1, 2)],
    };
    assert.throws(() => expandSchedule(twice), /month_3/);
  });

  it('window instants in Stockholm: opens at local midnight, closes at the end of the last day', () => {
    const instants = windowInstants(
      { opensOn: '2026-03-26', dueOn: '2026-03-29', closesOn: '2026-04-05' },
      'Europe/Stockholm',
    );
    assert.equal(instants.opensAt.toISOString(), '2026-03-25T23:00:00.000Z');
    assert.equal(instants.overdueAt.toISOString(), '2026-03-29T22:00:00.000Z');
    assert.equal(instants.closesAt.toISOString(), '2026-04-05T22:00:00.000Z');
  });

  const inclusions = fc.integer({ min: 0, max: 3650 }).map((n) => addDays('2020-01-01', n));
  const windows = fc
    .tuple(
      fc.integer({ min: 0, max: 60 }),
      fc.integer({ min: 0, max: 60 }),
      fc.integer({ min: 0, max: 60 }),
    )
    .map(([opensBeforeDays, a, b]) => ({
      opensBeforeDays,
      dueAfterDays: Math.min(a, b),
      closesAfterDays: Math.max(a, b),
    }));

  it('property: opens <= target <= due <= closes, and plans are sorted by opening', () => {
    fc.assert(
      fc.property(
        inclusions,
        windows,
        fc.integer({ min: 0, max: 24 }),
        (inclusion, window, months) => {
          const definition = ScheduleDefinitionSchema.parse({
            ...MONTHLY,
            timepoints: [
              ...MONTHLY.timepoints,
              {
                timepoint: 'extra',
                offset: { unit: 'months', value: months },
                instruments: ['odi'],
                window,
              },
            ],
          });
          const plan = planAssignments(definition, inclusion);
          for (const row of plan) {
            assert.ok(
              row.opensOn <= row.targetOn && row.targetOn <= row.dueOn && row.dueOn <= row.closesOn,
            );
          }
          for (let i = 1; i < plan.length; i += 1) {
            assert.ok((plan[i - 1]?.opensOn ?? '') <= (plan[i]?.opensOn ?? ''));
          }
        },
      ),
    );
  });

  it('property: with day and week offsets, moving inclusion by k days moves every date by k', () => {
    fc.assert(
      fc.property(
        inclusions,
        fc.integer({ min: -400, max: 400 }),
        windows,
        (inclusion, k, window) => {
          const definition = ScheduleDefinitionSchema.parse({
            timeZone: 'UTC',
            timepoints: [
              {
                timepoint: 'day_10',
                offset: { unit: 'days', value: 10 },
                instruments: ['odi'],
                window,
              },
              {
                timepoint: 'week_6',
                offset: { unit: 'weeks', value: 6 },
                instruments: ['odi'],
                window,
              },
            ],
            reminders: POLICY,
          });
          const before = planAssignments(definition, inclusion);
          const after = planAssignments(definition, addDays(inclusion, k));
          before.forEach((row, i) => {
            const moved = after[i];
            assert.ok(moved);
            for (const key of ['targetOn', 'opensOn', 'dueOn', 'closesOn'] as const) {
              assert.equal(toDayNumber(moved[key]) - toDayNumber(row[key]), k);
            }
          });
        },
      ),
    );
  });
});
