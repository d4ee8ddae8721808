import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  RtwInputSchema,
  RtwResultSchema,
  type RtwInput,
  type RtwPersonResult,
  type RtwPresetId,
  type SickLeavePeriod,
} from '@workup/contracts';
import { addDays, fromDayNumber, toDayNumber } from './dates';
import {
  absenceInWindow,
  computeRtw,
  monthsAfterInclusion,
  partialRtw,
  presetDegreeIssues,
  resolveRtwParameters,
  RTW_ALGORITHM_VERSION,
  type RtwOptions,
} from './outcomes';

interface Case {
  id: string;
  source: string;
  why: string;
  input: unknown;
  options: { preset?: RtwPresetId; gapDays?: number; sustainedDays?: number };
  expected: RtwPersonResult[];
}

const caseList = (
  JSON.parse(readFileSync(new URL('./cases.json', import.meta.url), 'utf8')) as { cases: Case[] }
).cases;

describe('rtw: hand-worked cases (cases.json, contracts.md §4)', () => {
  it('has a case for each definition and edge the issue names', () => {
    const ids = caseList.map((testCase) => testCase.id);
    for (const prefix of ['def1-', 'def2-', 'def3-', 'def4-', 'def5-', 'no-spell']) {
      assert.ok(
        ids.some((id) => id.startsWith(prefix)),
        `a case starting ${prefix}`,
      );
    }
    assert.equal(new Set(ids).size, ids.length, 'case ids are unique');
  });
  for (const testCase of caseList) {
    it(`${testCase.id} (${testCase.source})`, () => {
      const input = RtwInputSchema.parse(testCase.input);
      const result = computeRtw(input, testCase.options);
      assert.deepEqual(result, {
        preset: testCase.options.preset ?? null,
        algorithmVersion: RTW_ALGORITHM_VERSION,
        persons: testCase.expected,
      });
      RtwResultSchema.parse(result);
    });
  }
});

// ---------------------------------------------------------------------------------------------
// An independent model, day by day, written straight from the definitions for the properties.

interface Naive {
  spells: { from: number; to: number; gross: number; netUnits: number }[];
  gross: number;
  netUnits: number;
  rtw: number | null;
  sustained: number | null;
  censored: boolean;
}

function naiveUnits(periods: readonly SickLeavePeriod[]): Map<number, number> {
  const units = new Map<number, number>();
  for (const period of periods) {
    for (let day = toDayNumber(period.from); day <= toDayNumber(period.to); day += 1) {
      units.set(day, Math.max(units.get(day) ?? 0, Math.round(period.degree * 100)));
    }
  }
  return units;
}

function naive(
  periods: readonly SickLeavePeriod[],
  followUp: { start: string; end: string },
  gap: number,
  sustained: number,
): Naive {
  const units = naiveUnits(periods);
  const start = toDayNumber(followUp.start);
  const end = toDayNumber(followUp.end);
  const sickDays = [...units.entries()]
    .filter(([, value]) => value > 0)
    .map(([day]) => day)
    .sort((a, b) => a - b);
  const all: { from: number; to: number; days: number[] }[] = [];
  for (const day of sickDays) {
    const last = all.at(-1);
    if (last !== undefined && day - last.to - 1 <= gap) {
      last.to = day;
      last.days.push(day);
    } else all.push({ from: day, to: day, days: [day] });
  }
  const spells = all
    .filter((spell) => spell.to >= start && spell.from <= end)
    .map((spell) => {
      const inside = spell.days.filter((day) => day >= start && day <= end);
      return {
        from: spell.from,
        to: spell.to,
        gross: inside.length,
        netUnits: inside.reduce((sum, day) => sum + (units.get(day) ?? 0), 0),
      };
    });
  const index = spells[0];
  const rtw = index !== undefined && index.to + 1 <= end ? index.to + 1 : null;
  let sustainedDay: number | null = null;
  if (rtw !== null) {
    for (let day = rtw; day + sustained - 1 <= end && sustainedDay === null; day += 1) {
      let free = true;
      for (let offset = 0; offset < sustained; offset += 1) {
        if ((units.get(day + offset) ?? 0) > 0) free = false;
      }
      if (free) sustainedDay = day;
    }
  }
  return {
    spells,
    gross: spells.reduce((sum, spell) => sum + spell.gross, 0),
    netUnits: spells.reduce((sum, spell) => sum + spell.netUnits, 0),
    rtw,
    sustained: sustainedDay,
    censored: (units.get(end) ?? 0) > 0,
  };
}

const BASE = toDayNumber('2024-01-01');
const DEGREES = [0, 20, 25, 33.33, 50, 66.67, 75, 99.99, 100];

