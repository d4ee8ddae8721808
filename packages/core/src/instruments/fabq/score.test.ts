import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { FabqScoresSchema } from '@workup/contracts';
import { InstrumentCasesSchema } from '../cases';
import { fabqDefinition } from './definition';
import { FABQ_PA_ITEMS, FABQ_UNSCORED_ITEMS, FABQ_WORK_ITEMS, scoreFabq } from './score';

const { cases } = InstrumentCasesSchema.parse(
  JSON.parse(readFileSync(new URL('./cases.json', import.meta.url), 'utf8')),
);

const KEYS = fabqDefinition.items.map((item) => item.key);

/** Any valid response, each item 0-6 or missing. */
const anyAnswers = fc
  .array(fc.option(fc.integer({ min: 0, max: 6 }), { nil: null }), {
    minLength: 16,
    maxLength: 16,
  })
  .map((codes) => Object.fromEntries(KEYS.map((key, index) => [key, codes[index] ?? null])));

function scoresOf(answers: unknown) {
  const outcome = scoreFabq(answers);
  assert.ok(outcome.ok, JSON.stringify(outcome));
  const { scores } = outcome.result;
  return scores === null ? null : FabqScoresSchema.parse(scores);
}

describe('fabq: hand-worked cases (cases.json, reference.md §7)', () => {
  for (const testCase of cases) {
    it(`${testCase.id} (${testCase.source})`, () => {
      const outcome = scoreFabq(testCase.answers);
      assert.ok(outcome.ok);
      assert.equal(outcome.result.complete, testCase.expected.complete);
      assert.deepEqual(outcome.result.missing, testCase.expected.missing);
      assert.deepEqual(outcome.result.scores, testCase.expected.scores);
    });
  }
});

describe('fabq: scoring rules (reference.md §7)', () => {
  it('partitions the 16 items into pa, work and unscored', () => {
    assert.deepEqual([...FABQ_PA_ITEMS], ['2', '3', '4', '5']);
    assert.deepEqual([...FABQ_WORK_ITEMS], ['6', '7', '9', '10', '11', '12', '15']);
    assert.deepEqual([...FABQ_UNSCORED_ITEMS], ['1', '8', '13', '14', '16']);
    const all = [...FABQ_PA_ITEMS, ...FABQ_WORK_ITEMS, ...FABQ_UNSCORED_ITEMS];
    assert.deepEqual(
      all.map(Number).sort((a, b) => a - b),
      KEYS.map(Number),
    );
  });

  it('adds each item to exactly its own subscale', () => {
    const zero = Object.fromEntries(KEYS.map((key) => [key, 0]));
    for (const key of KEYS) {
      const scores = scoresOf({ ...zero, [key]: 1 });
      assert.deepEqual(
        scores,
        {
          pa: (FABQ_PA_ITEMS as readonly string[]).includes(key) ? 1 : 0,
          work: (FABQ_WORK_ITEMS as readonly string[]).includes(key) ? 1 : 0,
        },
        `item ${key}`,
      );
    }
  });

  it('rejects codes outside 0-6 and non-integers: never clamps', () => {
    for (const value of [7, -1, 3.5, '3']) {
      const outcome = scoreFabq({ '10': value });
      assert.equal(outcome.ok, false, String(value));
      assert.deepEqual(outcome.issues[0]?.path, ['10']);
    }
  });
});

describe('fabq: properties', () => {
  it('each subscale is the sum of its items when all are answered, else null; within range', () => {
    const sumOrNull = (answers: Record<string, number | null>, keys: readonly string[]) =>
      keys.some((key) => answers[key] === null)
        ? null
        : keys.reduce((sum, key) => sum + (answers[key] ?? 0), 0);
    fc.assert(
      fc.property(anyAnswers, (answers) => {
        const pa = sumOrNull(answers, FABQ_PA_ITEMS);
        const work = sumOrNull(answers, FABQ_WORK_ITEMS);
        const scores = scoresOf(answers);
        if (pa === null && work === null) assert.equal(scores, null);
        else assert.deepEqual(scores, { pa, work });
      }),
    );
  });

  it('raising one item never lowers either subscale', () => {
    fc.assert(
      fc.property(anyAnswers, fc.constantFrom(...KEYS), (answers, key) => {
        const code = answers[key];
        if (code === null || code === undefined || code === 6) return;
        const before = scoresOf(answers);
        const after = scoresOf({ ...answers, [key]: code + 1 });
        if (before === null) return;
        assert.ok(after !== null);
        for (const part of ['pa', 'work'] as const) {
          const b = before[part];
          const a = after[part];
          if (b !== null) assert.ok(a !== null && a >= b);
        }
      }),
    );
  });
});
