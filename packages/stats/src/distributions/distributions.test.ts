import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { pbeta } from './beta';
import { pchisq, pgamma } from './gamma';
import { pnorm, qnorm } from './normal';
import { lgamma } from './special';
import { pt, qt } from './t';
import { pwilcox } from './wilcoxon';

interface Case {
  readonly value: number;
  readonly [argument: string]: number | boolean;
}

const golden = JSON.parse(
  readFileSync(new URL('../../golden/distributions.json', import.meta.url), 'utf8'),
) as Record<string, Case[]>;

const num = (c: Case, key: string): number => c[key] as number;
const bool = (c: Case, key: string): boolean => c[key] as boolean;

/** Relative error, with values below 1e-290 (underflow in R) compared absolutely. */
function relativeError(actual: number, expected: number): number {
  if (Math.abs(expected) < 1e-290) return Math.abs(actual - expected);
  return Math.abs(actual - expected) / Math.abs(expected);
}

const FUNCTIONS: Record<string, { fn: (c: Case) => number; tolerance: number }> = {
  pnorm: { fn: (c) => pnorm(num(c, 'x'), bool(c, 'lower')), tolerance: 1e-13 },
  qnorm: { fn: (c) => qnorm(num(c, 'p')), tolerance: 1e-13 },
  pt: { fn: (c) => pt(num(c, 'x'), num(c, 'df'), bool(c, 'lower')), tolerance: 1e-12 },
  pchisq: { fn: (c) => pchisq(num(c, 'x'), num(c, 'df'), bool(c, 'lower')), tolerance: 1e-12 },
  pbeta: {
    fn: (c) => pbeta(num(c, 'x'), num(c, 'a'), num(c, 'b'), bool(c, 'lower')),
    tolerance: 1e-12,
  },
  pgamma: { fn: (c) => pgamma(num(c, 'x'), num(c, 'shape'), bool(c, 'lower')), tolerance: 1e-12 },
  // Absolute near its zeros at 1 and 2 (it only ever enters through exp()).
  lgamma: { fn: (c) => lgamma(num(c, 'x')), tolerance: 1e-14 },
  pwilcox: { fn: (c) => pwilcox(num(c, 'q'), num(c, 'm'), num(c, 'n')), tolerance: 1e-13 },
};

await test('distribution functions match R 4.2.2 (golden/distributions.json)', async (t) => {
  for (const [name, { fn, tolerance }] of Object.entries(FUNCTIONS)) {
    await t.test(`${name} to ${tolerance} relative`, () => {
      const cases = golden[name] ?? [];
      assert.ok(cases.length > 10);
      for (const c of cases) {
        const error =
          name === 'lgamma'
            ? Math.abs(fn(c) - c.value) / Math.max(1, Math.abs(c.value))
            : relativeError(fn(c), c.value);
        assert.ok(error <= tolerance, `${name}(${JSON.stringify(c)}) = ${fn(c)}: error ${error}`);
      }
    });
  }

  await t.test('qt to 1e-12 relative (R itself is off by 2.6e-16 at the median)', () => {
    for (const c of golden.qt ?? []) {
      const actual = qt(num(c, 'p'), num(c, 'df'));
      if (num(c, 'p') === 0.5) assert.equal(actual, 0);
      else
        assert.ok(relativeError(actual, c.value) <= 1e-12, `qt(${JSON.stringify(c)}) = ${actual}`);
    }
  });
});

await test('quantile functions invert the distribution functions', () => {
  fc.assert(
    fc.property(fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }), (p) => {
      assert.ok(Math.abs(pnorm(qnorm(p)) - p) <= 1e-13 * Math.max(p, 1e-3));
    }),
  );
  fc.assert(
    fc.property(
      fc.double({ min: 1e-8, max: 1 - 1e-8, noNaN: true }),
      fc.double({ min: 0.3, max: 1e6, noNaN: true }),
      (p, df) => {
        const x = qt(p, df);
        assert.ok(
          Math.abs(pt(x, df) - p) <= 1e-12 * Math.min(p, 1 - p) + 1e-15,
          `qt(${p}, ${df}) = ${x}`,
        );
      },
    ),
  );
});

await test('the tails are complementary and symmetric', () => {
  fc.assert(
    fc.property(
      fc.double({ min: -30, max: 30, noNaN: true }),
      fc.double({ min: 0.5, max: 1e7, noNaN: true }),
      (x, df) => {
        assert.ok(Math.abs(pt(x, df) + pt(x, df, false) - 1) < 1e-14);
        assert.ok(Math.abs(pt(x, df) - pt(-x, df, false)) <= 1e-14 * pt(x, df) + 1e-300);
        assert.ok(Math.abs(pnorm(x) - pnorm(-x, false)) <= 1e-15 * pnorm(x) + 1e-300);
      },
    ),
  );
});
