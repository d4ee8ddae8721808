import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Ompsq10ScoresSchema } from '@workup/contracts';
import { InstrumentCasesSchema } from '../cases';
import { ompsq10Definition } from './definition';
import {
  classifyOmpsq10Risk,
  OMPSQ10_HIGH_RISK_MIN_TOTAL,
  OMPSQ10_MEDIUM_RISK_MIN_TOTAL,
  OMPSQ10_REVERSED_ITEMS,
  scoreOmpsq10,
} from './score';

const { cases } = InstrumentCasesSchema.parse(
  JSON.parse(readFileSync(new URL('./cases.json', import.meta.url), 'utf8')),
);

const KEYS = ompsq10Definition.items.map((item) => item.key);
const REVERSED: readonly string[] = OMPSQ10_REVERSED_ITEMS;
const response = (codes: readonly number[]) =>
  Object.fromEntries(KEYS.map((key, index) => [key, codes[index] ?? 0]));

/** Any complete, valid ÖMPSQ-10 response: item 1 coded 1-10, items 2-10 0-10. */
const validAnswers = fc
  .tuple(
    fc.integer({ min: 1, max: 10 }),
    ...KEYS.slice(1).map(() => fc.integer({ min: 0, max: 10 })),
  )
  .map((codes) => response(codes));

function totalOf(answers: unknown): number {
  const outcome = scoreOmpsq10(answers);
  assert.ok(outcome.ok && outcome.result.scores !== null, JSON.stringify(outcome));
  return Ompsq10ScoresSchema.parse(outcome.result.scores).total;
}

describe('ompsq10: hand-worked cases (cases.json, reference.md §3)', () => {
  for (const testCase of cases) {
    it(`${testCase.id} (${testCase.source})`, () => {
      const outcome = scoreOmpsq10(testCase.answers, testCase.options ?? {});
      assert.ok(outcome.ok);
      assert.equal(outcome.result.complete, testCase.expected.complete);
      assert.deepEqual(outcome.result.missing, testCase.expected.missing);
      assert.deepEqual(outcome.result.scores, testCase.expected.scores);
    });
  }
});

describe('ompsq10: scoring rules (reference.md §3)', () => {
  it('reverses exactly items 3, 4 and 8', () => {
    assert.deepEqual([...OMPSQ10_REVERSED_ITEMS], ['3', '4', '8']);
    const base = response([1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    const baseTotal = totalOf(base);
    assert.equal(baseTotal, 31);
    for (const key of KEYS.slice(1)) {
      const delta: number = totalOf({ ...base, [key]: 1 }) - baseTotal;
      assert.equal(delta, REVERSED.includes(key) ? -1 : 1, `item ${key}`);
    }
  });

  it('sums item 1 as its duration category 1-10', () => {
    for (let code = 1; code <= 10; code += 1) {
      assert.equal(totalOf(response([code, 0, 10, 10, 0, 0, 0, 10, 0, 0])), code);
    }
  });

  it('classifies risk on both sides of each default cut-off', () => {
    assert.equal(OMPSQ10_MEDIUM_RISK_MIN_TOTAL, 40);
    assert.equal(OMPSQ10_HIGH_RISK_MIN_TOTAL, 50);
    assert.equal(classifyOmpsq10Risk(1), 'low');
    assert.equal(classifyOmpsq10Risk(39), 'low');
    assert.equal(classifyOmpsq10Risk(40), 'medium');
    assert.equal(classifyOmpsq10Risk(49), 'medium');
    assert.equal(classifyOmpsq10Risk(50), 'high');
    assert.equal(classifyOmpsq10Risk(100), 'high');
  });

  it('applies overridden cut-offs (contracts.md §1: configurable)', () => {
    const forty = response([5, 6, 7, 8, 4, 3, 5, 6, 5, 3]);
    const workUp = scoreOmpsq10(forty, { cutOffs: { OMPSQ10_MEDIUM_RISK_MIN_TOTAL: 41 } });
    assert.ok(workUp.ok);
    assert.deepEqual(workUp.result.scores, { total: 40, risk: 'low' });
    const strict = scoreOmpsq10(forty, { cutOffs: { OMPSQ10_HIGH_RISK_MIN_TOTAL: 40 } });
    assert.ok(strict.ok);
    assert.deepEqual(strict.result.scores, { total: 40, risk: 'high' });
    const bad = scoreOmpsq10(forty, { cutOffs: { OMPSQ10_HIGH_RISK_MIN_TOTAL: Number.NaN } });
    assert.equal(bad.ok, false);
  });

  it('does not score a response with a missing item, and names it', () => {
    const answers: Record<string, number | null> = response([5, 6, 7, 8, 4, 3, 5, 6, 5, 3]);
    answers['3'] = null;
    delete answers['9'];
    const outcome = scoreOmpsq10(answers);
    assert.ok(outcome.ok);
    assert.equal(outcome.result.complete, false);
    assert.deepEqual(outcome.result.missing, ['3', '9']);
    assert.equal(outcome.result.scores, null);
    assert.match(outcome.result.reason ?? '', /all 10 items/);
  });

  it('rejects codes out of range and non-integers: never clamps', () => {
    const valid = response([5, 6, 7, 8, 4, 3, 5, 6, 5, 3]);
    for (const [key, value] of [
      ['1', 0],
      ['1', 11],
      ['2', -1],
      ['3', 11],
      ['8', 2.5],
      ['10', '7'],
    ] as const) {
      const outcome = scoreOmpsq10({ ...valid, [key]: value });
      assert.equal(outcome.ok, false, `${key} = ${String(value)}`);
      assert.deepEqual(outcome.issues[0]?.path, [key]);
    }
  });
});

describe('ompsq10: properties', () => {
  it('total is the sum after reversal, always within 1-100, with the risk of its total', () => {
    fc.assert(
      fc.property(validAnswers, (answers) => {
        const outcome = scoreOmpsq10(answers);
        assert.ok(outcome.ok);
        const scores = Ompsq10ScoresSchema.parse(outcome.result.scores);
        const expected = KEYS.reduce((sum, key) => {
          const code = answers[key] ?? 0;
          return sum + (REVERSED.includes(key) ? 10 - code : code);
        }, 0);
        assert.equal(scores.total, expected);
        assert.ok(scores.total >= 1 && scores.total <= 100);
        assert.equal(scores.risk, classifyOmpsq10Risk(scores.total));
      }),
    );
  });

  it('is monotone: raising a forward item never lowers the total, raising a reversed one never raises it', () => {
    fc.assert(
      fc.property(validAnswers, fc.constantFrom(...KEYS), (answers, key) => {
        const code = answers[key] ?? 0;
        if (code === 10) return;
        const before = totalOf(answers);
        const after = totalOf({ ...answers, [key]: code + 1 });
        if (REVERSED.includes(key)) assert.ok(after <= before);
        else assert.ok(after >= before);
      }),
    );
  });

  it('risk never falls as the total rises, for any ordered pair of cut-offs', () => {
    const rank = { low: 0, medium: 1, high: 2 } as const;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 1, max: 100 }),
        (a, b, c, d) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          const [medium, top] = c <= d ? [c, d] : [d, c];
          assert.ok(
            rank[classifyOmpsq10Risk(low, medium, top)] <=
              rank[classifyOmpsq10Risk(high, medium, top)],
          );
        },
      ),
    );
  });
});
