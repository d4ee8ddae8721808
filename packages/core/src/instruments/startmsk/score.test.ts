import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { ScoreResultSchema } from '@workup/contracts';
import { scoreStartMsk, startMskInstrument, STARTMSK_NOT_SCORED_REASON } from './score';

const answersArb = fc.record(
  {
    '1': fc.integer({ min: 0, max: 10 }),
    ...Object.fromEntries(
      ['2', '3', '4', '5', '6', '7', '8', '9', '10'].map((key) => [key, fc.constantFrom(0, 1)]),
    ),
  },
  { requiredKeys: [] },
);

describe('startmsk: structure only (reference.md §2, §26)', () => {
  it('is registered as not scorable, with a written reason for each skipped check', () => {
    assert.equal(startMskInstrument.scorable, false);
    assert.equal(startMskInstrument.cutOffs.length, 0);
    assert.ok((startMskInstrument.conformanceSkips?.['minimum-and-maximum'] ?? '').length > 0);
    assert.ok((startMskInstrument.conformanceSkips?.['cut-offs-both-sides'] ?? '').length > 0);
    assert.equal(startMskInstrument.definition.licence.wordingMayBeShipped, false);
  });

  it('still rejects codes out of range: the pain item 0-10, the others 0/1', () => {
    for (const [key, value] of [
      ['1', 11],
      ['1', -1],
      ['1', 2.5],
      ['2', 2],
      ['10', -1],
    ] as const) {
      const outcome = scoreStartMsk({ [key]: value });
      assert.equal(outcome.ok, false, `${key} = ${value}`);
      assert.deepEqual(outcome.issues[0]?.path, [key]);
    }
    assert.equal(scoreStartMsk({ '11': 1 }).ok, false);
  });

  it('returns no scores, with the reason, for every valid response', () => {
    fc.assert(
      fc.property(answersArb, (answers) => {
        const outcome = scoreStartMsk(answers);
        assert.ok(outcome.ok);
        const result = ScoreResultSchema.parse(outcome.result);
        assert.equal(result.scores, null);
        assert.equal(result.reason, STARTMSK_NOT_SCORED_REASON);
      }),
    );
  });
});
