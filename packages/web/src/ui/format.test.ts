import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { formatDate } from './format';

describe('formatDate', () => {
  const zone = process.env.TZ;
  after(() => {
    process.env.TZ = zone;
  });

  it('shows a calendar date as that day in any time zone', () => {
    for (const tz of ['America/Los_Angeles', 'UTC', 'Europe/Stockholm', 'Pacific/Kiritimati']) {
      process.env.TZ = tz;
      assert.equal(formatDate('2024-01-01', 'en'), '1 January 2024', tz);
      assert.equal(formatDate('2025-03-03', 'sv'), '3 mars 2025', tz);
    }
  });

  it('shows a timestamp on the reader’s own calendar', () => {
    process.env.TZ = 'America/Los_Angeles';
    assert.equal(formatDate('2024-01-01T03:00:00Z', 'en'), '31 December 2023');
    process.env.TZ = 'Europe/Stockholm';
    assert.equal(formatDate('2024-01-01T03:00:00Z', 'en'), '1 January 2024');
  });
});