const periodArbitrary = fc
  .record({
    person: fc.constantFrom('a', 'b', 'c'),
    start: fc.integer({ min: -40, max: 140 }),
    length: fc.integer({ min: 1, max: 40 }),
    degree: fc.oneof(fc.constantFrom(...DEGREES), fc.integer({ min: 0, max: 100 })),
  })
  .map(({ person, start, length, degree }): SickLeavePeriod => ({
    person,
    from: fromDayNumber(BASE + start),
    to: fromDayNumber(BASE + start + length - 1),
    degree,
  }));

const inputArbitrary = fc
  .record({
    periods: fc.array(periodArbitrary, { maxLength: 12 }),
    start: fc.integer({ min: 0, max: 60 }),
    length: fc.integer({ min: 1, max: 100 }),
  })
  .map(({ periods, start, length }): RtwInput => ({
    periods,
    followUp: {
      start: fromDayNumber(BASE + start),
      end: fromDayNumber(BASE + start + length - 1),
    },
  }));

const optionsArbitrary = fc.record({
  gapDays: fc.integer({ min: 0, max: 20 }),
  sustainedDays: fc.integer({ min: 1, max: 40 }),
});

describe('rtw: properties against a day-by-day model', () => {
  it('spells, gross and net days, rtw, sustained RTW and censoring match the model', () => {
    fc.assert(
      fc.property(inputArbitrary, optionsArbitrary, (input, options) => {
        const result = computeRtw(input, options);
        for (const person of result.persons) {
          const mine = input.periods.filter((period) => period.person === person.person);
          const model = naive(mine, input.followUp, options.gapDays, options.sustainedDays);
          assert.deepEqual(
            person.spells,
            model.spells.map((spell) => ({
              from: fromDayNumber(spell.from),
              to: fromDayNumber(spell.to),
              grossDays: spell.gross,
              netDays: spell.netUnits / 10_000,
            })),
          );
          assert.equal(person.grossDays, model.gross);
          assert.equal(person.netDays, model.netUnits / 10_000);
          assert.equal(person.rtw, model.rtw === null ? null : fromDayNumber(model.rtw));
          assert.equal(
            person.sustainedRtw,
            model.sustained === null ? null : fromDayNumber(model.sustained),
          );
          assert.equal(person.censored, model.censored);
        }
        assert.deepEqual(
          result.persons.map((person) => person.person),
          [...new Set(input.periods.map((period) => period.person))].sort(),
        );
      }),
      { numRuns: 400 },
    );
  });

  it('n days at d % are n × d / 100 net days, exactly (10 days at 50 % = 5)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3660 }),
        fc.integer({ min: 1, max: 10_000 }),
        (days, hundredths) => {
          const degree = hundredths / 100;
          const input: RtwInput = {
            periods: [
              { person: 'p', from: '2020-01-01', to: addDays('2020-01-01', days - 1), degree },
            ],
            followUp: { start: '2020-01-01', end: '2030-12-31' },
          };
          const [person] = computeRtw(input).persons;
          assert.equal(person?.grossDays, days);
          assert.equal(person.netDays, (days * hundredths) / 10_000);
        },
      ),
    );
    const ten = computeRtw({
      periods: [{ person: 'p', from: '2024-01-01', to: '2024-01-10', degree: 50 }],
      followUp: { start: '2024-01-01', end: '2024-12-31' },
    });
    assert.equal(ten.persons[0]?.netDays, 5);
  });

  it('a day covered by 50 % and 100 % counts 1; overlaps never exceed 100 %', () => {
    const overlap = computeRtw({
      periods: [
        { person: 'p', from: '2024-01-01', to: '2024-01-01', degree: 50 },
        { person: 'p', from: '2024-01-01', to: '2024-01-01', degree: 100 },
      ],
      followUp: { start: '2024-01-01', end: '2024-12-31' },
    });
    assert.equal(overlap.persons[0]?.netDays, 1);
    assert.equal(overlap.persons[0].grossDays, 1);
    fc.assert(
      fc.property(inputArbitrary, optionsArbitrary, (input, options) => {
        const windowDays = toDayNumber(input.followUp.end) - toDayNumber(input.followUp.start) + 1;
        for (const person of computeRtw(input, options).persons) {
          assert.ok(person.netDays <= person.grossDays);
          assert.ok(person.grossDays <= windowDays);
        }
      }),
    );
  });

  it('does not depend on the order of the periods, nor on splitting a period in two', () => {
    fc.assert(
      fc.property(inputArbitrary, optionsArbitrary, fc.nat(), (input, options, seed) => {
        const expected = computeRtw(input, options);
        const shuffled = [...input.periods].sort(
          (a, b) =>
            ((a.from.charCodeAt(9) * 31 + seed) % 7) - ((b.from.charCodeAt(9) * 31 + seed) % 7),
        );
        assert.deepEqual(computeRtw({ ...input, periods: shuffled }, options), expected);
        const split = input.periods.flatMap((period) =>
          period.from === period.to
            ? [period]
            : [
                { ...period, to: period.from },
                { ...period, from: addDays(period.from, 1) },
              ],
        );
        assert.deepEqual(computeRtw({ ...input, periods: split }, options), expected);
      }),
    );
  });

  it('a period covered by one of a higher degree changes nothing', () => {
    fc.assert(
      fc.property(inputArbitrary, optionsArbitrary, (input, options) => {
        const covered = input.periods
          .filter((period) => period.degree > 0)
          .map((period) => ({ ...period, degree: period.degree / 2 > 0.01 ? 0.01 : 0 }));
        assert.deepEqual(
          computeRtw({ ...input, periods: [...input.periods, ...covered] }, options),
          computeRtw(input, options),
        );
      }),
    );
  });

  it('the gap joins spells but never changes the days counted in the window', () => {
    fc.assert(
      fc.property(
        inputArbitrary,
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 0, max: 20 }),
        (input, gapA, gapB) => {
          const [small, large] = gapA <= gapB ? [gapA, gapB] : [gapB, gapA];
          const a = computeRtw(input, { gapDays: small });
          const b = computeRtw(input, { gapDays: large });
          a.persons.forEach((person, index) => {
            const other = b.persons[index];
            assert.ok(other);
            assert.equal(other.grossDays, person.grossDays);
            assert.equal(other.netDays, person.netDays);
            // A larger gap can only merge spells with sick days in the window. (It can add a
            // spell with none: sick days before and after a short window joined across it.)
            const withDays = (spells: readonly { grossDays: number }[]) =>
              spells.filter((spell) => spell.grossDays > 0).length;
            assert.ok(withDays(other.spells) <= withDays(person.spells));
            assert.equal(other.censored, person.censored);
          });
        },
      ),
    );
  });

  it('a relapse on day N-1 or N of the run delays sustained RTW; on day N+1 it does not', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 1, max: 30 }),
        // From 3 days, so that day N-1 is not rtw itself (a relapse there would extend the spell).
        fc.integer({ min: 3, max: 60 }),
        fc.constantFrom(25, 50, 100),
        (spellStart, spellLength, sustained, relapseDegree) => {
          const from = addDays('2024-01-01', spellStart);
          const to = addDays(from, spellLength - 1);
          const rtw = addDays(to, 1);
          const followUp = { start: '2024-01-01', end: addDays(rtw, 3 * sustained + 5) };
          const withRelapseOn = (dayOfRun: number) => {
            const relapse = addDays(rtw, dayOfRun - 1);
            const [person] = computeRtw(
              {
                periods: [
                  { person: 'p', from, to, degree: 100 },
                  { person: 'p', from: relapse, to: relapse, degree: relapseDegree },
                ],
                followUp,
              },
              { sustainedDays: sustained },
            ).persons;
            assert.equal(person?.rtw, rtw);
            return { relapse, sustainedRtw: person.sustainedRtw };
          };
          const early = withRelapseOn(sustained - 1);
          assert.equal(early.sustainedRtw, addDays(early.relapse, 1));
          const last = withRelapseOn(sustained);
          assert.equal(last.sustainedRtw, addDays(last.relapse, 1));
          assert.equal(withRelapseOn(sustained + 1).sustainedRtw, rtw);
        },
      ),
    );
  });
});

