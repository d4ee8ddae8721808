import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { PromisPf20ScoresSchema, PROMIS_PF20_ITEM_KEYS } from '@workup/contracts';
import {
  PROMIS_PF20_CONVERSION,
  promisPf20Conversion,
  promisPf20Instrument,
  proratePromisPf20,
  scorePromisPf20,
} from './score';

const KEYS = PROMIS_PF20_ITEM_KEYS;
const fill = (codes: readonly (number | null)[]) =>
  Object.fromEntries(KEYS.map((key, index) => [key, codes[index] ?? null]));
const code = fc.integer({ min: 1, max: 5 });
const complete = fc.array(code, { minLength: 20, maxLength: 20 });

describe('promis_pf20: conversion table (reference.md §12)', () => {
  it('has one row per raw score 20-99, T rising with raw, SE positive', () => {
    assert.deepEqual(
      PROMIS_PF20_CONVERSION.map(([raw]) => raw),
      Array.from({ length: 80 }, (_, index) => index + 20),
    );
    for (let index = 1; index < PROMIS_PF20_CONVERSION.length; index += 1) {
      const [raw, t] = PROMIS_PF20_CONVERSION[index] ?? [0, 0];
      const [, previous] = PROMIS_PF20_CONVERSION[index - 1] ?? [0, 0];
      assert.ok(t > previous, `T rises at raw ${raw}`);
    }
    for (const [raw, , se] of PROMIS_PF20_CONVERSION) assert.ok(se > 0, `SE at raw ${raw}`);
  });

  it('matches rows of reference.md §12 read off by hand', () => {
    assert.deepEqual(promisPf20Conversion(20), { t: 9.2, se: 3.2 });
    assert.deepEqual(promisPf20Conversion(39), { t: 24.1, se: 1.5 });
    assert.deepEqual(promisPf20Conversion(53), { t: 30.0, se: 1.4 });
    assert.deepEqual(promisPf20Conversion(64), { t: 34.4, se: 1.4 });
    assert.deepEqual(promisPf20Conversion(88), { t: 45.4, se: 1.7 });
    assert.deepEqual(promisPf20Conversion(96), { t: 53.0, se: 2.8 });
    assert.deepEqual(promisPf20Conversion(99), { t: 62.7, se: 5.7 });
  });

  it('gives no T or SE for raw 100 (not in the table) rather than clamping to raw 99', () => {
    assert.deepEqual(promisPf20Conversion(100), { t: null, se: null });
    const outcome = scorePromisPf20(fill(Array<number>(20).fill(5)));
    assert.ok(outcome.ok);
    assert.deepEqual(outcome.result.scores, { raw: 100, t: null, se: null });
  });

  it('declares the LOINC panel code confirmed in reference.md §12', () => {
    assert.equal(promisPf20Instrument.loinc?.questionnaire, '76702-0');
  });
});

describe('promis_pf20: missing data (reference.md §12 [U])', () => {
  it('prorates raw x 20 / answered, rounded up', () => {
    assert.equal(proratePromisPf20(60, 15), 80);
    assert.equal(proratePromisPf20(40, 11), 73);
    assert.equal(proratePromisPf20(41, 11), 75); // 74.55 -> 75
    assert.equal(proratePromisPf20(77, 20), 77);
  });

  it('scores with 10 answered items and refuses with 9', () => {
    const ten = scorePromisPf20(
      fill([...Array<number>(10).fill(2), ...Array<null>(10).fill(null)]),
    );
    assert.ok(ten.ok);
    assert.deepEqual(ten.result.scores, { raw: 40, t: 24.5, se: 1.5 });
    assert.equal(ten.result.complete, false);
    const nine = scorePromisPf20(fill(Array<number>(9).fill(2)));
    assert.ok(nine.ok);
    assert.equal(nine.result.scores, null);
    assert.match(nine.result.reason ?? '', /at least 10 of 20/);
  });

  it('rejects codes outside 1-5: never clamps', () => {
    for (const value of [0, 6, 2.5]) {
      const outcome = scorePromisPf20({ ...fill(Array<number>(20).fill(3)), PFA3: value });
      assert.equal(outcome.ok, false, String(value));
      assert.deepEqual(outcome.issues[0]?.path, ['PFA3']);
    }
  });
});

describe('promis_pf20: properties', () => {
  it('a complete response scores raw = sum and T, SE from the table', () => {
    fc.assert(
      fc.property(complete, (codes) => {
        const outcome = scorePromisPf20(fill(codes));
        assert.ok(outcome.ok);
        const scores = PromisPf20ScoresSchema.parse(outcome.result.scores);
        const sum = codes.reduce((total, value) => total + value, 0);
        assert.equal(scores.raw, sum);
        assert.deepEqual({ t: scores.t, se: scores.se }, promisPf20Conversion(sum));
      }),
    );
  });

  it('raising one answer never lowers raw or T', () => {
    fc.assert(
      fc.property(complete, fc.integer({ min: 0, max: 19 }), (codes, at) => {
        const current = codes[at] ?? 5;
        fc.pre(current < 5);
        const before = scorePromisPf20(fill(codes));
        const after = scorePromisPf20(fill(codes.map((v, i) => (i === at ? current + 1 : v))));
        assert.ok(before.ok && after.ok);
        const b = PromisPf20ScoresSchema.parse(before.result.scores);
        const a = PromisPf20ScoresSchema.parse(after.result.scores);
        assert.ok(a.raw > b.raw);
        if (a.t !== null && b.t !== null) assert.ok(a.t > b.t);
      }),
    );
  });

  it('a prorated raw score stays within 20-100 and is the smallest whole number >= sum x 20 / answered', () => {
    fc.assert(
      fc.property(fc.array(code, { minLength: 10, maxLength: 20 }), (codes) => {
        const sum = codes.reduce((total, value) => total + value, 0);
        const raw = proratePromisPf20(sum, codes.length);
        assert.ok(Number.isInteger(raw) && raw >= 20 && raw <= 100);
        assert.ok(raw * codes.length >= sum * 20);
        assert.ok((raw - 1) * codes.length < sum * 20);
      }),
    );
  });
});
