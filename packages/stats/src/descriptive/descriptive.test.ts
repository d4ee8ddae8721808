import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseCsv } from '../frame/csv';
import { quantile7 } from './summary';
import { baselineTable, type CategoricalRow, type ContinuousRow } from './table1';
import { chiSquareTest, fisherExactTest, welchTTest, wilcoxonTest } from './tests';

interface Stat {
  readonly statistic: number;
  readonly df: number;
  readonly p: number;
}

const golden = JSON.parse(
  readFileSync(new URL('../../golden/table1.json', import.meta.url), 'utf8'),
) as {
  arms: string[];
  continuous: {
    variable: string;
    groups: Record<string, number | string>[];
    t: Stat;
    wilcoxon: { statistic: number; p: number; exact: boolean };
  }[];
  categorical: {
    variable: string;
    levels: string[];
    counts: number[][];
    missing: Record<string, number>;
    chisq: Stat;
    fisher: { p: number };
  }[];
  wilcoxon: { x: number[]; y: number[]; statistic: number; p: number; exact: boolean }[];
  ttest: { x: number[]; y: number[]; statistic: number; df: number; p: number }[];
  contingency: { table: number[][]; chisq: Stat; fisher: { p: number } }[];
  quantiles: { x: number[]; q: number[] }[];
};

function near(actual: number | undefined, expected: number, tolerance = 1e-12, what = ''): void {
  assert.ok(actual !== undefined);
  const error = Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-300);
  assert.ok(
    error <= tolerance || Math.abs(actual - expected) < 1e-25,
    `${what}: ${actual} vs ${expected}`,
  );
}

await test('two-sample tests match R 4.2.2 (golden/table1.json)', async (t) => {
  await t.test('wilcox.test, exact and normal approximation with ties', () => {
    for (const c of golden.wilcoxon) {
      const result = wilcoxonTest(c.x, c.y);
      assert.equal(result?.statistic, c.statistic);
      assert.equal(result.exact, c.exact);
      near(result.p, c.p, 1e-12, 'p');
    }
  });
  await t.test('t.test (Welch)', () => {
    for (const c of golden.ttest) {
      const result = welchTTest(c.x, c.y);
      near(result?.statistic, c.statistic, 1e-13, 't');
      near(result?.df, c.df, 1e-13, 'df');
      near(result?.p, c.p, 1e-12, 'p');
    }
  });
  await t.test('chisq.test (Yates for 2x2) and fisher.test, 2x2 to 3x3 and 2x5', () => {
    for (const c of golden.contingency) {
      const chisq = chiSquareTest(c.table);
      assert.ok(chisq !== null);
      near(chisq.statistic, c.chisq.statistic, 1e-12, 'X2');
      assert.equal(chisq.df, c.chisq.df);
      near(chisq.p, c.chisq.p, 1e-12, 'chisq p');
      near(fisherExactTest(c.table)?.p, c.fisher.p, 1e-10, `fisher ${JSON.stringify(c.table)}`);
    }
  });
  await t.test('quantile() type 7', () => {
    for (const c of golden.quantiles) {
      const sorted = Float64Array.from(c.x).sort();
      assert.deepEqual(
        [0, 0.1, 0.25, 0.5, 0.75, 1].map((q) => quantile7(sorted, q)),
        c.q,
      );
    }
  });
});

await test('the baseline table of table1.csv matches R', () => {
  const data = parseCsv(readFileSync(new URL('../../golden/table1.csv', import.meta.url), 'utf8'));
  const table = baselineTable(data, { by: 'arm' });
  assert.deepEqual(
    table.groups.map((g) => g.group),
    golden.arms,
  );
  assert.deepEqual(
    table.rows.map((row) => row.variable),
    ['age', 'bmi', 'days', 'sex', 'smoker', 'risk'],
  );
  for (const expected of golden.continuous) {
    const row = table.rows.find(
      (r): r is ContinuousRow => r.variable === expected.variable && r.type === 'continuous',
    );
    assert.ok(row !== undefined, expected.variable);
    expected.groups.forEach((group, g) => {
      const actual = row.groups[g];
      assert.ok(actual !== undefined);
      assert.equal(actual.group, group.level);
      for (const key of [
        'n',
        'missing',
        'mean',
        'sd',
        'median',
        'q1',
        'q3',
        'min',
        'max',
      ] as const) {
        near(actual[key], group[key] as number, 1e-14, `${expected.variable} ${key}`);
      }
    });
    near(row.tests.welch?.statistic, expected.t.statistic, 1e-12, 't');
    near(row.tests.welch?.df, expected.t.df, 1e-12, 'df');
    near(row.tests.welch?.p, expected.t.p, 1e-12, 'p');
    assert.equal(row.tests.wilcoxon?.statistic, expected.wilcoxon.statistic);
    assert.equal(row.tests.wilcoxon.exact, expected.wilcoxon.exact);
    near(row.tests.wilcoxon.p, expected.wilcoxon.p, 1e-12, 'wilcoxon p');
  }
  for (const expected of golden.categorical) {
    const row = table.rows.find(
      (r): r is CategoricalRow => r.variable === expected.variable && r.type === 'categorical',
    );
    assert.ok(row !== undefined, expected.variable);
    assert.deepEqual(row.levels, expected.levels);
    assert.deepEqual(
      row.groups.map((g) => g.counts),
      expected.counts,
    );
    assert.deepEqual(
      row.groups.map((g) => g.missing),
      golden.arms.map((arm) => expected.missing[arm]),
    );
    near(row.tests.chisq?.statistic, expected.chisq.statistic, 1e-10, 'X2');
    near(row.tests.chisq?.p, expected.chisq.p, 1e-12, 'chisq p');
    near(row.tests.fisher?.p, expected.fisher.p, 1e-10, 'fisher p');
    for (const group of row.groups) {
      near(
        group.percents.reduce((a, b) => a + b, 0),
        100,
        1e-12,
        'percent',
      );
    }
  }
});

await test('a table with three groups describes but does not run two-sample tests', () => {
  const data = parseCsv('g,x,c\na,1,u\na,2,v\nb,3,u\nb,5,v\nc,4,u\nc,9,u\n');
  const table = baselineTable(data, { by: 'g' });
  const [x, c] = table.rows;
  assert.ok(x?.type === 'continuous');
  assert.equal(x.tests.welch, null);
  assert.equal(x.tests.wilcoxon, null);
  assert.ok(c?.type === 'categorical');
  assert.ok(c.tests.fisher !== null && c.tests.fisher.p > 0);
});
