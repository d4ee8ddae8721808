import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FormulaError, parseFormula, termLabel } from './formula';

function describe(text: string): string {
  const formula = parseFormula(text);
  const fixed = formula.terms.map((term) => termLabel(formula, term)).join(' + ');
  const random = formula.random.map((term) => `${term.label}[${term.columns.join(',')}]`).join(' ');
  return `${formula.response} ~ ${formula.intercept ? '1' : '0'} + ${fixed} | ${random}`;
}

await test('parseFormula orders and labels terms as R and lme4 do', () => {
  // Term labels checked with attr(terms(f), "term.labels"); random terms with lme4::findbars.
  const cases: [string, string][] = [
    [
      'y ~ arm * factor(visit) + age + (1 | unit) + (1 | unit:patient)',
      'y ~ 1 + arm + factor(visit) + age + arm:factor(visit) | unit[unit] unit:patient[unit,patient]',
    ],
    [
      'y ~ sex + sex:age + factor(visit) + (1 | unit/patient)',
      'y ~ 1 + sex + factor(visit) + sex:age | patient:unit[patient,unit] unit[unit]',
    ],
    ['y ~ 0 + arm + (1|s/u/pp)', 'y ~ 0 + arm | pp:(u:s)[pp,u,s] u:s[u,s] s[s]'],
    ['y ~ b:a + a + (x+z)*w - 1 + (1|g)', 'y ~ 0 + a + x + z + w + b:a + x:w + z:w | g[g]'],
    ['y ~ a*b - a:b + (1|g)', 'y ~ 1 + a + b | g[g]'],
    ['y ~ a/b + (1|g)', 'y ~ 1 + a + a:b | g[g]'],
    ['y ~ (1 | g) + x', 'y ~ 1 + x | g[g]'],
    ['y ~ `body weight` + (1 | `care unit`)', 'y ~ 1 + `body weight` | `care unit`[care unit]'],
  ];
  for (const [formula, expected] of cases) assert.equal(describe(formula), expected);
});

await test('parseFormula refuses what it does not support, with a reason', () => {
  const cases: [string, RegExp][] = [
    ['y ~ x + (x | g)', /only random intercepts/],
    ['y ~ x + (0 + x | g)', /only random intercepts/],
    ['y ~ log(x) + (1|g)', /log\(\) is not supported/],
    ['y ~ x +', /ends too early/],
    ['y ~ x + (1|g) + (1|g)', /appears twice/],
    ['y ~ x * (1|g)', /must be added/],
    ['log(y) ~ x', /response/],
    ['y ~ x + 2', /unexpected number 2/],
    ['y ~ x $ z', /unexpected "\$"/],
  ];
  for (const [formula, message] of cases) {
    assert.throws(
      () => parseFormula(formula),
      (error: unknown) => error instanceof FormulaError && message.test(error.message),
      formula,
    );
  }
});
