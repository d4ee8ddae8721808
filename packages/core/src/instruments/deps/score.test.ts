import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DepsScoresSchema } from '@workup/contracts';
import { InstrumentCasesSchema } from '../cases';
import { depsDefinition } from './definition';
import {
  classifyDeps,
  DEPS_DEPRESSION_MIN_TOTAL,
  DEPS_SUBCLINICAL_MIN_TOTAL,
  scoreDeps,
} from './score';

const { cases } = InstrumentCasesSchema.parse(
  JSON.parse(readFileSync(new URL('./cases.json', import.meta.url), 'utf8')),
);

const KEYS = depsDefinition.items.map((item) => item.key);

/** Any complete, valid DEPS response (codes 0-3). */
const validAnswers = fc
  .array(fc.integer({ min: 0, max: 3 }), { minLength: 10, maxLength: 10 })
  .map((codes) => Object.fromEntries(KEYS.map((key, index) => [key, codes[index] ?? 0])));

function scoresOf(answers: unknown) {
  const outcome = scoreDeps(answers);
  assert.ok(outcome.ok && outcome.result.scores !== null, JSON.stringify(outcome));
  return DepsScoresSchema.parse(outcome.result.scores);
}

describe('deps: hand-worked cases (cases.json, reference.md §13)', () => {
  for (const testCase of cases) {
    it(`${testCase.id} (${testCase.source})`, () => {
      const outcome = scoreDeps(testCase.answers);
      assert.ok(outcome.ok);
      assert.equal(outcome.result.complete, testCase.expected.complete);
      assert.deepEqual(outcome.result.missing, testCase.expected.missing);
      assert.deepEqual(outcome.result.scores, testCase.expected.scores);
    });
  }
});

describe('deps: scoring rules (reference.md §13)', () => {
  it('classifies on both sides of each cut-off: none < 9, subclinical 9-11, depression >= 12', () => {
    assert.equal(DEPS_SUBCLINICAL_MIN_TOTAL, 9);
    assert.equal(DEPS_DEPRESSION_MIN_TOTAL, 12);
    assert.equal(classifyDeps(0), 'none');
    assert.equal(classifyDeps(8), 'none');
    assert.equal(classifyDeps(9), 'subclinical');
    assert.equal(classifyDeps(11), 'subclinical');
    assert.equal(classifyDeps(12), 'depression');
    assert.equal(classifyDeps(30), 'depression');
  });

  it('refuses to override its verified cut-offs', () => {
    const zero = Object.fromEntries(KEYS.map((key) => [key, 0]));
    assert.equal(scoreDeps(zero, { cutOffs: { DEPS_SUBCLINICAL_MIN_TOTAL: 10 } }).ok, false);
  });

  it('does not score a response with a missing item, and names it', () => {
    const answers: Record<string, number | null> = Object.fromEntries(KEYS.map((key) => [key, 3]));
    answers['2'] = null;
    delete answers['5'];
    const outcome = scoreDeps(answers);
    assert.ok(outcome.ok);
    assert.deepEqual(outcome.result.missing, ['2', '5']);
    assert.equal(outcome.result.scores, null);
    assert.match(outcome.result.reason ?? '', /all 10 items/);
  });

  it('rejects codes outside 0-3 and non-integers: never clamps', () => {
    for (const value of [4, -1, 1.5, 'extremely']) {
      const outcome = scoreDeps({ '3': value });
      assert.equal(outcome.ok, false, String(value));
      assert.deepEqual(outcome.issues[0]?.path, ['3']);
    }
  });
});

describe('deps: properties', () => {
  it('total is the sum, within 0-30, with the category of its total', () => {
    fc.assert(
      fc.property(validAnswers, (answers) => {
        const sum = Object.values(answers).reduce((total, code) => total + code, 0);
        const scores = scoresOf(answers);
        assert.equal(scores.total, sum);
        assert.ok(sum >= 0 && sum <= 30);
        assert.equal(scores.category, classifyDeps(sum));
      }),
    );
  });

  it('raising one item never lowers the total or the category', () => {
    const rank = { none: 0, subclinical: 1, depression: 2 } as const;
    fc.assert(
      fc.property(validAnswers, fc.constantFrom(...KEYS), (answers, key) => {
        const code = answers[key] ?? 0;
        if (code === 3) return;
        const before = scoresOf(answers);
        const after = scoresOf({ ...answers, [key]: code + 1 });
        assert.equal(after.total, before.total + 1);
        assert.ok(rank[after.category] >= rank[before.category]);
      }),
    );
  });
});
