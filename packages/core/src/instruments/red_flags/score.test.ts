import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  RED_FLAG_ITEM_KEYS,
  RedFlagsScoresSchema,
  URGENCIES,
  type Urgency,
} from '@workup/contracts';
import {
  RED_FLAGS_AXSPA_CRITERIA,
  RED_FLAGS_AXSPA_GATE,
  RED_FLAGS_CAUDA_EQUINA_ITEMS,
  redFlagsInstrument,
  scoreRedFlags,
  summariseRedFlags,
} from './score';

const none = Object.fromEntries(RED_FLAG_ITEM_KEYS.map((key) => [key, 0]));
const withPresent = (...keys: string[]) => ({
  ...none,
  ...Object.fromEntries(keys.map((key) => [key, 1])),
});
const answersArb = fc
  .array(fc.constantFrom(0, 1), {
    minLength: RED_FLAG_ITEM_KEYS.length,
    maxLength: RED_FLAG_ITEM_KEYS.length,
  })
  .map((codes) => Object.fromEntries(RED_FLAG_ITEM_KEYS.map((key, i) => [key, codes[i] ?? 0])));
const rank = (urgency: Urgency) => URGENCIES.length - URGENCIES.indexOf(urgency);

describe('red_flags: rules (contracts.md §2, reference.md §15)', () => {
  it('each cauda equina feature alone is an emergency', () => {
    for (const key of RED_FLAGS_CAUDA_EQUINA_ITEMS) {
      const summary = summariseRedFlags(withPresent(key));
      assert.equal(summary.suspicion.cauda_equina, true, key);
      assert.equal(summary.urgency, 'emergency', key);
    }
  });

  it('malignancy, infection and fracture are urgent, and an emergency with a neurological feature', () => {
    for (const keys of [['cancer_history'], ['fever', 'iv_drug_use'], ['significant_trauma']]) {
      assert.equal(summariseRedFlags(withPresent(...keys)).urgency, 'urgent', keys.join('+'));
      assert.equal(
        summariseRedFlags(withPresent(...keys, 'progressive_neuro_deficit')).urgency,
        'emergency',
        keys.join('+'),
      );
    }
  });

  it('axial SpA needs the gate: >= 4 criteria routine, exactly 3 soon, 2 nothing', () => {
    const criteria = (n: number) => RED_FLAGS_AXSPA_CRITERIA.slice(0, n);
    for (const [n, suspected, urgency] of [
      [9, true, 'routine'],
      [4, true, 'routine'],
      [3, true, 'soon'],
      [2, false, 'none'],
      [0, false, 'none'],
    ] as const) {
      const summary = summariseRedFlags(withPresent(RED_FLAGS_AXSPA_GATE, ...criteria(n)));
      assert.equal(summary.suspicion.axial_spa, suspected, `${n} criteria`);
      assert.equal(summary.urgency, urgency, `${n} criteria`);
      const noGate = summariseRedFlags(withPresent(...criteria(n)));
      assert.equal(noGate.suspicion.axial_spa, false, `${n} criteria without the gate`);
    }
  });

  it('only the unverified thresholds can be changed', () => {
    const configurable = redFlagsInstrument.cutOffs.filter((cutOff) => cutOff.configurable);
    assert.deepEqual(
      configurable.map((cutOff) => cutOff.name),
      [
        'RED_FLAGS_MALIGNANCY_MIN_INDICATORS',
        'RED_FLAGS_INFECTION_MIN_INDICATORS',
        'RED_FLAGS_FRACTURE_MIN_INDICATORS',
      ],
    );
    const axspa = scoreRedFlags(none, { cutOffs: { RED_FLAGS_AXSPA_REFERRAL_MIN_CRITERIA: 3 } });
    assert.equal(axspa.ok, false);
    const lowered = scoreRedFlags(withPresent('thoracic_pain'), {
      cutOffs: { RED_FLAGS_MALIGNANCY_MIN_INDICATORS: 1 },
    });
    assert.ok(lowered.ok);
    assert.equal(lowered.result.scores?.urgency, 'urgent');
  });

  it('accepts 0 and 1 only', () => {
    for (const value of [2, -1, 0.5, true, 'yes']) {
      const outcome = scoreRedFlags({ ...none, fever: value });
      assert.equal(outcome.ok, false, String(value));
      assert.deepEqual(outcome.issues[0]?.path, ['fever']);
    }
  });

  it('counts an unanswered finding as not reported and keeps the answered ones', () => {
    const outcome = scoreRedFlags({ saddle_anaesthesia: 1, fever: null });
    assert.ok(outcome.ok);
    assert.equal(outcome.result.complete, false);
    assert.equal(outcome.result.missing.length, RED_FLAG_ITEM_KEYS.length - 1);
    assert.equal(outcome.result.scores?.urgency, 'emergency');
  });
});

describe('red_flags: properties', () => {
  it('every complete checklist gives all five conditions and an urgency of the contract', () => {
    fc.assert(
      fc.property(answersArb, (answers) => {
        const outcome = scoreRedFlags(answers);
        assert.ok(outcome.ok);
        const scores = RedFlagsScoresSchema.parse(outcome.result.scores);
        assert.deepEqual(Object.keys(scores.suspicion).sort(), [
          'axial_spa',
          'cauda_equina',
          'fracture',
          'infection',
          'malignancy',
        ]);
        if (scores.urgency === 'none') {
          assert.ok(Object.values(scores.suspicion).every((value) => !value));
        }
      }),
    );
  });

  it('a further finding present never lowers the urgency or clears a suspicion, except axial SpA 3 -> 4 (soon -> routine)', () => {
    fc.assert(
      fc.property(answersArb, fc.constantFrom(...RED_FLAG_ITEM_KEYS), (answers, key) => {
        const before = summariseRedFlags(answers);
        const after = summariseRedFlags({ ...answers, [key]: 1 });
        for (const [condition, suspected] of Object.entries(before.suspicion)) {
          if (suspected) {
            assert.equal(after.suspicion[condition as keyof typeof after.suspicion], true);
          }
        }
        const axspaStep = before.urgency === 'soon' && after.urgency === 'routine';
        if (!axspaStep) assert.ok(rank(after.urgency) >= rank(before.urgency));
      }),
    );
  });

  it('any cauda equina feature or progressive deficit makes the urgency an emergency', () => {
    fc.assert(
      fc.property(
        answersArb,
        fc.constantFrom(...RED_FLAGS_CAUDA_EQUINA_ITEMS, 'progressive_neuro_deficit'),
        (answers, key) => {
          assert.equal(summariseRedFlags({ ...answers, [key]: 1 }).urgency, 'emergency');
        },
      ),
    );
  });
});
