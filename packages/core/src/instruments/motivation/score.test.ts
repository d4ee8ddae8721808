import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { MotivationScoresSchema } from '@workup/contracts';
import { MOTIVATION_LOW_MAX, motivationInstrument, scoreMotivation } from './score';

const ruler = fc.integer({ min: 0, max: 10 });
const maybe = fc.option(ruler, { nil: null });

describe('motivation: scoring (contracts.md §1, reference.md §11.4)', () => {
  it('is low when any ruler is at or below 4, and not when all are 5 or more', () => {
    assert.equal(MOTIVATION_LOW_MAX, 4);
    const cases: [number, number, number, boolean][] = [
      [4, 10, 10, true],
      [10, 4, 10, true],
      [10, 10, 4, true],
      [5, 5, 5, false],
      [0, 0, 0, true],
      [10, 10, 10, false],
    ];
    for (const [importance, confidence, readiness, low] of cases) {
      const outcome = scoreMotivation({ importance, confidence, readiness });
      assert.ok(outcome.ok);
      assert.deepEqual(outcome.result.scores, { importance, confidence, readiness, low });
    }
  });

  it('the threshold is a configurable, unverified cut-off', () => {
    const [cutOff] = motivationInstrument.cutOffs;
    assert.equal(cutOff?.configurable, true);
    assert.equal(cutOff.verification, 'U');
    const answers = { importance: 6, confidence: 6, readiness: 6 };
    const raised = scoreMotivation(answers, { cutOffs: { MOTIVATION_LOW_MAX: 6 } });
    const lowered = scoreMotivation(answers, { cutOffs: { MOTIVATION_LOW_MAX: 5 } });
    assert.ok(raised.ok && lowered.ok);
    assert.equal(raised.result.scores?.low, true);
    assert.equal(lowered.result.scores?.low, false);
  });

  it('looks only at answered rulers and is not scored when none is answered', () => {
    const partial = scoreMotivation({ importance: 8, readiness: 2 });
    assert.ok(partial.ok);
    assert.deepEqual(partial.result.scores, {
      importance: 8,
      confidence: null,
      readiness: 2,
      low: true,
    });
    const none = scoreMotivation({ importance: null });
    assert.ok(none.ok);
    assert.equal(none.result.scores, null);
  });
});

describe('motivation: properties', () => {
  it('low is true exactly when an answered ruler is <= the threshold', () => {
    fc.assert(
      fc.property(maybe, maybe, maybe, fc.integer({ min: 0, max: 10 }), (i, c, r, threshold) => {
        const outcome = scoreMotivation(
          { importance: i, confidence: c, readiness: r },
          { cutOffs: { MOTIVATION_LOW_MAX: threshold } },
        );
        assert.ok(outcome.ok);
        const answered = [i, c, r].filter((value) => value !== null);
        if (answered.length === 0) {
          assert.equal(outcome.result.scores, null);
          return;
        }
        const scores = MotivationScoresSchema.parse(outcome.result.scores);
        assert.deepEqual([scores.importance, scores.confidence, scores.readiness], [i, c, r]);
        assert.equal(
          scores.low,
          answered.some((value) => value <= threshold),
        );
      }),
    );
  });

  it('raising a ruler never turns low on', () => {
    fc.assert(
      fc.property(ruler, ruler, ruler, fc.integer({ min: 0, max: 2 }), (i, c, r, at) => {
        const values = [i, c, r];
        const raised = values.map((value, index) =>
          index === at ? Math.min(10, value + 1) : value,
        );
        const before = scoreMotivation({ importance: i, confidence: c, readiness: r });
        const after = scoreMotivation({
          importance: raised[0],
          confidence: raised[1],
          readiness: raised[2],
        });
        assert.ok(before.ok && after.ok);
        if (before.result.scores?.low === false) assert.equal(after.result.scores?.low, false);
      }),
    );
  });
});
