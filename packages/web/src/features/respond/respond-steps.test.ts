import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { QuestionnaireForm, QuestionnaireItem } from '@workup/contracts';
import {
  firstUnsettled,
  invalidSteps,
  isScale,
  nextStep,
  pageOf,
  previousStep,
  resolveStep,
  scaleValues,
  toDraft,
  toResponses,
  visibleSteps,
  withAnswer,
} from './respond-steps';
import type { ChosenAnswers } from './respond-steps';

const choice = (key: string, codes: number[], extra: Partial<QuestionnaireItem> = {}) => ({
  key,
  text: `Item ${key}`,
  kind: 'choice' as const,
  options: codes.map((code) => ({ code, label: `Option ${String(code)}` })),
  min: null,
  max: null,
  unit: null,
  anchors: null,
  required: true,
  askedIf: null,
  ...extra,
});

const integer = (key: string, min: number, max: number | null, extra = {}) => ({
  ...choice(key, []),
  kind: 'integer' as const,
  min,
  max,
  ...extra,
});

const questionnaire = (instrument: 'sbt' | 'work' | 'odi', items: QuestionnaireItem[]) => ({
  instrument,
  version: '1',
  language: 'en',
  wording: 'paraphrase' as const,
  title: instrument,
  recallPeriod: 'now',
  instructions: null,
  items,
});

/** Three questionnaires: two plain items; a job question asked only when employed; an optional one. */
const FORM: QuestionnaireForm = (() => {
  const questionnaires = [
    questionnaire('sbt', [choice('1', [0, 1]), choice('9', [0, 1, 2, 3, 4])]),
    questionnaire('work', [
      choice('employed', [0, 1]),
      integer('job_satisfaction', 0, 10, { askedIf: { item: 'employed', in: [1] } }),
      integer('sick_leave_days', 0, null, { unit: 'days' }),
    ]),
    questionnaire('odi', [choice('7', [0, 1, 2]), choice('8', [0, 1, 2], { required: false })]),
  ];
  const [first] = questionnaires;
  if (first === undefined) throw new Error('no questionnaire');
  return { ...first, questionnaires, timepoint: 'baseline', expiresAt: '2026-03-16T08:00:00Z' };
})();

const pages = (answers: ChosenAnswers) => visibleSteps(FORM, answers).map(pageOf);

