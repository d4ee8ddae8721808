import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { WasScoresSchema } from '@workup/contracts';
import { InstrumentCasesSchema } from '../cases';
import { classifyWas, scoreWas, WAS_GOOD_MIN_SCORE, WAS_MODERATE_MIN_SCORE } from './score';

const { cases } = InstrumentCasesSchema.parse(
  JSON.parse(readFileSync(new URL('./cases.json', import.meta.url), 'utf8')),
);

function scoresOf(answers: unknown) {
  const outcome = scoreWas(answers);
  assert.ok(outcome.ok && outcome.result.scores !== null, JSON.stringify(outcome));
  return WasScoresSchema.parse(outcome.result.scores);
}

describe('was: hand-worked cases (cases.json, reference.md §11.1)', () => {
  for (const testCase of cases) {
    it(`${testCase.id} (${testCase.source})`, () => {
      const outcome = scoreWas(testCase.answers);
      assert.ok(outcome.ok);
      assert.equal(outcome.result.complete, testCase.expected.complete);
      assert.deepEqual(outcome.result.missing, testCase.expected.missing);
      assert.deepEqual(outcome.result.scores, testCase.expected.scores);
    });
  }
});

describe('was: scoring rules (reference.md §11.1)', () => {
  it('categorises every score: poor 0-5, moderate 6-7, good 8-10', () => {
    assert.equal(WAS_MODERATE_MIN_SCORE, 6);
    assert.equal(WAS_GOOD_MIN_SCORE, 8);
    const poor = ['poor', 'poor', 'poor', 'poor', 'poor', 'poor'];
    const expected = [...poor, 'moderate', 'moderate', 'good', 'good', 'good'];
    for (let score = 0; score <= 10; score += 1) {
      assert.deepEqual(scoresOf({ '1': score }), { score, category: expected[score] });
    }
  });

  it('refuses to override its verified cut-offs', () => {
    const outcome = scoreWas({ '1': 6 }, { cutOffs: { WAS_GOOD_MIN_SCORE: 6 } });
    assert.equal(outcome.ok, false);
  });

  it('does not score a missing answer', () => {
    for (const answers of [{}, { '1': null }]) {
      const outcome = scoreWas(answers);
      assert.ok(outcome.ok);
      assert.equal(outcome.result.scores, null);
      assert.deepEqual(outcome.result.missing, ['1']);
    }
  });

  it('rejects scores outside 0-10 and non-integers: never clamps', () => {
    for (const value of [-1, 11, 7.5, '7']) {
      const outcome = scoreWas({ '1': value });
      assert.equal(outcome.ok, false, String(value));
      assert.deepEqual(outcome.issues[0]?.path, ['1']);
    }
  });
});

describe('was: properties', () => {
  it('the score is the value marked and the category never falls as it rises', () => {
    const rank = { poor: 0, moderate: 1, good: 2 } as const;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9 }), (score) => {
        const lower = scoresOf({ '1': score });
        const higher = scoresOf({ '1': score + 1 });
        assert.equal(lower.score, score);
        assert.equal(lower.category, classifyWas(score));
        assert.ok(rank[higher.category] >= rank[lower.category]);
      }),
    );
  });
});