describe('rtw: parameters and presets', () => {
  it('takes --gap over the preset, the preset over 0, and 28 days by default', () => {
    assert.equal(resolveRtwParameters().gapDays, 0);
    assert.equal(resolveRtwParameters().sustainedDays, 28);
    assert.equal(resolveRtwParameters({ preset: 'se' }).gapDays, 4);
    assert.equal(resolveRtwParameters({ preset: 'no' }).gapDays, 15);
    assert.equal(resolveRtwParameters({ preset: 'fi' }).gapDays, 0);
    assert.equal(resolveRtwParameters({ preset: 'uk' }).gapDays, 0);
    assert.equal(resolveRtwParameters({ preset: 'no', gapDays: 2 }).gapDays, 2);
    assert.equal(resolveRtwParameters({ preset: 'no', gapDays: 0 }).gapDays, 0);
    assert.equal(resolveRtwParameters({ sustainedDays: 7 }).sustainedDays, 7);
  });

  it('refuses impossible parameters (programmer errors: the CLI checks them first)', () => {
    const bad: RtwOptions[] = [
      { gapDays: -1 },
      { gapDays: 1.5 },
      { sustainedDays: 0 },
      { sustainedDays: 2.5 },
    ];
    for (const options of bad) assert.throws(() => resolveRtwParameters(options), RangeError);
  });

  it('reports degrees a preset does not allow, with their path; 0 is always allowed', () => {
    const periods = [
      { degree: 50 },
      { degree: 40 },
      { degree: 0 },
      { degree: 10 },
      { degree: 100 },
    ];
    assert.deepEqual(
      presetDegreeIssues(periods, 'se').map((issue) => issue.path),
      [
        ['periods', 1, 'degree'],
        ['periods', 3, 'degree'],
      ],
    );
    assert.deepEqual(
      presetDegreeIssues(periods, 'no').map((issue) => issue.path),
      [['periods', 3, 'degree']],
    );
    assert.deepEqual(
      presetDegreeIssues(periods, 'fi').map((issue) => issue.path),
      [
        ['periods', 1, 'degree'],
        ['periods', 3, 'degree'],
      ],
    );
    assert.deepEqual(presetDegreeIssues(periods, 'uk'), []);
    assert.match(presetDegreeIssues([{ degree: 40 }], 'se')[0]?.message ?? '', /25, 50, 75, 100/);
  });

  it('does not mutate its input', () => {
    fc.assert(
      fc.property(inputArbitrary, optionsArbitrary, (input, options) => {
        const copy = structuredClone(input);
        computeRtw(input, options);
        assert.deepEqual(input, copy);
      }),
      { numRuns: 50 },
    );
  });
});

