import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { formatCalendarDate, localDate, localDateTimeInput, localDateTimeToIso } from './calendar';

test('a calendar date is shown as that day (formatted as a UTC day, not a local instant)', () => {
  assert.equal(formatCalendarDate('2026-03-01', 'en'), '1 March 2026');
  assert.equal(formatCalendarDate('2026-03-01', 'sv'), '1 mars 2026');
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 40_000 }), (offset) => {
      const iso = new Date(Date.UTC(2000, 0, 1 + offset)).toISOString().slice(0, 10);
      const day = Number(iso.slice(8, 10));
      assert.ok(formatCalendarDate(iso, 'en').startsWith(`${String(day)} `));
    }),
  );
});

test('a datetime-local value is read as local time and sent as an instant', () => {
  // Tests run with TZ=UTC: local time is UTC.
  assert.equal(localDateTimeToIso('2026-03-01T09:30'), '2026-03-01T09:30:00.000Z');
  assert.equal(localDateTimeToIso('2026-03-01T09:30:15'), '2026-03-01T09:30:15.000Z');
  assert.equal(localDateTimeToIso('2026-03-01T09:30:60'), null, 'no such second');
  assert.equal(localDateTimeToIso('2026-02-30T09:30'), null, 'no such day');
  assert.equal(localDateTimeToIso('2026-03-01'), null, 'no time');
  assert.equal(localDateTimeToIso(''), null);
});

test('the local date and time of now, as the inputs want them', () => {
  const now = new Date(2026, 2, 5, 7, 4, 9);
  assert.equal(localDate(now), '2026-03-05');
  assert.equal(localDateTimeInput(now), '2026-03-05T07:04:09');
  assert.equal(localDateTimeToIso(localDateTimeInput(now)), now.toISOString());
});
