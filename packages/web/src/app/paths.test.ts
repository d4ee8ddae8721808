import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isRespondPath, safeNextPath } from './paths';

describe('safeNextPath', () => {
  it('keeps paths of this app', () => {
    assert.equal(safeNextPath('/patients/42?tab=results'), '/patients/42?tab=results');
  });

  it('refuses anything that could lead off-site, and sign-in itself', () => {
    for (const next of [
      null,
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
      '/sign-in',
    ]) {
      assert.equal(safeNextPath(next), '/patients', String(next));
    }
  });
});

describe('isRespondPath', () => {
  it('matches the questionnaire route only', () => {
    assert.equal(isRespondPath('/q'), true);
    assert.equal(isRespondPath('/q/'), true);
    assert.equal(isRespondPath('/quit'), false);
  });
});
