import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatCalendarDate } from './calendar-date';

describe('formatCalendarDate', () => {
  it('shows the recorded day in English (day before month) and Swedish', () => {
    assert.equal(formatCalendarDate('2025-03-03', 'en'), '3 March 2025');
    assert.equal(formatCalendarDate('2025-03-03', 'sv'), '3 mars 2025');
  });

  it('never moves a date to the day before, whatever the time zone', () => {
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'America/Los_Angeles';
      assert.equal(formatCalendarDate('2024-01-01', 'en'), '1 January 2024');
    } finally {
      process.env.TZ = saved;
    }
  });
});