describe('rtw: absence in a window after inclusion (6 and 12 months)', () => {
  it('builds windows of calendar months from inclusion', () => {
    assert.deepEqual(monthsAfterInclusion('2024-01-15', 6), {
      start: '2024-01-15',
      end: '2024-07-14',
    });
    assert.deepEqual(monthsAfterInclusion('2024-01-15', 12), {
      start: '2024-01-15',
      end: '2025-01-14',
    });
    assert.deepEqual(monthsAfterInclusion('2024-08-31', 6), {
      start: '2024-08-31',
      end: '2025-02-27',
    });
    assert.throws(() => monthsAfterInclusion('2024-01-15', 0), RangeError);
  });

  it('counts gross and net days and spells within each window (hand-worked)', () => {
    // Inclusion 2024-01-15. 2024-01-01..2024-01-31 at 100 %: 17 days from inclusion;
    // 2024-07-10..2024-07-20 at 50 %: 5 days (07-10..07-14) in the 6-month window, 11 in 12;
    // 2025-01-10..2025-01-20 at 25 %: 5 days (01-10..01-14) in the 12-month window.
    const periods = [
      { from: '2024-01-01', to: '2024-01-31', degree: 100 },
      { from: '2024-07-10', to: '2024-07-20', degree: 50 },
      { from: '2025-01-10', to: '2025-01-20', degree: 25 },
    ];
    assert.deepEqual(absenceInWindow(periods, monthsAfterInclusion('2024-01-15', 6)), {
      grossDays: 22,
      netDays: 19.5,
      spells: 2,
    });
    assert.deepEqual(absenceInWindow(periods, monthsAfterInclusion('2024-01-15', 12)), {
      grossDays: 33,
      netDays: 23.75,
      spells: 3,
    });
    assert.deepEqual(absenceInWindow([], monthsAfterInclusion('2024-01-15', 12)), {
      grossDays: 0,
      netDays: 0,
      spells: 0,
    });
  });
});

describe('rtw: partial return to work', () => {
  const followUp = { start: '2024-01-01', end: '2024-03-31' };

  it('is the first day at less than 100 % within the index spell', () => {
    assert.equal(
      partialRtw(
        [
          { from: '2024-01-10', to: '2024-01-20', degree: 100 },
          { from: '2024-01-21', to: '2024-01-31', degree: 50 },
        ],
        followUp,
      ),
      '2024-01-21',
    );
  });

  it('is the spell’s first day (or inclusion) when it starts graded', () => {
    assert.equal(
      partialRtw([{ from: '2024-01-10', to: '2024-01-20', degree: 50 }], followUp),
      '2024-01-10',
    );
    assert.equal(
      partialRtw([{ from: '2023-12-10', to: '2024-01-20', degree: 75 }], followUp),
      '2024-01-01',
    );
  });

  it('is a free day inside a spell joined over a gap', () => {
    assert.equal(
      partialRtw(
        [
          { from: '2024-01-10', to: '2024-01-12', degree: 100 },
          { from: '2024-01-15', to: '2024-01-20', degree: 100 },
        ],
        followUp,
        2,
      ),
      '2024-01-13',
    );
  });

  it('equals rtw after a full-time spell, and is null without a spell or a day by the end', () => {
    assert.equal(
      partialRtw([{ from: '2024-01-10', to: '2024-01-20', degree: 100 }], followUp),
      '2024-01-21',
    );
    assert.equal(partialRtw([], followUp), null);
    assert.equal(
      partialRtw([{ from: '2024-03-01', to: '2024-04-20', degree: 100 }], followUp),
      null,
    );
  });
});
