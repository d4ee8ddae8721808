import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { OdiScoresSchema } from '@workup/contracts';
import { InstrumentCasesSchema } from '../cases';
import { odiDefinition } from './definition';
import { classifyOdiBand, odiPercent, scoreOdi } from './score';

const { cases } = InstrumentCasesSchema.parse(
  JSON.parse(readFileSync(new URL('./cases.json', import.meta.url), 'utf8')),
);

const KEYS = odiDefinition.items.map((item) => item.key);
/** A response with these codes in the definition's order (null: not answered). */
const response = (codes: readonly (number | null)[]): Record<string, number | null> =>
  Object.fromEntries(
    KEYS.map((key, index) => [key, codes[index] === undefined ? 0 : codes[index]]),
  );

/** Any valid ODI response with at most one section missing. */
const scorableAnswers = fc
  .tuple(
    fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 10, maxLength: 10 }),
    fc.option(fc.integer({ min: 0, max: 9 }), { nil: undefined }),
  )
  .map(([codes, missingIndex]) => {
    const answers = response(codes);
    if (missingIndex !== undefined) answers[KEYS[missingIndex] ?? '1'] = null;
    return answers;
  });

function scoresOf(answers: unknown) {
  const outcome = scoreOdi(answers);
  assert.ok(outcome.ok && outcome.result.scores !== null, JSON.stringify(outcome));
  return OdiScoresSchema.parse(outcome.result.scores);
}

describe('odi: hand-worked cases (cases.json, reference.md §5)', () => {
  for (const testCase of cases) {
    it(`${testCase.id} (${testCase.source})`, () => {
      const outcome = scoreOdi(testCase.answers);
      assert.ok(outcome.ok);
      assert.equal(outcome.result.complete, testCase.expected.complete);
      assert.deepEqual(outcome.result.missing, testCase.expected.missing);
      assert.deepEqual(outcome.result.scores, testCase.expected.scores);
    });
  }
});

describe('odi: scoring rules (reference.md §5)', () => {
  it('divides by 50 with all sections and by 45 with one missing', () => {
    assert.deepEqual(scoresOf(response([1, 1, 1, 1, 1, 1, 1, 1, 1, 1])).percent, 20);
    assert.deepEqual(scoresOf(response([1, 1, 1, 1, 1, 1, 1, null, 1, 1])).percent, 20);
    assert.deepEqual(scoresOf(response([2, 1, 1, 1, 1, 1, 1, null, 1, 1])).percent, 22.2);
  });

  it('rounds the percent to one decimal, to the nearest tenth', () => {
    assert.equal(odiPercent(16, 9), 35.6);
    assert.equal(odiPercent(8, 9), 17.8);
    assert.equal(odiPercent(1, 9), 2.2);
    assert.equal(odiPercent(5, 9), 11.1);
    assert.equal(odiPercent(23, 10), 46);
  });

  it('takes the band from the unrounded percent, compared exactly', () => {
    // 9/45 is exactly 20: minimal. A percent just over an edge that rounds back onto it stays above.
    assert.equal(classifyOdiBand(9, 9), 'minimal');
    assert.equal(classifyOdiBand(10, 9), 'moderate');
    // With 8 sections answered (not accepted by the scorer, but the rule is general):
    // 2001/10000 of 100 would round to 20.0 but is above 20.
    assert.equal(classifyOdiBand(2001, 2000), 'moderate');
    assert.equal(classifyOdiBand(2000, 2000), 'minimal');
    for (const [sum, band] of [
      [20, 'moderate'],
      [21, 'severe'],
      [30, 'severe'],
      [31, 'crippled'],
      [40, 'crippled'],
      [41, 'bedbound'],
    ] as const) {
      assert.equal(classifyOdiBand(sum, 10), band, `${String(sum)}/50`);
    }
  });

  it('does not score two or more missing sections, and names them', () => {
    const outcome = scoreOdi(response([1, null, 1, 1, 1, 1, 1, null, 1, null]));
    assert.ok(outcome.ok);
    assert.equal(outcome.result.complete, false);
    assert.deepEqual(outcome.result.missing, ['2', '8', '10']);
    assert.equal(outcome.result.scores, null);
    assert.match(outcome.result.reason ?? '', /at most 1 section missing/);
  });

  it('rejects codes out of range and non-integers: never clamps', () => {
    for (const [key, value] of [
      ['1', 6],
      ['8', -1],
      ['10', 2.5],
    ] as const) {
      const outcome = scoreOdi({ ...response([0, 0, 0, 0, 0, 0, 0, 0, 0, 0]), [key]: value });
      assert.equal(outcome.ok, false);
      assert.deepEqual(outcome.issues[0]?.path, [key]);
    }
  });
});

describe('odi: properties', () => {
  it('percent is 100 × sum / (5 × answered) to one decimal, within 0-100, band from the exact value', () => {
    const bandOf = (exact: number) =>
      exact <= 20
        ? 'minimal'
        : exact <= 40
          ? 'moderate'
          : exact <= 60
            ? 'severe'
            : exact <= 80
              ? 'crippled'
              : 'bedbound';
    fc.assert(
      fc.property(scorableAnswers, (answers) => {
        const codes = Object.values(answers).filter((code): code is number => code !== null);
        const sum = codes.reduce((total, code) => total + code, 0);
        const exact = (100 * sum) / (5 * codes.length);
        const scores = scoresOf(answers);
        assert.ok(Math.abs(scores.percent - exact) <= 0.05 + 1e-9);
        assert.ok(scores.percent >= 0 && scores.percent <= 100);
        assert.equal(scores.band, bandOf(exact));
      }),
    );
  });

  it('raising one section never lowers the percent or the band', () => {
    const rank = { minimal: 0, moderate: 1, severe: 2, crippled: 3, bedbound: 4 } as const;
    fc.assert(
      fc.property(scorableAnswers, fc.constantFrom(...KEYS), (answers, key) => {
        const code = answers[key];
        if (code === null || code === undefined || code === 5) return;
        const before = scoresOf(answers);
        const after = scoresOf({ ...answers, [key]: code + 1 });
        assert.ok(after.percent >= before.percent);
        assert.ok(rank[after.band] >= rank[before.band]);
      }),
    );
  });
});
