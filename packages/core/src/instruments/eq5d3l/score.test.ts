import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { EQ5D3L_VALUE_SETS, Eq5d3lScoresSchema, type Eq5d3lValueSet } from '@workup/contracts';
import { EQ5D3L_DIMENSIONS } from './definition';
import {
  EQ5D3L_COEFFICIENTS,
  eq5d3lIndex,
  eq5d3lIndexUnits,
  roundEq5d3lIndex,
  scoreEq5d3l,
  type Eq5d3lLevels,
} from './score';

const levelsOf = (profile: string): Eq5d3lLevels =>
  Array.from({ length: 5 }, (_, index) => Number(profile.charAt(index))) as unknown as Eq5d3lLevels;
const answersOf = (profile: string, vas: number | null = null) => ({
  ...Object.fromEntries(EQ5D3L_DIMENSIONS.map((key, index) => [key, Number(profile[index])])),
  VAS: vas,
});

const level = fc.integer({ min: 1, max: 3 });
const levelsArb = fc.tuple(level, level, level, level, level);
const valueSetArb = fc.constantFrom(...EQ5D3L_VALUE_SETS);

describe('eq5d3l: coefficients (reference.md §9.3)', () => {
  // The "Range" row of reference.md §9.3: every coefficient of a set enters 33333, so a mistyped
  // one moves the worst state.
  const ranges: Record<Eq5d3lValueSet, [worst: number, best: number]> = {
    uk_tto: [-0.594, 1],
    se_tto: [0.34, 0.969],
    dk_tto: [-0.624, 1],
    uk_vas: [-0.073, 1],
    fi_vas: [-0.011, 1],
    eu_vas: [-0.074, 1],
  };
  for (const valueSet of EQ5D3L_VALUE_SETS) {
    it(`${valueSet}: 33333 and 11111 give the published range`, () => {
      assert.equal(eq5d3lIndex(levelsOf('33333'), valueSet), ranges[valueSet][0]);
      assert.equal(eq5d3lIndex(levelsOf('11111'), valueSet), ranges[valueSet][1]);
    });
  }

  it('reproduces the test vectors of reference.md §9.3', () => {
    const vectors: [Eq5d3lValueSet, string, number][] = [
      ['uk_tto', '11221', 0.76],
      ['uk_tto', '33221', -0.037],
      ['uk_tto', '12321', 0.329],
      ['uk_tto', '33333', -0.594],
      ['se_tto', '11111', 0.969],
      ['se_tto', '11121', 0.935],
      ['se_tto', '12313', 0.555],
      ['se_tto', '22223', 0.489],
      ['se_tto', '33333', 0.34],
      ['dk_tto', '12111', 0.823],
      ['dk_tto', '12121', 0.761],
      ['dk_tto', '33333', -0.624],
      ['fi_vas', '12111', 0.744],
      ['fi_vas', '12321', 0.502],
      ['fi_vas', '33333', -0.011],
      ['uk_vas', '11211', 0.814],
      ['uk_vas', '22222', 0.503],
      ['uk_vas', '33333', -0.073],
    ];
    for (const [valueSet, profile, expected] of vectors) {
      assert.equal(eq5d3lIndex(levelsOf(profile), valueSet), expected, `${valueSet} ${profile}`);
    }
  });

  it('se_tto 12321 is an exact half (0.7285) and rounds to 0.729, not reference.md 0.728', () => {
    assert.equal(eq5d3lIndexUnits(levelsOf('12321'), 'se_tto'), 7285);
    assert.equal(eq5d3lIndex(levelsOf('12321'), 'se_tto'), 0.729);
  });

  it('dk_tto 32123 is -0.017 from the coefficients (reference.md lists -0.018)', () => {
    assert.equal(eq5d3lIndexUnits(levelsOf('32123'), 'dk_tto'), -170);
    assert.equal(eq5d3lIndex(levelsOf('32123'), 'dk_tto'), -0.017);
  });

  it('has no interaction terms: se_tto has no constant for leaving 11111, dk_tto and fi_vas no N3', () => {
    assert.equal(EQ5D3L_COEFFICIENTS.se_tto.anyProblem, null);
    assert.equal(EQ5D3L_COEFFICIENTS.dk_tto.anyLevel3, null);
    assert.equal(EQ5D3L_COEFFICIENTS.fi_vas.anyLevel3, null);
    // se_tto 21111 = 0.9694 - 0.0666 = 0.9028: no constant; 11113 = 0.9694 - 0.2077 - 0.0433.
    assert.equal(eq5d3lIndexUnits(levelsOf('21111'), 'se_tto'), 9028);
    assert.equal(eq5d3lIndexUnits(levelsOf('11113'), 'se_tto'), 7184);
    // dk_tto 11113 = 1 - 0.114 - 0.367 = 0.519: no N3.
    assert.equal(eq5d3lIndexUnits(levelsOf('11113'), 'dk_tto'), 5190);
  });
});

