import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError } from '../../api-client';
import { employerProblemOf } from './employer-problem';

describe('employerProblemOf', () => {
  it('a revoked or wrong link (401) is not valid', () => {
    assert.equal(employerProblemOf(new ApiError(401, 'invalid_link', 'x')), 'invalid_link');
    assert.equal(employerProblemOf(new ApiError(401, 'unauthorized', 'x')), 'invalid_link');
  });

  it('an expired link (410) says it expired', () => {
    assert.equal(employerProblemOf(new ApiError(410, 'link_expired', 'x')), 'link_expired');
  });

  it('anything else can be tried again', () => {
    assert.equal(employerProblemOf(new ApiError(0, 'network_error', 'x')), 'unavailable');
    assert.equal(employerProblemOf(new ApiError(500, 'internal', 'x')), 'unavailable');
    assert.equal(employerProblemOf(new ApiError(200, 'invalid_response', 'x')), 'unavailable');
    assert.equal(employerProblemOf(new Error('boom')), 'unavailable');
  });
});
