import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { endOfLocalDay, redFlagDeadline, SITE_TIME_ZONE, URGENT_DEADLINE_MS } from './deadline';

const localDate = (instant: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone }).format(instant);

describe('red-flag task deadlines', () => {
  it('gives an emergency until the end of the same local day (Stockholm, CET)', () => {
    // 08:00 UTC is 09:00 in Stockholm in March before daylight saving; midnight is 23:00 UTC.
    assert.equal(
      redFlagDeadline('emergency', new Date('2026-03-02T08:00:00Z')).toISOString(),
      '2026-03-02T23:00:00.000Z',
    );
    // 23:30 UTC is already the next day in Stockholm: that whole day.
    assert.equal(
      redFlagDeadline('emergency', new Date('2026-03-02T23:30:00Z')).toISOString(),
      '2026-03-03T23:00:00.000Z',
    );
  });

  it('follows daylight saving: the day it starts (23 h) and ends (25 h)', () => {
    // 29 March 2026: clocks go from 02:00 CET to 03:00 CEST; midnight after is 22:00 UTC.
    assert.equal(
      endOfLocalDay(new Date('2026-03-28T23:30:00Z'), 'Europe/Stockholm').toISOString(),
      '2026-03-29T22:00:00.000Z',
    );
    // 25 October 2026: clocks go from 03:00 CEST to 02:00 CET; midnight after is 23:00 UTC.
    assert.equal(
      endOfLocalDay(new Date('2026-10-24T22:30:00Z'), 'Europe/Stockholm').toISOString(),
      '2026-10-25T23:00:00.000Z',
    );
    assert.equal(
      endOfLocalDay(new Date('2026-06-15T12:00:00Z'), 'UTC').toISOString(),
      '2026-06-16T00:00:00.000Z',
    );
  });

  it('gives an urgent red flag 24 hours', () => {
    assert.equal(
      redFlagDeadline('urgent', new Date('2026-03-02T08:00:00Z')).toISOString(),
      '2026-03-03T08:00:00.000Z',
    );
    assert.equal(URGENT_DEADLINE_MS, 86_400_000);
  });

  it('always ends the emergency day after opening, on the local day it opened', () => {
    const zones = ['Europe/Stockholm', 'Europe/Oslo', 'Europe/Helsinki', 'Europe/London', 'UTC'];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) }),
        fc.constantFrom(...zones),
        (ms, zone) => {
          const opened = new Date(ms);
          const end = endOfLocalDay(opened, zone);
          assert.ok(end.getTime() > opened.getTime());
          assert.ok(end.getTime() - opened.getTime() <= 25 * 60 * 60 * 1000);
          assert.equal(localDate(new Date(end.getTime() - 1), zone), localDate(opened, zone));
          assert.notEqual(localDate(end, zone), localDate(opened, zone));
        },
      ),
    );
    assert.equal(SITE_TIME_ZONE, 'Europe/Stockholm');
  });
});
