import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareLevels, formatNumberLikeR, parseNumber } from './values';

await test('formatNumberLikeR gives as.character() of R 4.2', () => {
  // Rscript -e 'cat(as.character(c(1e5, 123456, 0.1, ...)))'
  const cases: [number, string][] = [
    [1e5, '1e+05'],
    [123456, '123456'],
    [0.1, '0.1'],
    [1e-5, '1e-05'],
    [100, '100'],
    [1e15, '1e+15'],
    [1e16, '1e+16'],
    [0.0001, '1e-04'],
    [1 / 3, '0.333333333333333'],
    [12, '12'],
    [-3.5, '-3.5'],
    [0.001, '0.001'],
    [2.5e-7, '2.5e-07'],
    [1234567890123, '1234567890123'],
    [1e21, '1e+21'],
    [-1e5, '-1e+05'],
    [0.1 + 0.2, '0.3'],
    [0, '0'],
  ];
  for (const [value, expected] of cases)
    assert.equal(formatNumberLikeR(value), expected, String(value));
});

await test('parseNumber accepts what type.convert reads as numbers', () => {
  const cases: [string, number | null][] = [
    ['Infinity', Infinity],
    ['inf', Infinity],
    ['-Inf', -Infinity],
    ['1e5', 1e5],
    ['0x1A', 26],
    ['-0x1A', -26],
    [' 5', 5],
    ['5 ', 5],
    ['+3', 3],
    ['.5', 0.5],
    ['5.', 5],
    ['007', 7],
    ['1d5', null],
    ['1_0', null],
    ['0b1', null],
    ['1L', null],
    ['yes', null],
    ['', null],
  ];
  for (const [text, expected] of cases)
    assert.equal(parseNumber(text), expected, JSON.stringify(text));
  assert.ok(Number.isNaN(parseNumber('NaN')));
});

await test('compareLevels sorts like R under ICU collation', () => {
  // Rscript -e 'cat(levels(factor(c("b","B","a","A","_x","10","9","é","U10","U9","u1","P-1","P_1","P1","P 1"))))'
  const input = [
    'b',
    'B',
    'a',
    'A',
    '_x',
    '10',
    '9',
    'é',
    'U10',
    'U9',
    'u1',
    'P-1',
    'P_1',
    'P1',
    'P 1',
  ];
  assert.deepEqual([...input].sort(compareLevels), [
    '_x',
    '10',
    '9',
    'a',
    'A',
    'b',
    'B',
    'é',
    'P 1',
    'P_1',
    'P-1',
    'P1',
    'u1',
    'U10',
    'U9',
  ]);
});
