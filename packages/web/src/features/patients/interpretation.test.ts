import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { InstrumentResult } from '@workup/contracts';
import {
  importantChanges,
  latestByInstrument,
  MIC,
  summariseResult,
  verdictOf,
} from './interpretation';

const result = (
  instrument: string,
  submittedAt: string,
  scores: InstrumentResult['scores'],
): InstrumentResult => ({
  responseId: '00000000-0000-4000-8000-000000000001',
  instrument,
  instrumentVersion: '1',
  timepoint: null,
  submittedAt,
  complete: true,
  scores,
});

describe('minimal important change (reference.md §5, §14: Ostelo 2008)', () => {
  it('ODI: 10 points or 30 % improvement; hand-worked cases', () => {
    assert.equal(verdictOf(40, 28, MIC.odi), 'improved', '12 points');
    assert.equal(verdictOf(20, 14, MIC.odi), 'improved', '6 of 20 is exactly 30 %');
    assert.equal(verdictOf(20, 14.2, MIC.odi), 'no_important_change', '5.8 of 20 is 29 %');
    assert.equal(verdictOf(38.9, 28.9, MIC.odi), 'improved', 'exactly 10 points');
    assert.equal(verdictOf(28.9, 38.9, MIC.odi), 'worsened', 'exactly 10 points worse');
    assert.equal(verdictOf(28.9, 38.8, MIC.odi), 'no_important_change');
    assert.equal(verdictOf(0, 0, MIC.odi), 'no_important_change');
  });

  it('pain NRS: 2 points or 30 %', () => {
    assert.equal(verdictOf(6, 4, MIC.pain_nrs), 'improved');
    assert.equal(verdictOf(3, 2, MIC.pain_nrs), 'improved', '1 of 3 is 33 %');
    assert.equal(verdictOf(5, 4, MIC.pain_nrs), 'no_important_change', '1 of 5 is 20 %');
    assert.equal(verdictOf(4, 6, MIC.pain_nrs), 'worsened');
  });

  it('never calls a change of less than the points and less than the share important', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 }), (a, b) => {
        const from = a / 10;
        const to = b / 10;
        const verdict = verdictOf(from, to, MIC.odi);
        const drop = a - b;
        if (verdict === 'improved') assert.ok(drop >= 100 || drop * 100 >= 30 * a);
        if (verdict === 'worsened') assert.ok(-drop >= 100);
        if (verdict === 'no_important_change') assert.ok(drop < 100 && -drop < 100);
      }),
    );
  });

  it('compares the first result with the latest', () => {
    const results = [
      result('odi', '2026-01-01T00:00:00Z', { percent: 40, band: 'moderate' }),
      result('pain_nrs', '2026-01-01T00:00:00Z', { back: 6, leg: null }),
      result('odi', '2026-02-01T00:00:00Z', { percent: 36, band: 'moderate' }),
      result('odi', '2026-04-01T00:00:00Z', { percent: 24.4, band: 'moderate' }),
      result('pain_nrs', '2026-04-01T00:00:00Z', { back: 5, leg: 2 }),
    ];
    assert.deepEqual(importantChanges(results), [
      { measure: 'odi', from: 40, to: 24.4, verdict: 'improved' },
      { measure: 'back', from: 6, to: 5, verdict: 'no_important_change' },
    ]);
    assert.deepEqual(importantChanges(results.slice(0, 2)), []);
  });
});

describe('summaries of results', () => {
  it('shows each instrument in its own terms', () => {
    assert.deepEqual(
      summariseResult(result('odi', '2026-01-01T00:00:00Z', { percent: 28.9, band: 'moderate' }))
        .lines,
      [
        { label: 'percent', name: 'percent', value: '28.9 %' },
        { label: 'band', name: 'band', value: 'moderate', tag: 'odiBand' },
      ],
    );
    assert.deepEqual(
      summariseResult(
        result('eq5d3l', '2026-01-01T00:00:00Z', { profile: '11221', index: 0.8, vas: 70 }),
      ).lines.map((line) => line.value),
      ['11221', '0.800', '70 / 100'],
    );
    const flags = summariseResult(
      result('red_flags', '2026-01-01T00:00:00Z', {
        suspicion: {
          cauda_equina: true,
          malignancy: false,
          infection: false,
          fracture: false,
          axial_spa: false,
        },
        urgency: 'emergency',
      }),
    );
    assert.deepEqual(flags.codes, [{ label: 'suspected', codes: ['cauda_equina'] }]);
    assert.deepEqual(summariseResult(result('sbt', '2026-01-01T00:00:00Z', null)), {
      lines: [],
      codes: [],
    });
  });

  it('keeps the latest result of each instrument', () => {
    const latest = latestByInstrument([
      result('sbt', '2026-01-01T00:00:00Z', { total: 1, psychosocial: 0, risk: 'low' }),
      result('odi', '2026-01-01T00:00:00Z', { percent: 40, band: 'moderate' }),
      result('sbt', '2026-03-01T00:00:00Z', { total: 6, psychosocial: 4, risk: 'high' }),
    ]);
    assert.deepEqual(
      latest.map((r) => [r.instrument, r.submittedAt]),
      [
        ['sbt', '2026-03-01T00:00:00Z'],
        ['odi', '2026-01-01T00:00:00Z'],
      ],
    );
  });
});
