import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { ScheduleDefinitionSchema } from '@workup/contracts';
import { addDays } from '../rtw/dates';
import { reconcileAssignments, type ExistingAssignment } from './reconcile';
import { planAssignments, type PlannedAssignment } from './schedule';

const WINDOW = { opensBeforeDays: 7, dueAfterDays: 14, closesAfterDays: 28 };
const DEFINITION = ScheduleDefinitionSchema.parse({
  timeZone: 'UTC',
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
  reminders: { daysAfterOpening: [0], maxReminders: 1, sendAt: '09:00', channels: ['email'] },
});

const stored = (
  plan: PlannedAssignment,
  overrides: Partial<ExistingAssignment> = {},
): ExistingAssignment => ({
  id: `id-${plan.timepoint}`,
  ...plan,
  openedAt: null,
  completedAt: null,
  cancelledAt: null,
  ...overrides,
});

describe('followup reconciling: pending assignments move with the inclusion date and the schedule', () => {
  const now = new Date('2026-03-10T12:00:00Z');
  const before = planAssignments(DEFINITION, '2026-03-02');
  const [baseline] = before;
  if (!baseline) throw new Error('no baseline');

  it('moving inclusion a week later moves pending ones; the opened baseline keeps its dates', () => {
    const existing = before.map((plan) =>
      stored(
        plan,
        plan.timepoint === 'baseline' ? { openedAt: new Date('2026-03-02T08:00:00Z') } : {},
      ),
    );
    const result = reconcileAssignments(
      existing,
      planAssignments(DEFINITION, '2026-03-09'),
      'UTC',
      now,
    );
    assert.deepEqual(result.keep, ['id-baseline']);
    assert.deepEqual(
      result.move.map((m) => [m.id, m.planned.targetOn]),
      [
        ['id-month_3', '2026-06-09'],
        ['id-month_12', '2027-03-09'],
      ],
    );
    assert.deepEqual([result.create, result.cancel, result.skipped], [[], [], []]);
  });

  it('a timepoint dropped from the schedule is cancelled; a new one is created', () => {
    const existing = before.map((plan) => stored(plan));
    const changed = ScheduleDefinitionSchema.parse({
      ...DEFINITION,
      timepoints: [
        DEFINITION.timepoints[0],
        DEFINITION.timepoints[1],
        {
          timepoint: 'month_6',
          offset: { unit: 'months', value: 6 },
          instruments: ['odi'],
          window: WINDOW,
        },
      ],
    });
    const result = reconcileAssignments(
      existing,
      planAssignments(changed, '2026-03-02'),
      'UTC',
      now,
    );
    assert.deepEqual(result.cancel, ['id-month_12']);
    assert.deepEqual(
      result.create.map((p) => [p.timepoint, p.targetOn]),
      [['month_6', '2026-09-02']],
    );
    assert.deepEqual(result.keep.sort(), ['id-baseline', 'id-month_3']);
  });

  it('answered ones are kept; a window already closed is not created (retroactive inclusion)', () => {
    const result = reconcileAssignments(
      [stored(baseline, { completedAt: new Date('2026-03-03T10:00:00Z') })],
      planAssignments(DEFINITION, '2025-11-01'),
      'UTC',
      now,
    );
    assert.deepEqual(result.keep, ['id-baseline']);
    // Baseline of 1 Nov 2025 closed on 15 Nov; month 3 (1 Feb 2026) closed on 1 March.
    assert.deepEqual(result.skipped, ['month_3']);
    const fresh = reconcileAssignments([], planAssignments(DEFINITION, '2025-11-01'), 'UTC', now);
    assert.deepEqual(fresh.skipped, ['baseline', 'month_3']);
    assert.deepEqual(
      fresh.create.map((p) => p.timepoint),
      ['month_12'],
    );
  });

  it('property: every stored id lands in exactly one of move, cancel, keep', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -400, max: 400 }),
        fc.array(fc.constantFrom('none', 'opened', 'completed', 'cancelled'), {
          minLength: 3,
          maxLength: 3,
        }),
        fc.integer({ min: -200, max: 600 }),
        (shift, kinds, nowOffset) => {
          const existing = before.map((plan, i) =>
            stored(plan, {
              openedAt: kinds[i] === 'opened' ? now : null,
              completedAt: kinds[i] === 'completed' ? now : null,
              cancelledAt: kinds[i] === 'cancelled' ? now : null,
            }),
          );
          const at = new Date(now.getTime() + nowOffset * 86_400_000);
          const result = reconcileAssignments(
            existing,
            planAssignments(DEFINITION, addDays('2026-03-02', shift)),
            'UTC',
            at,
          );
          const ids = [...result.move.map((m) => m.id), ...result.cancel, ...result.keep].sort();
          assert.deepEqual(ids, existing.map((row) => row.id).sort());
          for (const moved of result.move) {
            const row = existing.find((r) => r.id === moved.id);
            assert.ok(row?.openedAt === null && row.completedAt === null);
          }
        },
      ),
    );
  });
});