describe('the steps of a link of several questionnaires', () => {
  it('asks the job question only of someone with a job', () => {
    assert.deepEqual(pages({}), [
      'sbt.1',
      'sbt.9',
      'work.employed',
      'work.sick_leave_days',
      'odi.7',
      'odi.8',
    ]);
    assert.deepEqual(pages({ work: { employed: 1 } }), [
      'sbt.1',
      'sbt.9',
      'work.employed',
      'work.job_satisfaction',
      'work.sick_leave_days',
      'odi.7',
      'odi.8',
    ]);
  });

  it('starts at the first question and resumes at the first one not dealt with', () => {
    assert.equal(pageOf(resolveStep(null, FORM, {})), 'sbt.1');
    const some = { sbt: { '1': 1, '9': 3 }, work: { employed: 0 } };
    assert.equal(pageOf(resolveStep(null, FORM, some)), 'work.sick_leave_days');
    assert.equal(pageOf(resolveStep('odi.8', FORM, some)), 'work.sick_leave_days');
    assert.equal(pageOf(resolveStep('check', FORM, some)), 'work.sick_leave_days');
    assert.equal(pageOf(resolveStep('sbt.9', FORM, some)), 'sbt.9');
    assert.equal(pageOf(resolveStep('nonsense', FORM, some)), 'work.sick_leave_days');
  });

  it('counts a left-out optional question as dealt with, but not a required one', () => {
    const all: ChosenAnswers = {
      sbt: { '1': 1, '9': 3 },
      work: { employed: 0, sick_leave_days: 12 },
      odi: { '7': 1, '8': null },
    };
    assert.deepEqual(resolveStep('check', FORM, all), { kind: 'check' });
    assert.deepEqual(resolveStep(null, FORM, all), { kind: 'check' });
    const required = withAnswer(all, 'odi', '7', null);
    assert.equal(pageOf(resolveStep('check', FORM, required)), 'odi.7');
  });

  it('moves on, goes back, and after a change opens a newly asked question first', () => {
    const answers: ChosenAnswers = {
      sbt: { '1': 1, '9': 3 },
      work: { employed: 0, sick_leave_days: 0 },
      odi: { '7': 1, '8': 2 },
    };
    const employed = resolveStep('work.employed', FORM, answers);
    assert.equal(employed.kind, 'question');
    assert.equal(pageOf(nextStep(FORM, employed, answers, false)), 'work.sick_leave_days');
    assert.equal(pageOf(previousStep(FORM, employed, answers) ?? employed), 'sbt.9');
    assert.equal(previousStep(FORM, resolveStep('sbt.1', FORM, answers), answers), null);
    assert.equal(pageOf(previousStep(FORM, { kind: 'check' }, answers) ?? employed), 'odi.8');
    const nowEmployed = withAnswer(answers, 'work', 'employed', 1);
    assert.equal(pageOf(nextStep(FORM, employed, nowEmployed, true)), 'work.job_satisfaction');
    assert.deepEqual(nextStep(FORM, employed, answers, true), { kind: 'check' });
  });

  it('sends every item, and a question no longer asked as not answered', () => {
    const answers: ChosenAnswers = {
      sbt: { '1': 1, '9': 3 },
      work: { employed: 0, job_satisfaction: 7, sick_leave_days: 3 },
      odi: { '7': 1, '8': null },
    };
    assert.deepEqual(toResponses(FORM, answers), {
      sbt: { '1': 1, '9': 3 },
      work: { employed: 0, job_satisfaction: null, sick_leave_days: 3 },
      odi: { '7': 1, '8': null },
    });
    assert.deepEqual(toDraft(FORM, { ...answers, rmdq: { '1': 1 } }), answers);
  });

  it('finds the questions the server refused, in either path style', () => {
    const steps = invalidSteps(FORM, {
      'responses.odi.7': 'required',
      'answers.9': 'required',
      'responses.work.nonsense': 'unknown',
    });
    assert.deepEqual(steps.map(pageOf), ['sbt.9', 'odi.7']);
  });

  it('draws 0-10 as a scale of radio buttons and wider ranges as a number field', () => {
    assert.equal(isScale(integer('a', 0, 10)), true);
    assert.deepEqual(scaleValues(integer('a', 0, 10)), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    assert.equal(isScale(integer('vas', 0, 100)), false);
    assert.equal(isScale(integer('days', 0, null)), false);
    assert.equal(isScale(choice('1', [0, 1])), false);
  });

  it('never lands past the first question not dealt with, whatever the address says', () => {
    const code = fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined });
    const answersArb = fc.record({
      sbt: fc.record({ '1': code, '9': code }),
      work: fc.record({ employed: code, job_satisfaction: code, sick_leave_days: code }),
      odi: fc.record({ '7': code, '8': fc.option(fc.constantFrom(0, null), { nil: undefined }) }),
    });
    const pageArb = fc.oneof(
      fc.constant(null),
      fc.constant('check'),
      fc.constantFrom(...pages({ work: { employed: 1 } })),
      fc.string(),
    );
    fc.assert(
      fc.property(answersArb, pageArb, (raw, page) => {
        const answers = JSON.parse(JSON.stringify(raw)) as ChosenAnswers;
        const steps = visibleSteps(FORM, answers);
        const limit = firstUnsettled(FORM, steps, answers);
        const step = resolveStep(page, FORM, answers);
        if (step.kind === 'check') {
          assert.equal(limit, -1);
        } else {
          const at = steps.findIndex((candidate) => pageOf(candidate) === pageOf(step));
          assert.ok(at >= 0, 'a visible question');
          assert.ok(limit === -1 || at <= limit, `${pageOf(step)} is not past the first open one`);
        }
        const sent = toResponses(FORM, answers);
        for (const q of FORM.questionnaires) {
          assert.deepEqual(
            Object.keys(sent[q.instrument] ?? {}),
            q.items.map((item) => item.key),
          );
        }
        if (answers.work?.employed !== 1) assert.equal(sent.work?.job_satisfaction, null);
      }),
    );
  });
});
