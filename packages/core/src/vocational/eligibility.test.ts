import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  CRITERION_RESULTS,
  EligibilityInputSchema,
  EligibilityResultSchema,
  type CriterionResult,
  type EligibilityInput,
} from '@workup/contracts';
import { checkVocationalEligibility, combineCriteria, isMusculoskeletalCode } from './eligibility';

/** A typical SWAP candidate (reference.md §19): employed, low back pain, off work since 01-15. */
const BASE: EligibilityInput = {
  asOf: '2024-03-01',
  work: { employed: 1 },
  sickLeavePeriods: [{ from: '2024-01-15', to: '2024-03-31', degree: 100 }],
  episode: { bodyRegion: 'low_back', onsetOn: '2024-01-10', diagnoses: [] },
  strugglingAtWork: null,
};

const criterion = (input: EligibilityInput, name: string) =>
  checkVocationalEligibility(input).criteria.find((c) => c.criterion === name);

describe('SWAP eligibility (reference.md §19)', () => {
  it('employed, low back pain, off work 6 weeks: eligible, with its evidence and reasons', () => {
    const result = checkVocationalEligibility(BASE);
    assert.equal(result.status, 'eligible');
    assert.equal(result.situation, 'on_sick_leave');
    assert.equal(result.absenceStart, '2024-01-15');
    assert.deepEqual(
      result.criteria.map((c) => [c.criterion, c.result]),
      [
        ['employed', 'met'],
        ['musculoskeletal_pain', 'met'],
        ['work_status', 'met'],
      ],
    );
    assert.match(result.reasons[0] ?? '', /^Eligible/);
    assert.match(criterion(BASE, 'work_status')?.reason ?? '', /until 2024-07-15/);
    assert.ok(
      criterion(BASE, 'work_status')?.evidence.some(
        (e) => e.source === 'sick_leave_periods' && e.value === '2024-01-15',
      ),
    );
    EligibilityResultSchema.parse(result);
  });

  it('6 months is counted in calendar months: the day before is under, the day itself is not', () => {
    // Off work since 2024-01-15; 6 months later is 2024-07-15.
    const long = {
      ...BASE,
      sickLeavePeriods: [{ from: '2024-01-15', to: '2024-12-31', degree: 100 }],
    };
    assert.equal(checkVocationalEligibility({ ...long, asOf: '2024-07-14' }).status, 'eligible');
    const atLimit = checkVocationalEligibility({ ...long, asOf: '2024-07-15' });
    assert.equal(atLimit.status, 'not_eligible');
    assert.match(atLimit.reasons[0] ?? '', /work status not met/);
    // A month end: from 2023-08-31, 6 months are reached on 2024-02-29 (leap year).
    const monthEnd = {
      ...BASE,
      sickLeavePeriods: [{ from: '2023-08-31', to: '2024-12-31', degree: 50 }],
    };
    assert.equal(
      checkVocationalEligibility({ ...monthEnd, asOf: '2024-02-28' }).status,
      'eligible',
    );
    assert.equal(
      checkVocationalEligibility({ ...monthEnd, asOf: '2024-02-29' }).status,
      'not_eligible',
    );
  });

  it('spells are joined over the gap by the rtw core: a short break does not restart the clock', () => {
    const broken: EligibilityInput = {
      ...BASE,
      asOf: '2024-07-20',
      sickLeavePeriods: [
        { from: '2024-01-15', to: '2024-07-01', degree: 100 },
        { from: '2024-07-05', to: '2024-08-31', degree: 100 },
      ],
    };
    // Gap 0: the current spell began on 07-05, under 6 months.
    assert.equal(checkVocationalEligibility(broken).absenceStart, '2024-07-05');
    assert.equal(checkVocationalEligibility(broken).status, 'eligible');
    // Gap 5 (the Swedish rule, reference.md §23.2): one spell from 01-15, 6 months passed.
    const joined = checkVocationalEligibility(broken, { gapDays: 5 });
    assert.equal(joined.absenceStart, '2024-01-15');
    assert.equal(joined.status, 'not_eligible');
  });

  it('partial sick leave counts as absence', () => {
    const partial = {
      ...BASE,
      sickLeavePeriods: [{ from: '2024-02-01', to: '2024-03-31', degree: 25 }],
    };
    const result = checkVocationalEligibility(partial);
    assert.equal(result.situation, 'on_sick_leave');
    assert.equal(result.status, 'eligible');
  });

  it('at work: struggling makes it eligible, not struggling not, not asked undetermined', () => {
    const atWork: EligibilityInput = {
      ...BASE,
      sickLeavePeriods: [],
      work: { employed: 1, sick_leave_degree: 0 },
    };
    assert.equal(
      checkVocationalEligibility({ ...atWork, strugglingAtWork: true }).status,
      'eligible',
    );
    const fine = checkVocationalEligibility({ ...atWork, strugglingAtWork: false });
    assert.equal(fine.status, 'not_eligible');
    assert.equal(fine.situation, 'at_work');
    const unasked = checkVocationalEligibility(atWork);
    assert.equal(unasked.status, 'undetermined');
    assert.match(unasked.reasons[0] ?? '', /work status not known/);
  });

  it('recorded periods that end before asOf mean at work; struggling decides', () => {
    const back = {
      ...BASE,
      sickLeavePeriods: [{ from: '2024-01-01', to: '2024-02-01', degree: 100 }],
    };
    assert.equal(checkVocationalEligibility(back).situation, 'at_work');
    assert.equal(
      checkVocationalEligibility({ ...back, strugglingAtWork: true }).status,
      'eligible',
    );
  });

  it('without periods the work answers are the evidence (sick_leave_days counts up to asOf)', () => {
    const answers: EligibilityInput = {
      ...BASE,
      sickLeavePeriods: [],
      work: { employed: 1, sick_leave_degree: 100, sick_leave_days: 10 },
    };
    const result = checkVocationalEligibility(answers);
    assert.equal(result.absenceStart, '2024-02-21'); // 02-21..03-01 is 10 days (2024 is a leap year)
    assert.equal(result.status, 'eligible');
    const noDays = checkVocationalEligibility({
      ...answers,
      work: { employed: 1, sick_leave_degree: 50 },
    });
    assert.equal(noDays.status, 'undetermined');
    assert.equal(noDays.situation, 'on_sick_leave');
    const nothing = checkVocationalEligibility({ ...answers, work: { employed: 1 } });
    assert.equal(nothing.situation, 'unknown');
    assert.equal(nothing.status, 'undetermined');
  });

  it('not employed is not eligible, whatever else; employment not answered is undetermined', () => {
    assert.equal(
      checkVocationalEligibility({ ...BASE, work: { employed: 0 } }).status,
      'not_eligible',
    );
    assert.equal(checkVocationalEligibility({ ...BASE, work: {} }).status, 'undetermined');
  });

  it('musculoskeletal pain from the body region or an ICD-10 M / ICPC-2 L code', () => {
    const other = { bodyRegion: 'other' as const, onsetOn: null };
    assert.equal(
      criterion(
        { ...BASE, episode: { ...other, diagnoses: [{ system: 'icd10', code: 'M77.1' }] } },
        'musculoskeletal_pain',
      )?.result,
      'met',
    );
    assert.equal(
      criterion(
        { ...BASE, episode: { ...other, diagnoses: [{ system: 'icpc2', code: 'L92' }] } },
        'musculoskeletal_pain',
      )?.result,
      'met',
    );
    assert.equal(
      criterion(
        { ...BASE, episode: { ...other, diagnoses: [{ system: 'icd10', code: 'F32.1' }] } },
        'musculoskeletal_pain',
      )?.result,
      'unknown',
    );
    assert.equal(criterion({ ...BASE, episode: null }, 'musculoskeletal_pain')?.result, 'unknown');
    assert.ok(isMusculoskeletalCode('icd10', 'M54.5'));
    assert.ok(!isMusculoskeletalCode('icpc2', 'M54'));
  });

  it('the input schema refuses a period that ends before it starts and an unknown degree', () => {
    assert.ok(
      !EligibilityInputSchema.safeParse({
        ...BASE,
        sickLeavePeriods: [{ from: '2024-02-02', to: '2024-02-01', degree: 100 }],
      }).success,
    );
    assert.ok(
      !EligibilityInputSchema.safeParse({ ...BASE, work: { sick_leave_degree: 30 } }).success,
    );
    assert.ok(EligibilityInputSchema.safeParse(BASE).success);
  });

  it('property: three-valued AND — any not met rules out, all met rules in', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom<CriterionResult>(...CRITERION_RESULTS), {
          minLength: 1,
          maxLength: 3,
        }),
        (results) => {
          const status = combineCriteria(results);
          if (results.includes('not_met')) assert.equal(status, 'not_eligible');
          else if (results.every((r) => r === 'met')) assert.equal(status, 'eligible');
          else assert.equal(status, 'undetermined');
        },
      ),
    );
  });

  it('property: each result explains itself and does not mutate its input', () => {
    fc.assert(
      fc.property(
        fc.record({
          employed: fc.constantFrom(0, 1, null),
          degree: fc.constantFrom(0, 25, 50, 75, 100, null),
          days: fc.option(fc.integer({ min: 0, max: 400 })),
          struggling: fc.constantFrom(true, false, null),
          start: fc.integer({ min: 0, max: 400 }),
          length: fc.integer({ min: 0, max: 300 }),
        }),
        ({ employed, degree, days, struggling, start, length }) => {
          const from = new Date(Date.UTC(2023, 0, 1 + start)).toISOString().slice(0, 10);
          const to = new Date(Date.UTC(2023, 0, 1 + start + length)).toISOString().slice(0, 10);
          const input = EligibilityInputSchema.parse({
            asOf: '2024-01-01',
            work: { employed, sick_leave_degree: degree, sick_leave_days: days },
            sickLeavePeriods: start % 2 === 0 ? [{ from, to, degree: 100 }] : [],
            episode: { bodyRegion: 'low_back', onsetOn: null, diagnoses: [] },
            strugglingAtWork: struggling,
          });
          const copy = structuredClone(input);
          const result = EligibilityResultSchema.parse(checkVocationalEligibility(input));
          assert.deepEqual(input, copy);
          assert.equal(result.reasons.length, 4);
          assert.equal(result.status, combineCriteria(result.criteria.map((c) => c.result)));
          for (const c of result.criteria) assert.ok(c.reason.length > 0 && c.evidence.length > 0);
        },
      ),
    );
  });
});
