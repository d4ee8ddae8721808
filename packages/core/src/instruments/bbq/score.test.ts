import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { BbqScoresSchema } from '@workup/contracts';
import { InstrumentCasesSchema } from '../cases';
import { bbqDefinition } from './definition';
import { BBQ_DISTRACTOR_ITEMS, BBQ_SCORED_ITEMS, bbqItemPoints, scoreBbq } from './score';

const { cases } = InstrumentCasesSchema.parse(
  JSON.parse(readFileSync(new URL('./cases.json', import.meta.url), 'utf8')),
);

const KEYS = bbqDefinition.items.map((item) => item.key);
const SCORED: readonly string[] = BBQ_SCORED_ITEMS;

/** Any complete, valid BBQ response (codes 1-5). */
const validAnswers = fc
  .array(fc.integer({ min: 1, max: 5 }), { minLength: 14, maxLength: 14 })
  .map((codes) => Object.fromEntries(KEYS.map((key, index) => [key, codes[index] ?? 1])));

function totalOf(answers: unknown): number | null {
  const outcome = scoreBbq(answers);
  assert.ok(outcome.ok, JSON.stringify(outcome));
  const { scores } = outcome.result;
  return scores === null ? null : BbqScoresSchema.parse(scores).total;
}

describe('bbq: hand-worked cases (cases.json, reference.md §10)', () => {
  for (const testCase of cases) {
    it(`${testCase.id} (${testCase.source})`, () => {
      const outcome = scoreBbq(testCase.answers);
      assert.ok(outcome.ok);
      assert.equal(outcome.result.complete, testCase.expected.complete);
      assert.deepEqual(outcome.result.missing, testCase.expected.missing);
      assert.deepEqual(outcome.result.scores, testCase.expected.scores);
    });
  }
});

describe('bbq: scoring rules (reference.md §10)', () => {
  it('scores nine items and leaves five distractors, covering all 14', () => {
    assert.equal(BBQ_SCORED_ITEMS.length, 9);
    assert.deepEqual(
      [...BBQ_SCORED_ITEMS, ...BBQ_DISTRACTOR_ITEMS].map(Number).sort((a, b) => a - b),
      KEYS.map(Number),
    );
  });

  it('reverses each scored item (6 − x) and ignores distractors', () => {
    assert.deepEqual([1, 2, 3, 4, 5].map(bbqItemPoints), [5, 4, 3, 2, 1]);
    const base = Object.fromEntries(KEYS.map((key) => [key, 3]));
    for (const key of KEYS) {
      const delta: number = (totalOf({ ...base, [key]: 4 }) ?? 0) - 27;
      assert.equal(delta, SCORED.includes(key) ? -1 : 0, `item ${key}`);
    }
  });

  it('does not score a response with any item missing, distractors included', () => {
    const base = Object.fromEntries(KEYS.map((key) => [key, 3]));
    for (const key of KEYS) {
      const outcome = scoreBbq({ ...base, [key]: null });
      assert.ok(outcome.ok);
      assert.equal(outcome.result.scores, null, `item ${key}`);
      assert.deepEqual(outcome.result.missing, [key]);
    }
  });

  it('rejects codes outside 1-5 (0 included) and non-integers: never clamps', () => {
    for (const value of [0, 6, 2.5, '3']) {
      const outcome = scoreBbq({ '12': value });
      assert.equal(outcome.ok, false, String(value));
      assert.deepEqual(outcome.issues[0]?.path, ['12']);
    }
  });
});

describe('bbq: properties', () => {
  it('total is the reversed sum of the scored items, within 9-45', () => {
    fc.assert(
      fc.property(validAnswers, (answers) => {
        const expected = SCORED.reduce((sum, key) => sum + 6 - (answers[key] ?? 0), 0);
        const total = totalOf(answers);
        assert.equal(total, expected);
        assert.ok(expected >= 9 && expected <= 45);
      }),
    );
  });

  it('agreeing more with any statement never raises the total', () => {
    fc.assert(
      fc.property(validAnswers, fc.constantFrom(...KEYS), (answers, key) => {
        const code = answers[key] ?? 1;
        if (code === 5) return;
        const before = totalOf(answers);
        const after = totalOf({ ...answers, [key]: code + 1 });
        assert.ok(before !== null && after !== null && after <= before);
      }),
    );
  });
});
