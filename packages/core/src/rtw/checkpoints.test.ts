import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkpointsForPeriods, statutoryCheckpoints } from './checkpoints';

const due = (list: readonly { code: string; due: string }[]) =>
  Object.fromEntries(list.map((checkpoint) => [checkpoint.code, checkpoint.due]));

describe('rtw checkpoints (reference.md §23)', () => {
  it('Norway: certificate day 4, NAV day 17, follow-up plan by week 4, activity by week 8', () => {
    // First day of absence Monday 2024-03-04 = day 1.
    const list = statutoryCheckpoints({
      preset: 'no',
      absenceStart: '2024-03-04',
      today: '2024-03-20',
    });
    assert.deepEqual(due(list), {
      no_certificate_required: '2024-03-07',
      no_sickness_benefit_starts: '2024-03-20',
      no_follow_up_plan_due: '2024-03-31',
      no_activity_requirement: '2024-04-28',
    });
    assert.deepEqual(
      list.map((checkpoint) => [checkpoint.dayOfAbsence, checkpoint.status, checkpoint.daysUntil]),
      [
        [4, 'passed', -13],
        [17, 'due_today', 0],
        [28, 'upcoming', 11],
        [56, 'upcoming', 39],
      ],
    );
  });

  it('Sweden: certificate day 8, FK day 15, report by day 21, RTW plan by day 30 if > 60 days', () => {
    const base = { preset: 'se', absenceStart: '2024-01-10', today: '2024-01-10' } as const;
    const unknown = statutoryCheckpoints(base);
    assert.deepEqual(due(unknown), {
      se_certificate_required: '2024-01-17',
      se_sickness_benefit_starts: '2024-01-24',
      se_employer_report_due: '2024-01-30',
      se_rtw_plan_due: '2024-02-08',
    });
    const plan = (expectedOver60Days?: boolean) =>
      statutoryCheckpoints({ ...base, expectedOver60Days }).find(
        (checkpoint) => checkpoint.code === 'se_rtw_plan_due',
      );
    assert.equal(plan()?.applies, null);
    assert.equal(plan()?.status, 'upcoming');
    assert.equal(plan()?.condition, 'expected_over_60_days');
    assert.equal(plan(true)?.applies, true);
    assert.equal(plan(false)?.status, 'not_applicable');
  });

  it('Finland: the day of onset plus 9 working days (Monday-Saturday, minus holidays)', () => {
    // Onset Monday 2024-12-02; working days Tue 3 ... Sat 7, Mon 9 ... Thu 12 (Sunday 8 skipped).
    assert.deepEqual(
      due(statutoryCheckpoints({ preset: 'fi', absenceStart: '2024-12-02', today: '2024-12-02' })),
      { fi_waiting_period_ends: '2024-12-12', fi_sickness_allowance_starts: '2024-12-13' },
    );
    // With Independence Day (Friday 2024-12-06) as a holiday, both move one working day.
    assert.deepEqual(
      due(
        statutoryCheckpoints({
          preset: 'fi',
          absenceStart: '2024-12-02',
          today: '2024-12-02',
          holidays: ['2024-12-06'],
        }),
      ),
      { fi_waiting_period_ends: '2024-12-13', fi_sickness_allowance_starts: '2024-12-14' },
    );
  });

  it('UK: the absence becomes long-term on day 28 (NICE PH19)', () => {
    assert.deepEqual(
      due(statutoryCheckpoints({ preset: 'uk', absenceStart: '2024-02-15', today: '2024-02-15' })),
      { uk_long_term_absence: '2024-03-13' },
    );
  });

  it('marks checkpoints after the end of an absence that ended as not reached', () => {
    const list = statutoryCheckpoints({
      preset: 'no',
      absenceStart: '2024-03-04',
      absenceEnd: '2024-03-19',
      today: '2024-04-01',
    });
    assert.deepEqual(
      list.map((checkpoint) => checkpoint.status),
      ['passed', 'not_reached', 'not_reached', 'not_reached'],
    );
    assert.throws(
      () =>
        statutoryCheckpoints({
          preset: 'no',
          absenceStart: '2024-03-04',
          absenceEnd: '2024-03-03',
          today: '2024-04-01',
        }),
      RangeError,
    );
  });

  it('finds the current absence from periods, joined with the preset’s gap', () => {
    // Norway joins absences with at most 15 free days between them: 03-04..03-08 and
    // 03-20..04-30 are one absence from 03-04 (11 free days), so NAV pays from day 17.
    const periods = [
      { from: '2024-03-04', to: '2024-03-08', degree: 100 },
      { from: '2024-03-20', to: '2024-04-30', degree: 50 },
    ];
    const joined = checkpointsForPeriods(periods, { preset: 'no', today: '2024-03-25' });
    assert.deepEqual(joined.spell, { from: '2024-03-04', to: '2024-04-30' });
    assert.equal(due(joined.checkpoints).no_sickness_benefit_starts, '2024-03-20');
    // Sweden joins over at most 4 free days: the same periods are two absences.
    const separate = checkpointsForPeriods(periods, { preset: 'se', today: '2024-03-25' });
    assert.deepEqual(separate.spell, { from: '2024-03-20', to: '2024-04-30' });
    assert.equal(due(separate.checkpoints).se_certificate_required, '2024-03-27');
    // Before any absence: nothing.
    assert.deepEqual(checkpointsForPeriods(periods, { preset: 'se', today: '2024-03-01' }), {
      spell: null,
      checkpoints: [],
    });
    // After the absence ended, it is reported as ended.
    const ended = checkpointsForPeriods(periods, { preset: 'uk', today: '2024-06-01' });
    assert.deepEqual(ended.spell, { from: '2024-03-20', to: '2024-04-30' });
    assert.equal(ended.checkpoints[0]?.status, 'passed');
  });
});