describe('eq5d3l: rounding to 3 decimals', () => {
  it('rounds halves away from zero and never returns -0', () => {
    assert.equal(roundEq5d3lIndex(7285), 0.729);
    assert.equal(roundEq5d3lIndex(7284), 0.728);
    assert.equal(roundEq5d3lIndex(-745), -0.075);
    assert.equal(roundEq5d3lIndex(-744), -0.074);
    assert.ok(Object.is(roundEq5d3lIndex(-4), 0));
    assert.ok(Object.is(roundEq5d3lIndex(4), 0));
    assert.equal(roundEq5d3lIndex(10_000), 1);
  });
});

describe('eq5d3l: scoring', () => {
  it('uses uk_tto by default and the value set chosen by option', () => {
    const byDefault = scoreEq5d3l(answersOf('11221', 70));
    const se = scoreEq5d3l(answersOf('11221', 70), { valueSet: 'se_tto' });
    assert.ok(byDefault.ok && se.ok);
    assert.deepEqual(byDefault.result.scores, { profile: '11221', index: 0.76, vas: 70 });
    // se_tto 11221 = .9694 - UA2 .1012 - PD2 .0345 = .8337 -> 0.834.
    assert.deepEqual(se.result.scores, { profile: '11221', index: 0.834, vas: 70 });
  });

  it('rejects an unknown value set, levels outside 1-3 and a VAS outside 0-100', () => {
    assert.equal(scoreEq5d3l(answersOf('11111'), { valueSet: 'no_tto' }).ok, false);
    for (const [key, value] of [
      ['MO', 0],
      ['AD', 4],
      ['PD', 2.5],
      ['VAS', 101],
      ['VAS', -1],
      ['VAS', 50.5],
    ] as const) {
      const outcome = scoreEq5d3l({ ...answersOf('11111', 50), [key]: value });
      assert.equal(outcome.ok, false, `${key} = ${value}`);
      assert.deepEqual(outcome.issues[0]?.path, [key]);
    }
  });

  it('reports the VAS alone when a dimension is missing, and nothing when both are', () => {
    const vasOnly = scoreEq5d3l({ VAS: 40 });
    assert.ok(vasOnly.ok);
    assert.deepEqual(vasOnly.result.scores, { profile: null, index: null, vas: 40 });
    assert.deepEqual(vasOnly.result.missing, ['MO', 'SC', 'UA', 'PD', 'AD']);
    const nothing = scoreEq5d3l({ MO: 1, SC: 1, UA: 1, PD: 1 });
    assert.ok(nothing.ok);
    assert.equal(nothing.result.scores, null);
    assert.match(nothing.result.reason ?? '', /all five dimensions/);
  });
});

describe('eq5d3l: properties', () => {
  it('index lies between the worst and the best state of its value set', () => {
    fc.assert(
      fc.property(levelsArb, valueSetArb, (levels, valueSet) => {
        const index = eq5d3lIndex(levels, valueSet);
        assert.ok(index >= eq5d3lIndex([3, 3, 3, 3, 3], valueSet));
        assert.ok(index <= eq5d3lIndex([1, 1, 1, 1, 1], valueSet));
      }),
    );
  });

  it('a worse level on one dimension never raises the index', () => {
    fc.assert(
      fc.property(levelsArb, valueSetArb, fc.integer({ min: 0, max: 4 }), (levels, set, at) => {
        const current = levels[at] ?? 1;
        fc.pre(current < 3);
        const worse = levels.map((value, index) =>
          index === at ? current + 1 : value,
        ) as unknown as Eq5d3lLevels;
        assert.ok(eq5d3lIndexUnits(worse, set) <= eq5d3lIndexUnits(levels, set));
      }),
    );
  });

  it('the exact index equals the formula of reference.md §9.2 evaluated in floating point', () => {
    fc.assert(
      fc.property(levelsArb, valueSetArb, (levels, valueSet) => {
        const set = EQ5D3L_COEFFICIENTS[valueSet];
        let expected = set.fullHealth;
        if (levels.some((value) => value >= 2)) expected -= set.anyProblem ?? 0;
        if (levels.some((value) => value === 3)) expected -= set.anyLevel3 ?? 0;
        EQ5D3L_DIMENSIONS.forEach((dimension, index) => {
          const value = levels[index];
          if (value === 2) expected -= set.decrements[dimension][0];
          if (value === 3) expected -= set.decrements[dimension][1];
        });
        assert.ok(Math.abs(eq5d3lIndexUnits(levels, valueSet) / 10_000 - expected) < 1e-9);
      }),
    );
  });

  it('the result has the profile in dimension order, the VAS unchanged and a 3-decimal index', () => {
    fc.assert(
      fc.property(levelsArb, valueSetArb, fc.integer({ min: 0, max: 100 }), (levels, set, vas) => {
        const profile = levels.join('');
        const outcome = scoreEq5d3l(answersOf(profile, vas), { valueSet: set });
        assert.ok(outcome.ok);
        const scores = Eq5d3lScoresSchema.parse(outcome.result.scores);
        assert.equal(scores.profile, profile);
        assert.equal(scores.vas, vas);
        assert.equal(scores.index, eq5d3lIndex(levels, set));
        assert.equal(outcome.result.complete, true);
      }),
    );
  });
});
