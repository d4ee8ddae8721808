import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { formatCalendarDate, formatDays, formatRate } from './dashboard-format';

test('response rates show as percentages to one decimal', () => {
  assert.equal(formatRate(2 / 3, 'en'), '66.7%');
  assert.equal(formatRate(1, 'en'), '100.0%');
  assert.equal(formatRate(0, 'en'), '0.0%');
  assert.equal(formatRate(null, 'en'), '–');
  assert.match(formatRate(0.5, 'sv'), /^50,0\s%$/u);
});

test('delays show to the hundredth of a day, as the API rounds them', () => {
  assert.equal(formatDays(2.5, 'en'), '2.50');
  assert.equal(formatDays(0.01, 'en'), '0.01');
  assert.equal(formatDays(null, 'en'), '–');
  assert.equal(formatDays(1.25, 'sv'), '1,25');
});

test('a calendar date is the same day whatever the time zone', () => {
  assert.equal(formatCalendarDate('2026-03-01', 'en'), '1 March 2026');
  assert.equal(formatCalendarDate('2026-03-01', 'sv'), '1 mars 2026');
  fc.assert(
    fc.property(
      fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
      (date) => {
        const iso = date.toISOString().slice(0, 10);
        const day = Number(iso.slice(8, 10));
        assert.ok(formatCalendarDate(iso, 'en').startsWith(`${String(day)} `));
      },
    ),
  );
});
