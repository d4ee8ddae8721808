import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PatientTimeline, TimelineEvent } from '@workup/contracts';
import fc from 'fast-check';
import { formatNetDays, layoutTimeline, relativeDays, sortEvents } from './timeline-layout';

function timeline(overrides: Partial<PatientTimeline>): PatientTimeline {
  return {
    today: '2026-03-10',
    preset: 'se',
    parameters: { gapDays: 5, sustainedDays: 28 },
    followUp: null,
    spells: [],
    grossDays: 0,
    netDays: 0,
    rtw: null,
    sustainedRtw: null,
    censored: false,
    currentAbsence: null,
    checkpoints: [],
    events: [],
    ...overrides,
  };
}

const event = (on: string, kind: TimelineEvent['kind'], upcoming = false): TimelineEvent => ({
  on,
  kind,
  code: null,
  value: null,
  refId: null,
  upcoming,
});

test('nothing dated: nothing to draw', () => {
  assert.equal(layoutTimeline(timeline({})), null);
});

test('hand-worked layout: 10 days from 1 March, a spell of days 1-4, today on day 10', () => {
  // 2026-03-01..2026-03-10 is 10 days: each day is 10 % wide.
  const layout = layoutTimeline(
    timeline({
      followUp: { start: '2026-03-01', end: '2026-03-10' },
      spells: [{ from: '2026-03-01', to: '2026-03-04', grossDays: 4, netDays: 2 }],
      events: [event('2026-03-01', 'sick_leave_started'), event('2026-03-05', 'rtw')],
    }),
  );
  assert.ok(layout !== null);
  assert.equal(layout.start, '2026-03-01');
  assert.equal(layout.end, '2026-03-10');
  assert.equal(layout.days, 10);
  assert.deepEqual(
    layout.spells.map(({ leftPercent, widthPercent }) => [leftPercent, widthPercent]),
    [[0, 40]],
  );
  // A mark sits in the middle of its day: day 1 at 5 %, day 5 at 45 %; today (day 10) at 95 %.
  assert.deepEqual(
    layout.marks.map((mark) => mark.atPercent),
    [5, 45],
  );
  assert.equal(layout.todayPercent, 95);
});

test('upcoming events after today stretch the axis past today', () => {
  const layout = layoutTimeline(
    timeline({
      today: '2026-03-02',
      spells: [{ from: '2026-03-01', to: '2026-03-02', grossDays: 2, netDays: 2 }],
      events: [event('2026-03-04', 'checkpoint', true)],
    }),
  );
  assert.ok(layout !== null);
  assert.equal(layout.end, '2026-03-04');
  assert.equal(layout.days, 4);
  assert.equal(layout.todayPercent, 37.5);
  assert.deepEqual(layout.marks[0], {
    on: '2026-03-04',
    kind: 'checkpoint',
    upcoming: true,
    atPercent: 87.5,
  });
});

const isoDay = fc
  .integer({ min: 0, max: 3000 })
  .map((offset) => new Date(Date.UTC(2020, 0, 1 + offset)).toISOString().slice(0, 10));

test('property: every bar and mark lies within the drawing, bars never past its end', () => {
  fc.assert(
    fc.property(
      isoDay,
      fc.array(fc.tuple(isoDay, isoDay), { maxLength: 6 }),
      fc.array(isoDay, { maxLength: 8 }),
      (today, ranges, days) => {
        const layout = layoutTimeline(
          timeline({
            today,
            spells: ranges.map(([a, b]) => {
              const [from, to] = a <= b ? [a, b] : [b, a];
              return { from, to, grossDays: 1, netDays: 1 };
            }),
            events: days.map((on) => event(on, 'referral')),
          }),
        );
        if (ranges.length === 0 && days.length === 0) {
          assert.equal(layout, null);
          return;
        }
        assert.ok(layout !== null);
        for (const spell of layout.spells) {
          assert.ok(spell.leftPercent >= 0 && spell.widthPercent > 0);
          assert.ok(spell.leftPercent + spell.widthPercent <= 100.001);
        }
        for (const mark of [...layout.marks.map((m) => m.atPercent), layout.todayPercent]) {
          assert.ok(mark > 0 && mark < 100, String(mark));
        }
      },
    ),
  );
});

test('events are listed oldest first; one day keeps the server order', () => {
  const events = [
    event('2026-03-05', 'referral'),
    event('2026-03-01', 'sick_leave_started'),
    event('2026-03-05', 'referral_contact'),
  ];
  assert.deepEqual(
    sortEvents(events).map((e) => e.kind),
    ['sick_leave_started', 'referral', 'referral_contact'],
  );
  assert.equal(events[0]?.kind, 'referral', 'the input is not changed');
});

test('days until a deadline read as today, in n days or n days ago', () => {
  assert.deepEqual(relativeDays(0), { key: 'today', count: 0 });
  assert.deepEqual(relativeDays(3), { key: 'inDays', count: 3 });
  assert.deepEqual(relativeDays(-1), { key: 'daysAgo', count: 1 });
});

test('net days are never rounded to fewer decimals than core counts in', () => {
  assert.equal(formatNetDays(5, 'en'), '5');
  assert.equal(formatNetDays(2.5, 'en'), '2.5');
  // One day at 33.33 % is 0.3333 net days (core counts ten-thousandths of a day).
  assert.equal(formatNetDays(0.3333, 'en'), '0.3333');
  assert.equal(formatNetDays(1234.75, 'sv').replace(/\s/gu, ' '), '1 234,75');
});
