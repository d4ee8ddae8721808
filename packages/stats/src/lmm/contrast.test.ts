import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseCsv } from '../frame/csv';
import { contrastWeights } from './contrast';
import { ModelDataError } from './design';
import { contrastOf, fitLmm } from './fit';

const trial = parseCsv(readFileSync(new URL('../../golden/trial.csv', import.meta.url), 'utf8'));
const fitted = fitLmm(trial, 'y ~ arm * factor(visit) + age + sex + (1 | unit/patient)');
const names = fitted.coefficientNames;

function weightsOf(spec: string): number[] {
  return Array.from(contrastWeights(spec, fitted.formula, fitted.design).weights);
}

function vector(entries: Record<string, number>): number[] {
  return names.map((name) => entries[name] ?? 0);
}

await test('a difference between arms at a visit is the arm effect plus its interaction', () => {
  const expected = vector({ armworkup: 1, 'armworkup:factor(visit)12': 1 });
  assert.deepEqual(weightsOf('arm=workup-control@visit=12'), expected);
  assert.deepEqual(weightsOf('armworkup + armworkup:factor(visit)12'), expected);
  assert.deepEqual(weightsOf('arm=control-workup@visit=0'), vector({ armworkup: -1 }));
});

await test('variables left unset are averaged (numeric at the mean, factors over levels)', () => {
  // Difference between visits 12 and 0 in the control arm: no age or sex terms survive.
  assert.deepEqual(weightsOf('visit=12-0@arm=control'), vector({ 'factor(visit)12': 1 }));
  // Without fixing arm, the interaction enters with weight 1/2.
  assert.deepEqual(
    weightsOf('visit=12-0'),
    vector({ 'factor(visit)12': 1, 'armworkup:factor(visit)12': 0.5 }),
  );
});

await test('a combination takes multipliers and signs', () => {
  assert.deepEqual(
    weightsOf('2*armworkup - 0.5*factor(visit)3 + armworkup:factor(visit)3'),
    vector({ armworkup: 2, 'factor(visit)3': -0.5, 'armworkup:factor(visit)3': 1 }),
  );
  const row = contrastOf(
    fitted,
    contrastWeights('armworkup', fitted.formula, fitted.design).weights,
  );
  const { term, ...fixed } = fitted.summary.fixed.find((r) => r.term === 'armworkup') ?? {
    term: '',
  };
  assert.equal(term, 'armworkup');
  assert.deepEqual(row, fixed);
});

await test('says what is wrong with a contrast', () => {
  const cases: [string, RegExp][] = [
    ['arm=workup-placebo@visit=12', /not two values of arm/],
    ['arm=workup-control@visit=24', /no value "24"/],
    ['ward=a-b', /not a fixed-effect variable/],
    ['armworkup + nonsense', /no coefficient named/],
    ['armworkup armworkup', /expected \+ or -/],
  ];
  for (const [spec, message] of cases) {
    assert.throws(
      () => contrastWeights(spec, fitted.formula, fitted.design),
      (error: unknown) => error instanceof ModelDataError && message.test(error.message),
      spec,
    );
  }
});
