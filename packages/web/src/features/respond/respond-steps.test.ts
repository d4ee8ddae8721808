import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sbtDefinition } from '@workup/core';
import { invalidItemKeys, nextStep, pageOf, resolveStep, toSubmitRequest } from './respond-steps';

const items = sbtDefinition.items.map((item) => ({
  key: item.key,
  text: item.text,
  options:
    item.kind === 'choice'
      ? item.options.map((option) => ({ code: option.code, label: option.label }))
      : [],
}));

describe('resolveStep', () => {
  it('starts at the first question', () => {
    assert.deepEqual(resolveStep(null, items, {}), { kind: 'question', index: 0 });
  });

  it('never skips past the first unanswered question', () => {
    assert.deepEqual(resolveStep('5', items, { '1': 0, '2': 1 }), { kind: 'question', index: 2 });
    assert.deepEqual(resolveStep('check', items, { '1': 0 }), { kind: 'question', index: 1 });
  });

  it('opens any answered question and the summary once all are answered', () => {
    const all = Object.fromEntries(items.map((item) => [item.key, 0]));
    assert.deepEqual(resolveStep('4', items, all), { kind: 'question', index: 3 });
    assert.deepEqual(resolveStep('check', items, all), { kind: 'check' });
    assert.deepEqual(resolveStep('99', items, all), { kind: 'question', index: 8 });
    assert.deepEqual(resolveStep('nonsense', items, all), { kind: 'question', index: 0 });
  });
});

describe('nextStep and pageOf', () => {
  it('goes question by question, then to the summary', () => {
    assert.equal(pageOf(nextStep(0, items, false)), '2');
    assert.equal(pageOf(nextStep(8, items, false)), 'check');
    assert.equal(pageOf(nextStep(2, items, true)), 'check');
  });
});

describe('toSubmitRequest', () => {
  it('sends every item, unanswered ones as null', () => {
    const request = toSubmitRequest(items, { '1': 1, '9': 3 });
    assert.equal(Object.keys(request.answers).length, 9);
    assert.equal(request.answers['1'], 1);
    assert.equal(request.answers['2'], null);
    assert.equal(request.answers['9'], 3);
  });
});

describe('invalidItemKeys', () => {
  it('reads item keys from the server validation paths in form order', () => {
    const keys = invalidItemKeys(items, { 'answers.9': 'Required', 'answers.2': 'Required' });
    assert.deepEqual(keys, ['2', '9']);
  });
});
