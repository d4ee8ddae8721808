import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { WORK_BLACK_INDICATORS, WORK_BLUE_INDICATORS, WorkScoresSchema } from '@workup/contracts';
import { scoreWork, workFlags, workInstrument } from './score';

const scale = fc.integer({ min: 0, max: 10 });
const answersArb = fc.record({
  employed: fc.constantFrom(0, 1),
  sick_leave_degree: fc.constantFrom(0, 25, 50, 75, 100),
  sick_leave_days: fc.integer({ min: 0, max: 800 }),
  work_heavy_or_monotonous: scale,
  job_satisfaction: scale,
  supervisor_support: scale,
  modified_duties_possible: fc.constantFrom(0, 1, 2),
  work_harms_back_belief: scale,
  rtw_expectation: scale,
  employer_contact_consent: fc.constantFrom(0, 1),
  benefit_or_claim_pending: fc.constantFrom(0, 1),
});

describe('work: flags (contracts.md §3, reference.md §16)', () => {
  it('reads each indicator from its own item at its threshold', () => {
    assert.deepEqual(workFlags({ work_heavy_or_monotonous: 6 }).blue, ['heavy_or_monotonous_work']);
    assert.deepEqual(workFlags({ work_heavy_or_monotonous: 5 }).blue, []);
    assert.deepEqual(workFlags({ job_satisfaction: 4 }).blue, ['low_job_satisfaction']);
    assert.deepEqual(workFlags({ supervisor_support: 4 }).blue, ['low_supervisor_support']);
    assert.deepEqual(workFlags({ work_harms_back_belief: 6 }).blue, ['work_harms_back_belief']);
    assert.deepEqual(workFlags({ rtw_expectation: 4 }).blue, ['low_rtw_expectation']);
    assert.deepEqual(workFlags({ employed: 0 }).black, ['not_employed']);
    assert.deepEqual(workFlags({ sick_leave_days: 28 }).black, ['long_sick_leave']);
    assert.deepEqual(workFlags({ sick_leave_days: 27 }).black, []);
    assert.deepEqual(workFlags({ modified_duties_possible: 0 }).black, ['no_modified_duties']);
    assert.deepEqual(workFlags({ modified_duties_possible: 1 }).black, []);
    assert.deepEqual(workFlags({ benefit_or_claim_pending: 1 }).black, [
      'benefit_or_claim_pending',
    ]);
  });

  it('every threshold is an unverified, configurable cut-off', () => {
    assert.equal(workInstrument.cutOffs.length, 6);
    for (const cutOff of workInstrument.cutOffs) {
      assert.equal(cutOff.verification, 'U', cutOff.name);
      assert.equal(cutOff.configurable, true, cutOff.name);
    }
    const outcome = scoreWork(
      { job_satisfaction: 6 },
      { cutOffs: { WORK_LOW_SATISFACTION_MAX: 6 } },
    );
    assert.ok(outcome.ok);
    assert.deepEqual(outcome.result.scores, { blue: ['low_job_satisfaction'], black: [] });
  });

  it('rejects codes outside each item: degrees other than 0/25/50/75/100, negative days', () => {
    for (const [key, value] of [
      ['sick_leave_degree', 30],
      ['sick_leave_days', -1],
      ['sick_leave_days', 1.5],
      ['modified_duties_possible', 3],
      ['job_satisfaction', 11],
    ] as const) {
      const outcome = scoreWork({ [key]: value });
      assert.equal(outcome.ok, false, `${key} = ${value}`);
      assert.deepEqual(outcome.issues[0]?.path, [key]);
    }
  });
});

describe('work: properties', () => {
  it('lists each raised indicator once, in the contract order', () => {
    fc.assert(
      fc.property(answersArb, (answers) => {
        const outcome = scoreWork(answers);
        assert.ok(outcome.ok);
        const scores = WorkScoresSchema.parse(outcome.result.scores);
        assert.deepEqual(
          scores.blue,
          WORK_BLUE_INDICATORS.filter((code) => scores.blue.includes(code)),
        );
        assert.deepEqual(
          scores.black,
          WORK_BLACK_INDICATORS.filter((code) => scores.black.includes(code)),
        );
      }),
    );
  });

  it('worse answers never clear a flag: more heavy work, harm belief or days; less satisfaction, support or expectation', () => {
    const worse: Record<string, (value: number) => number> = {
      work_heavy_or_monotonous: (value) => Math.min(10, value + 1),
      work_harms_back_belief: (value) => Math.min(10, value + 1),
      sick_leave_days: (value) => value + 7,
      job_satisfaction: (value) => Math.max(0, value - 1),
      supervisor_support: (value) => Math.max(0, value - 1),
      rtw_expectation: (value) => Math.max(0, value - 1),
    };
    fc.assert(
      fc.property(answersArb, fc.constantFrom(...Object.keys(worse)), (answers, key) => {
        const change = worse[key] ?? ((value: number) => value);
        const current = (answers as Record<string, number>)[key] ?? 0;
        const before = workFlags(answers);
        const after = workFlags({ ...answers, [key]: change(current) });
        for (const code of before.blue) assert.ok(after.blue.includes(code), code);
        for (const code of before.black) assert.ok(after.black.includes(code), code);
      }),
    );
  });
});
