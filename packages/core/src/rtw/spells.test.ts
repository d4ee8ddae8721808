import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { fromDayNumber, toDayNumber } from './dates';
import { countDays, degreeSegments, degreeUnits, joinSpells, unitsOnDay } from './spells';

const day = toDayNumber;

describe('rtw spells: the degree of each day (contracts.md §4 def. 1)', () => {
  it('takes the highest degree where periods overlap, and merges equal neighbours', () => {
    assert.deepEqual(
      degreeSegments([
        { from: '2024-01-10', to: '2024-01-19', degree: 50 },
        { from: '2024-01-15', to: '2024-01-15', degree: 100 },
        { from: '2024-01-20', to: '2024-01-22', degree: 50 },
        { from: '2024-01-25', to: '2024-01-25', degree: 0 },
      ]),
      [
        { from: day('2024-01-10'), to: day('2024-01-14'), units: 5000 },
        { from: day('2024-01-15'), to: day('2024-01-15'), units: 10_000 },
        { from: day('2024-01-16'), to: day('2024-01-22'), units: 5000 },
      ],
    );
    assert.deepEqual(degreeSegments([]), []);
  });

  it('never gives a day more than 100 %, and only days with sick leave', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            start: fc.integer({ min: 0, max: 60 }),
            length: fc.integer({ min: 1, max: 20 }),
            degree: fc.integer({ min: 0, max: 100 }),
          }),
          { maxLength: 10 },
        ),
        (raw) => {
          const base = day('2024-01-01');
          const periods = raw.map(({ start, length, degree }) => ({
            from: fromDayNumber(base + start),
            to: fromDayNumber(base + start + length - 1),
            degree,
          }));
          const segments = degreeSegments(periods);
          for (const [index, segment] of segments.entries()) {
            assert.ok(segment.units > 0 && segment.units <= 10_000);
            assert.ok(segment.from <= segment.to);
            const next = segments[index + 1];
            if (next !== undefined) {
              assert.ok(next.from > segment.to, 'in order, not overlapping');
              assert.ok(next.from > segment.to + 1 || next.units !== segment.units, 'merged');
            }
          }
          for (let d = base - 1; d <= base + 81; d += 1) {
            const covering = raw
              .filter(({ start, length }) => base + start <= d && d <= base + start + length - 1)
              .map(({ degree }) => degree * 100);
            assert.equal(unitsOnDay(segments, d), Math.max(0, ...covering));
          }
        },
      ),
    );
  });

  it('refuses degrees it cannot sum exactly (the schema refuses them first)', () => {
    assert.equal(degreeUnits(33.33), 3333);
    assert.equal(degreeUnits(0.01), 1);
    assert.equal(degreeUnits(100), 10_000);
    for (const bad of [-1, 100.01, 33.333, Number.NaN]) {
      assert.throws(() => degreeUnits(bad), RangeError, String(bad));
    }
    assert.throws(
      () => degreeSegments([{ from: '2024-01-02', to: '2024-01-01', degree: 50 }]),
      RangeError,
    );
  });
});

describe('rtw spells: joining over a gap (contracts.md §4 def. 2)', () => {
  const segments = [
    { from: 10, to: 12, units: 10_000 },
    { from: 14, to: 15, units: 5000 },
    { from: 19, to: 19, units: 2500 },
  ];

  it('joins only touching sick days with gap 0', () => {
    assert.deepEqual(
      joinSpells(segments, 0).map((spell) => [spell.from, spell.to]),
      [
        [10, 12],
        [14, 15],
        [19, 19],
      ],
    );
  });

  it('joins over at most `gap` free days', () => {
    assert.deepEqual(
      joinSpells(segments, 1).map((spell) => [spell.from, spell.to]),
      [
        [10, 15],
        [19, 19],
      ],
    );
    assert.deepEqual(
      joinSpells(segments, 2).map((spell) => [spell.from, spell.to]),
      [
        [10, 15],
        [19, 19],
      ],
    );
    assert.deepEqual(
      joinSpells(segments, 3).map((spell) => [spell.from, spell.to]),
      [[10, 19]],
    );
    assert.throws(() => joinSpells(segments, -1), RangeError);
  });

  it('counts sick days and net units within a window only', () => {
    assert.deepEqual(countDays(segments, 0, 100), {
      grossDays: 6,
      netUnits: 3 * 10_000 + 2 * 5000 + 2500,
    });
    assert.deepEqual(countDays(segments, 11, 14), { grossDays: 3, netUnits: 2 * 10_000 + 5000 });
    assert.deepEqual(countDays(segments, 16, 18), { grossDays: 0, netUnits: 0 });
  });
});
