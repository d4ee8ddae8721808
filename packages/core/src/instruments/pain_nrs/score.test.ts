import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { PainNrsScoresSchema } from '@workup/contracts';
import { scorePainNrs } from './score';

const nrs = fc.integer({ min: 0, max: 10 });

describe('pain_nrs: scoring (reference.md §14)', () => {
  it('reports each scale as given, on its own', () => {
    const both = scorePainNrs({ back: 4, leg: 9 });
    assert.ok(both.ok);
    assert.deepEqual(both.result.scores, { back: 4, leg: 9 });
    assert.equal(both.result.complete, true);
    const legOnly = scorePainNrs({ leg: 2 });
    assert.ok(legOnly.ok);
    assert.deepEqual(legOnly.result.scores, { back: null, leg: 2 });
    assert.deepEqual(legOnly.result.missing, ['back']);
  });

  it('is not scored when neither scale is answered', () => {
    const outcome = scorePainNrs({ back: null, leg: null });
    assert.ok(outcome.ok);
    assert.equal(outcome.result.scores, null);
    assert.match(outcome.result.reason ?? '', /Neither back nor leg/);
  });

  it('stores whole numbers 0-10 only: never clamps or rounds', () => {
    for (const value of [-1, 11, 6.5, '6']) {
      const outcome = scorePainNrs({ back: value, leg: 0 });
      assert.equal(outcome.ok, false, String(value));
      assert.deepEqual(outcome.issues[0]?.path, ['back']);
    }
  });
});

describe('pain_nrs: properties', () => {
  it('scores equal the answers, and each scale is independent of the other', () => {
    fc.assert(
      fc.property(fc.option(nrs, { nil: null }), fc.option(nrs, { nil: null }), (back, leg) => {
        const outcome = scorePainNrs({ back, leg });
        assert.ok(outcome.ok);
        if (back === null && leg === null) {
          assert.equal(outcome.result.scores, null);
          return;
        }
        assert.deepEqual(PainNrsScoresSchema.parse(outcome.result.scores), { back, leg });
      }),
    );
  });
});
