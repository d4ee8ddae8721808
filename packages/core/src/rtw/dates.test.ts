import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  addDays,
  addMonths,
  civilFromDays,
  daysFromCivil,
  daysInMonth,
  fromDayNumber,
  isoWeekday,
  toDayNumber,
} from './dates';

const MS_PER_DAY = 86_400_000;

/** Date.UTC maps years 0-99 to 1900-1999, so the oracle uses setUTCFullYear. */
function utcDayNumber(y: number, m: number, d: number): number {
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  return Math.round(date.getTime() / MS_PER_DAY);
}

/** Any day number of the years 0000-9999. */
const dayNumbers = fc.integer({ min: daysFromCivil(0, 1, 1), max: daysFromCivil(9999, 12, 31) });

describe('rtw dates: day numbers', () => {
  it('counts from 1970-01-01', () => {
    assert.equal(toDayNumber('1970-01-01'), 0);
    assert.equal(toDayNumber('1969-12-31'), -1);
    assert.equal(toDayNumber('2000-03-01'), 11_017);
    assert.equal(toDayNumber('2024-01-01'), 19_723);
    assert.equal(fromDayNumber(19_723), '2024-01-01');
    assert.equal(fromDayNumber(daysFromCivil(0, 1, 1)), '0000-01-01');
    assert.equal(fromDayNumber(daysFromCivil(9999, 12, 31)), '9999-12-31');
  });

  it('agrees with the JavaScript calendar (proleptic Gregorian) on random days of 0000-9999', () => {
    fc.assert(
      fc.property(dayNumbers, (day) => {
        const { y, m, d } = civilFromDays(day);
        assert.equal(utcDayNumber(y, m, d), day);
        assert.equal(daysFromCivil(y, m, d), day);
        assert.equal(toDayNumber(fromDayNumber(day)), day);
      }),
      { numRuns: 2000 },
    );
  });

  it('knows leap years, including the century rules', () => {
    assert.equal(daysInMonth(2024, 2), 29);
    assert.equal(daysInMonth(2023, 2), 28);
    assert.equal(daysInMonth(1900, 2), 28);
    assert.equal(daysInMonth(2000, 2), 29);
    assert.equal(daysInMonth(2024, 12), 31);
    assert.equal(addDays('2024-02-28', 1), '2024-02-29');
    assert.equal(addDays('2023-02-28', 1), '2023-03-01');
    assert.equal(addDays('2024-12-31', 1), '2025-01-01');
    assert.equal(addDays('2024-01-01', -1), '2023-12-31');
  });

  it('refuses strings that are not calendar dates (a programmer error at this point)', () => {
    for (const bad of ['2023-02-29', '2024-04-31', '2024-13-01', '2024-00-10', '2024-1-01', '']) {
      assert.throws(() => toDayNumber(bad), RangeError, bad);
    }
    assert.throws(() => fromDayNumber(0.5), RangeError);
    assert.throws(() => fromDayNumber(daysFromCivil(10_000, 1, 1)), RangeError);
  });

  it('names weekdays ISO-style (1970-01-01 was a Thursday)', () => {
    assert.equal(isoWeekday(0), 4);
    assert.equal(isoWeekday(toDayNumber('2024-03-04')), 1);
    assert.equal(isoWeekday(toDayNumber('2024-03-10')), 7);
    assert.equal(isoWeekday(toDayNumber('1969-12-29')), 1);
    fc.assert(
      fc.property(dayNumbers, (day) => {
        const { y, m, d } = civilFromDays(day);
        const date = new Date(0);
        date.setUTCFullYear(y, m - 1, d);
        assert.equal(isoWeekday(day) % 7, date.getUTCDay());
      }),
    );
  });
});

describe('rtw dates: calendar months', () => {
  it('adds months, ending on the last day of a shorter month', () => {
    assert.equal(addMonths('2024-01-15', 6), '2024-07-15');
    assert.equal(addMonths('2024-01-31', 1), '2024-02-29');
    assert.equal(addMonths('2023-01-31', 1), '2023-02-28');
    assert.equal(addMonths('2024-08-31', 6), '2025-02-28');
    assert.equal(addMonths('2024-11-30', 3), '2025-02-28');
    assert.equal(addMonths('2024-03-31', -1), '2024-02-29');
    assert.equal(addMonths('2024-01-01', 12), '2025-01-01');
    assert.equal(addMonths('2024-02-29', 12), '2025-02-28');
  });

  it('keeps the day of the month when it exists', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2200 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: -240, max: 240 }),
        (y, m, d, months) => {
          const date = fromDayNumber(daysFromCivil(y, m, d));
          assert.equal(addMonths(date, months).slice(8), date.slice(8));
          assert.equal(addMonths(addMonths(date, months), -months), date);
        },
      ),
    );
  });
});
