import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { PseqScoresSchema } from '@workup/contracts';
import { InstrumentCasesSchema } from '../cases';
import { pseqDefinition } from './definition';
import { proratePseq, PSEQ_MAX_MISSING_PRORATED, scorePseq } from './score';

const { cases } = InstrumentCasesSchema.parse(
  JSON.parse(readFileSync(new URL('./cases.json', import.meta.url), 'utf8')),
);

const KEYS = pseqDefinition.items.map((item) => item.key);

/** Any valid response, each item 0-6 or missing. */
const anyAnswers = fc
  .array(fc.option(fc.integer({ min: 0, max: 6 }), { nil: null }), {
    minLength: 10,
    maxLength: 10,
  })
  .map((codes) => Object.fromEntries(KEYS.map((key, index) => [key, codes[index] ?? null])));

function totalOf(answers: unknown): number | null {
  const outcome = scorePseq(answers);
  assert.ok(outcome.ok, JSON.stringify(outcome));
  const { scores } = outcome.result;
  return scores === null ? null : PseqScoresSchema.parse(scores).total;
}

describe('pseq: hand-worked cases (cases.json, reference.md §8)', () => {
  for (const testCase of cases) {
    it(`${testCase.id} (${testCase.source})`, () => {
      const outcome = scorePseq(testCase.answers, testCase.options ?? {});
      assert.ok(outcome.ok);
      assert.equal(outcome.result.complete, testCase.expected.complete);
      assert.deepEqual(outcome.result.missing, testCase.expected.missing);
      assert.deepEqual(outcome.result.scores, testCase.expected.scores);
    });
  }
});

describe('pseq: scoring rules (reference.md §8)', () => {
  it('prorates to 10 items, rounding to the nearest whole number with halves up', () => {
    assert.equal(proratePseq(36, 9), 40);
    assert.equal(proratePseq(37, 9), 41); // 41.1
    assert.equal(proratePseq(35, 9), 39); // 38.9
    assert.equal(proratePseq(30, 8), 38); // 37.5
    assert.equal(proratePseq(2, 8), 3); // 2.5
    assert.equal(proratePseq(1, 8), 1); // 1.25
    assert.equal(proratePseq(48, 8), 60);
  });

  it('allows at most PSEQ_MAX_MISSING_PRORATED (2) missing by default', () => {
    assert.equal(PSEQ_MAX_MISSING_PRORATED, 2);
    const all3 = Object.fromEntries(KEYS.map((key) => [key, 3]));
    assert.equal(totalOf({ ...all3, '1': null, '2': null }), 30);
    assert.equal(totalOf({ ...all3, '1': null, '2': null, '3': null }), null);
    const raised = scorePseq(
      { ...all3, '1': null, '2': null, '3': null },
      { cutOffs: { PSEQ_MAX_MISSING_PRORATED: 3 } },
    );
    assert.ok(raised.ok);
    assert.deepEqual(raised.result.scores, { total: 30 });
  });

  it('never scores a response with nothing answered, whatever the limit', () => {
    const outcome = scorePseq({}, { cutOffs: { PSEQ_MAX_MISSING_PRORATED: 10 } });
    assert.ok(outcome.ok);
    assert.equal(outcome.result.scores, null);
  });

  it('rejects codes outside 0-6 and non-integers: never clamps', () => {
    for (const value of [7, -1, 2.5, '6']) {
      const outcome = scorePseq({ '5': value });
      assert.equal(outcome.ok, false, String(value));
      assert.deepEqual(outcome.issues[0]?.path, ['5']);
    }
  });
});

describe('pseq: properties', () => {
  it('a complete response scores its sum; a prorated one its rounded 10 × mean; within 0-60', () => {
    fc.assert(
      fc.property(anyAnswers, (answers) => {
        const codes = Object.values(answers).filter((code): code is number => code !== null);
        const missing = 10 - codes.length;
        const sum = codes.reduce((total, code) => total + code, 0);
        const total = totalOf(answers);
        if (missing > PSEQ_MAX_MISSING_PRORATED) {
          assert.equal(total, null);
          return;
        }
        assert.ok(total !== null);
        if (missing === 0) assert.equal(total, sum);
        assert.ok(Math.abs(total - (10 * sum) / codes.length) <= 0.5);
        assert.ok(total >= sum && total <= sum + 6 * missing);
        assert.ok(total >= 0 && total <= 60);
      }),
    );
  });

  it('raising one item never lowers the total', () => {
    fc.assert(
      fc.property(anyAnswers, fc.constantFrom(...KEYS), (answers, key) => {
        const code = answers[key];
        if (code === null || code === undefined || code === 6) return;
        const before = totalOf(answers);
        const after = totalOf({ ...answers, [key]: code + 1 });
        if (before !== null) assert.ok(after !== null && after >= before);
      }),
    );
  });
});
