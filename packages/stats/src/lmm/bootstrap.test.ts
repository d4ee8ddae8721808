import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseCsv } from '../frame/csv';
import { createRng } from '../random';
import { bootstrapContrast } from './bootstrap';
import { contrastWeights } from './contrast';
import { contrastOf, fitLmm } from './fit';

const trial = parseCsv(readFileSync(new URL('../../golden/trial.csv', import.meta.url), 'utf8'));
const fitted = fitLmm(trial, 'y ~ arm * factor(visit) + age + (1 | unit) + (1 | unit:patient)');
const { weights } = contrastWeights('arm=workup-control@visit=12', fitted.formula, fitted.design);
const arm = trial.columns.get('arm');
const strata = {
  column: 'arm',
  codeOfRow: (row: number): string =>
    arm?.kind === 'text' ? (arm.levels[arm.codes[row] ?? 0] ?? '') : '',
};

await test('the cluster bootstrap is reproducible from its seed and reports progress', () => {
  const progress: number[] = [];
  const first = bootstrapContrast(fitted, weights, {
    replicates: 40,
    rng: createRng(7),
    strata,
    onProgress: (done) => progress.push(done),
  });
  const second = bootstrapContrast(fitted, weights, { replicates: 40, rng: createRng(7), strata });
  assert.deepEqual(Array.from(first.estimates), Array.from(second.estimates));
  assert.deepEqual(
    progress,
    Array.from({ length: 40 }, (_, i) => i + 1),
  );
  assert.equal(first.failed, 0);
  assert.equal(first.clusters, 'unit');
  assert.equal(first.strata, 'arm');
  const other = bootstrapContrast(fitted, weights, { replicates: 40, rng: createRng(8), strata });
  assert.notDeepEqual(Array.from(first.estimates), Array.from(other.estimates));
});

await test('the bootstrap distribution agrees with the model-based inference', () => {
  const model = contrastOf(fitted, weights);
  const result = bootstrapContrast(fitted, weights, {
    replicates: 300,
    rng: createRng(2024),
    strata,
  });
  assert.equal(result.estimates.length, 300);
  // 300 replicates estimate an SE to within about 10 %; clusters are few (25), so allow 35 %.
  assert.ok(
    Math.abs(result.se / model.se - 1) < 0.35,
    `bootstrap SE ${result.se} vs model SE ${model.se}`,
  );
  assert.ok(result.ci[0] < model.estimate && model.estimate < result.ci[1]);
  assert.ok(Math.abs(result.bias) < model.se / 2);
});

await test("with every cluster once, a replicate is the original fit (to the optimum's flatness)", async () => {
  const { nestedModel, evaluateNested } = await import('./nested');
  const { optimizeTheta } = await import('./fit');
  const ones = new Float64Array(fitted.structure.levelCounts[1] ?? 0).fill(1);
  const model = nestedModel(fitted.structure, ones);
  const { theta } = optimizeTheta(model, true, fitted.theta);
  const beta = evaluateNested(model, theta)?.beta;
  assert.ok(beta !== undefined);
  beta.forEach((value, i) => {
    assert.ok(
      Math.abs(value - (fitted.beta[i] ?? NaN)) < 1e-8 * Math.max(1, Math.abs(value)),
      `${value} vs ${fitted.beta[i] ?? NaN}`,
    );
  });
});
