import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRng } from './random';

await test('createRng is deterministic per seed and uniform on [0, 1)', () => {
  const a = createRng(42);
  const b = createRng(42);
  const draws = Array.from({ length: 10000 }, () => a());
  assert.deepEqual(
    draws.slice(0, 5),
    Array.from({ length: 5 }, () => b()),
  );
  assert.ok(draws.every((x) => x >= 0 && x < 1));
  const mean = draws.reduce((s, x) => s + x, 0) / draws.length;
  assert.ok(Math.abs(mean - 0.5) < 0.01);
  const bins = new Array<number>(10).fill(0);
  for (const x of draws) bins[Math.floor(x * 10)] = (bins[Math.floor(x * 10)] ?? 0) + 1;
  assert.ok(bins.every((count) => Math.abs(count - 1000) < 130));
  assert.notEqual(createRng(1)(), createRng(2)());
});
