import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { ScoreResultSchema } from '@workup/contracts';
import { sbtDefinition } from './definition';
import { classifySbtRisk, scoreSbt } from './score';

interface Case {
  id: string;
  source: string;
  answers: Record<string, number | null>;
  expected: {
    complete: boolean;
    missing: string[];
    scores: { total: number; psychosocial: number; risk: string } | null;
  };
}

const caseList = (
  JSON.parse(readFileSync(new URL('./cases.json', import.meta.url), 'utf8')) as { cases: Case[] }
).cases;

const KEYS = sbtDefinition.items.map((item) => item.key);
const complete = (codes: readonly number[]) =>
  Object.fromEntries(KEYS.map((key, index) => [key, codes[index] ?? 0]));

/** Any complete, valid STarT Back response. */
const validAnswers = fc
  .tuple(...KEYS.map((key) => fc.integer({ min: 0, max: key === '9' ? 4 : 1 })))
  .map((codes) => complete(codes));

describe('sbt: hand-worked cases (cases.json, reference.md §1)', () => {
  it('has cases', () => {
    assert.ok(caseList.length >= 7, 'cases.json should hold the hand-worked cases');
  });
  for (const testCase of caseList) {
    it(`${testCase.id} (${testCase.source})`, () => {
      const outcome = scoreSbt(testCase.answers);
      assert.ok(outcome.ok, 'answers should validate');
      assert.equal(outcome.result.complete, testCase.expected.complete);
      assert.deepEqual(outcome.result.missing, testCase.expected.missing);
      assert.deepEqual(outcome.result.scores, testCase.expected.scores);
    });
  }
});

describe('sbt: scoring rules', () => {
  it('scores the minimum and the maximum', () => {
    const min = scoreSbt(complete([0, 0, 0, 0, 0, 0, 0, 0, 0]));
    const max = scoreSbt(complete([1, 1, 1, 1, 1, 1, 1, 1, 4]));
    assert.ok(min.ok && max.ok);
    assert.deepEqual(min.result.scores, { total: 0, psychosocial: 0, risk: 'low' });
    assert.deepEqual(max.result.scores, { total: 9, psychosocial: 5, risk: 'high' });
  });

  it('counts item 9 only for "very much" (3) and "extremely" (4)', () => {
    for (const [code, points] of [
      [0, 0],
      [1, 0],
      [2, 0],
      [3, 1],
      [4, 1],
    ] as const) {
      const outcome = scoreSbt(complete([0, 0, 0, 0, 0, 0, 0, 0, code]));
      assert.ok(outcome.ok);
      const { scores } = outcome.result;
      assert.ok(scores);
      assert.equal(scores.total, points, `item 9 = ${code}`);
      assert.equal(scores.psychosocial, points, `item 9 = ${code}`);
    }
  });

  it('takes both sides of each cut-off', () => {
    assert.equal(classifySbtRisk(3, 3), 'low');
    assert.equal(classifySbtRisk(4, 3), 'medium');
    assert.equal(classifySbtRisk(4, 4), 'high');
    assert.equal(classifySbtRisk(9, 3), 'medium');
  });

  it('does not score a response with a missing item, and names it', () => {
    const answers: Record<string, number | null> = complete([1, 1, 1, 1, 1, 1, 1, 1, 4]);
    answers['4'] = null;
    delete answers['7'];
    const outcome = scoreSbt(answers);
    assert.ok(outcome.ok);
    assert.equal(outcome.result.complete, false);
    assert.deepEqual(outcome.result.missing, ['4', '7']);
    assert.equal(outcome.result.scores, null);
    assert.match(outcome.result.reason ?? '', /all 9 items/);
  });

  it('rejects codes out of range, unknown keys and non-integers: never clamps', () => {
    for (const [key, value] of [
      ['1', 2],
      ['1', -1],
      ['9', 5],
      ['3', 0.5],
    ] as const) {
      const outcome = scoreSbt({ ...complete([0, 0, 0, 0, 0, 0, 0, 0, 0]), [key]: value });
      assert.equal(outcome.ok, false, `${key} = ${value}`);
      assert.deepEqual(outcome.issues[0]?.path, [key]);
    }
    const unknown = scoreSbt({ ...complete([0, 0, 0, 0, 0, 0, 0, 0, 0]), '10': 1 });
    assert.equal(unknown.ok, false);
    assert.equal(scoreSbt('yes').ok, false);
    assert.equal(scoreSbt({ '1': 'agree' }).ok, false);
  });
});

describe('sbt: properties', () => {
  it('total is the recoded sum, psychosocial the recoded sum of items 5-9', () => {
    fc.assert(
      fc.property(validAnswers, (answers) => {
        const outcome = scoreSbt(answers);
        assert.ok(outcome.ok);
        const item9 = (answers['9'] ?? 0) >= 3 ? 1 : 0;
        const first8 = KEYS.slice(0, 8).reduce((sum, key) => sum + (answers[key] ?? 0), 0);
        const psych = ['5', '6', '7', '8'].reduce((sum, key) => sum + (answers[key] ?? 0), 0);
        assert.deepEqual(outcome.result.scores, {
          total: first8 + item9,
          psychosocial: psych + item9,
          risk: classifySbtRisk(first8 + item9, psych + item9),
        });
      }),
    );
  });

  it('risk is monotone: answering "agree" to one more item never lowers the risk group', () => {
    const rank = { low: 0, medium: 1, high: 2 } as const;
    fc.assert(
      fc.property(validAnswers, fc.integer({ min: 0, max: 7 }), (answers, index) => {
        const key = KEYS[index] ?? '1';
        const before = scoreSbt(answers);
        const after = scoreSbt({ ...answers, [key]: 1 });
        assert.ok(before.ok && after.ok);
        const riskBefore = before.result.scores?.risk as keyof typeof rank;
        const riskAfter = after.result.scores?.risk as keyof typeof rank;
        assert.ok(rank[riskAfter] >= rank[riskBefore]);
      }),
    );
  });

  it('never mutates its input and always returns a result of the contract shape', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom(...KEYS, '0', '10', 'x'),
          fc.oneof(fc.integer({ min: -2, max: 6 }), fc.constant(null), fc.double()),
        ),
        (answers) => {
          const before = JSON.stringify(answers);
          const outcome = scoreSbt(answers);
          assert.equal(JSON.stringify(answers), before);
          if (outcome.ok) ScoreResultSchema.parse(outcome.result);
          else assert.ok(outcome.issues.length > 0);
        },
      ),
    );
  });
});
