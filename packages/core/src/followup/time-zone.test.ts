import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { addDays } from '../rtw/dates';
import { localDateOf, offsetMs, startOfLocalDay, zonedTimeToInstant } from './time-zone';

const HOUR_MS = 3_600_000;
const iso = (date: Date) => date.toISOString();

// EU summer time 2026: clocks go forward at 01:00 UTC on Sunday 29 March and back at 01:00 UTC
// on Sunday 25 October (Directive 2000/84/EC: the last Sundays of March and October).
describe('followup time zones: wall-clock times in Nordic zones across daylight saving', () => {
  it('09:00 in Stockholm is 08:00 UTC in winter and 07:00 UTC in summer', () => {
    assert.equal(
      iso(zonedTimeToInstant('2026-03-28', '09:00', 'Europe/Stockholm')),
      '2026-03-28T08:00:00.000Z',
    );
    assert.equal(
      iso(zonedTimeToInstant('2026-03-29', '09:00', 'Europe/Stockholm')),
      '2026-03-29T07:00:00.000Z',
    );
    assert.equal(
      iso(zonedTimeToInstant('2026-10-24', '09:00', 'Europe/Stockholm')),
      '2026-10-24T07:00:00.000Z',
    );
    assert.equal(
      iso(zonedTimeToInstant('2026-10-25', '09:00', 'Europe/Stockholm')),
      '2026-10-25T08:00:00.000Z',
    );
  });

  it('Oslo matches Stockholm, Helsinki is an hour ahead, London an hour behind', () => {
    assert.equal(
      iso(zonedTimeToInstant('2026-03-29', '09:00', 'Europe/Oslo')),
      '2026-03-29T07:00:00.000Z',
    );
    assert.equal(
      iso(zonedTimeToInstant('2026-03-29', '09:00', 'Europe/Helsinki')),
      '2026-03-29T06:00:00.000Z',
    );
    assert.equal(
      iso(zonedTimeToInstant('2026-01-15', '09:00', 'Europe/Helsinki')),
      '2026-01-15T07:00:00.000Z',
    );
    assert.equal(
      iso(zonedTimeToInstant('2026-03-29', '09:00', 'Europe/London')),
      '2026-03-29T08:00:00.000Z',
    );
    assert.equal(
      iso(zonedTimeToInstant('2026-03-28', '09:00', 'Europe/London')),
      '2026-03-28T09:00:00.000Z',
    );
    assert.equal(iso(zonedTimeToInstant('2026-03-29', '09:00', 'UTC')), '2026-03-29T09:00:00.000Z');
  });

  it('a skipped time (02:30 on the spring-forward night) is taken as 03:30 summer time', () => {
    assert.equal(
      iso(zonedTimeToInstant('2026-03-29', '02:30', 'Europe/Stockholm')),
      '2026-03-29T01:30:00.000Z',
    );
  });

  it('a repeated time (02:30 on the fall-back night) is the earlier one', () => {
    assert.equal(
      iso(zonedTimeToInstant('2026-10-25', '02:30', 'Europe/Stockholm')),
      '2026-10-25T00:30:00.000Z',
    );
  });

  it('days start at local midnight: 23:00 UTC the evening before in winter, 22:00 in summer', () => {
    assert.equal(
      iso(startOfLocalDay('2026-03-29', 'Europe/Stockholm')),
      '2026-03-28T23:00:00.000Z',
    );
    assert.equal(
      iso(startOfLocalDay('2026-03-30', 'Europe/Stockholm')),
      '2026-03-29T22:00:00.000Z',
    );
    assert.equal(localDateOf(new Date('2026-03-28T23:30:00Z'), 'Europe/Stockholm'), '2026-03-29');
    assert.equal(localDateOf(new Date('2026-03-28T22:59:59Z'), 'Europe/Stockholm'), '2026-03-28');
    assert.equal(offsetMs(new Date('2026-07-01T12:00:00Z'), 'Europe/Helsinki'), 3 * HOUR_MS);
  });

  it('rejects a malformed time', () => {
    assert.throws(() => zonedTimeToInstant('2026-03-29', '9:00', 'UTC'), RangeError);
    assert.throws(() => zonedTimeToInstant('2026-03-29', '24:00', 'UTC'), RangeError);
  });

  const zones = fc.constantFrom(
    'Europe/Stockholm',
    'Europe/Oslo',
    'Europe/Helsinki',
    'Europe/London',
    'UTC',
  );
  const dates = fc.integer({ min: 0, max: 3 * 366 }).map((n) => addDays('2025-01-01', n));
  const times = fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
    .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);

  it('property: the instant falls on the same local date, and shows the same time unless skipped', () => {
    fc.assert(
      fc.property(zones, dates, times, (zone, date, time) => {
        const instant = zonedTimeToInstant(date, time, zone);
        assert.equal(localDateOf(instant, zone), date);
        const shown = new Intl.DateTimeFormat('en-GB', {
          timeZone: zone,
          hour: '2-digit',
          minute: '2-digit',
          hourCycle: 'h23',
        }).format(instant);
        // Only the spring-forward hour is skipped: 01:00-01:59 in London, 02:00-02:59 in
        // Stockholm and Oslo, 03:00-03:59 in Helsinki (all at 01:00 UTC).
        if (shown !== time) {
          const hour = Number(time.slice(0, 2));
          assert.ok(hour >= 1 && hour <= 3, `${zone} ${date} ${time} shows ${shown}`);
          assert.equal(
            offsetMs(instant, zone) - offsetMs(new Date(instant.getTime() - 2 * HOUR_MS), zone),
            HOUR_MS,
          );
        }
      }),
    );
  });

  it('property: later wall-clock times of a day are never earlier instants', () => {
    fc.assert(
      fc.property(zones, dates, times, times, (zone, date, a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        assert.ok(
          zonedTimeToInstant(date, early, zone).getTime() <=
            zonedTimeToInstant(date, late, zone).getTime(),
        );
      }),
    );
  });
});
