import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { RmdqScoresSchema } from '@workup/contracts';
import { InstrumentCasesSchema } from '../cases';
import { rmdqDefinition } from './definition';
import { prorateRmdq, RMDQ_MAX_MISSING_PRORATED, scoreRmdq } from './score';

const { cases } = InstrumentCasesSchema.parse(
  JSON.parse(readFileSync(new URL('./cases.json', import.meta.url), 'utf8')),
);

const KEYS = rmdqDefinition.items.map((item) => item.key);

/** Any valid response: each item ticked, not ticked or missing. */
const anyAnswers = fc
  .array(fc.constantFrom(0, 1, null), { minLength: 24, maxLength: 24 })
  .map((codes) => Object.fromEntries(KEYS.map((key, index) => [key, codes[index] ?? null])));

const completeAnswers = fc
  .array(fc.constantFrom(0, 1), { minLength: 24, maxLength: 24 })
  .map((codes) => Object.fromEntries(KEYS.map((key, index) => [key, codes[index] ?? 0])));

function totalOf(answers: unknown): number | null {
  const outcome = scoreRmdq(answers);
  assert.ok(outcome.ok, JSON.stringify(outcome));
  const { scores } = outcome.result;
  return scores === null ? null : RmdqScoresSchema.parse(scores).total;
}

describe('rmdq: hand-worked cases (cases.json, reference.md §6)', () => {
  for (const testCase of cases) {
    it(`${testCase.id} (${testCase.source})`, () => {
      const outcome = scoreRmdq(testCase.answers, testCase.options ?? {});
      assert.ok(outcome.ok);
      assert.equal(outcome.result.complete, testCase.expected.complete);
      assert.deepEqual(outcome.result.missing, testCase.expected.missing);
      assert.deepEqual(outcome.result.scores, testCase.expected.scores);
    });
  }
});

describe('rmdq: scoring rules (reference.md §6)', () => {
  it('prorates to 24 items, rounding to the nearest whole number with halves up', () => {
    assert.equal(prorateRmdq(11, 23), 11); // 11.48
    assert.equal(prorateRmdq(11, 22), 12);
    assert.equal(prorateRmdq(7, 22), 8); // 7.64
    assert.equal(prorateRmdq(1, 16), 2); // 1.5
    assert.equal(prorateRmdq(3, 16), 5); // 4.5
    assert.equal(prorateRmdq(0, 22), 0);
    assert.equal(prorateRmdq(22, 22), 24);
  });

  it('allows at most RMDQ_MAX_MISSING_PRORATED (2) missing by default', () => {
    assert.equal(RMDQ_MAX_MISSING_PRORATED, 2);
    const answers = Object.fromEntries(KEYS.map((key) => [key, 1]));
    assert.equal(totalOf({ ...answers, '1': null, '2': null }), 24);
    assert.equal(totalOf({ ...answers, '1': null, '2': null, '3': null }), null);
  });

  it('never scores a response with nothing answered, whatever the limit', () => {
    const outcome = scoreRmdq({}, { cutOffs: { RMDQ_MAX_MISSING_PRORATED: 24 } });
    assert.ok(outcome.ok);
    assert.equal(outcome.result.scores, null);
  });

  it('scores a complete response even with a limit below zero', () => {
    const answers = Object.fromEntries(KEYS.map((key) => [key, 0]));
    const outcome = scoreRmdq(answers, { cutOffs: { RMDQ_MAX_MISSING_PRORATED: -1 } });
    assert.ok(outcome.ok);
    assert.deepEqual(outcome.result.scores, { total: 0 });
  });

  it('rejects codes other than 0 and 1: never clamps', () => {
    for (const value of [2, -1, 0.5, true, 'yes']) {
      const outcome = scoreRmdq({ '7': value });
      assert.equal(outcome.ok, false, String(value));
      assert.deepEqual(outcome.issues[0]?.path, ['7']);
    }
  });
});

describe('rmdq: properties', () => {
  it('a complete response scores the number ticked', () => {
    fc.assert(
      fc.property(completeAnswers, (answers) => {
        const ticked = Object.values(answers).filter((code) => code === 1).length;
        assert.equal(totalOf(answers), ticked);
      }),
    );
  });

  it('a prorated total lies between the ticks counted and that plus the items missing, within 0-24', () => {
    fc.assert(
      fc.property(anyAnswers, (answers) => {
        const values = Object.values(answers);
        const ticked = values.filter((code) => code === 1).length;
        const missing = values.filter((code) => code === null).length;
        const total = totalOf(answers);
        if (missing > RMDQ_MAX_MISSING_PRORATED) {
          assert.equal(total, null);
          return;
        }
        assert.ok(total !== null);
        assert.ok(total >= ticked && total <= ticked + missing, String(total));
        assert.ok(total >= 0 && total <= 24);
      }),
    );
  });

  it('ticking one more statement never lowers the total', () => {
    fc.assert(
      fc.property(anyAnswers, fc.constantFrom(...KEYS), (answers, key) => {
        if (answers[key] !== 0) return;
        const before = totalOf(answers);
        const after = totalOf({ ...answers, [key]: 1 });
        if (before !== null) assert.ok(after !== null && after >= before);
      }),
    );
  });
});
