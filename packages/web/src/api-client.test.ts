import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CSRF_HEADER } from '@workup/contracts';
import { ApiError, createRespondApi, createStaffApi, problemToApiError } from './api-client';
import type { FetchLike } from './api-client';

const USER = {
  id: '0b6f6a2e-6a43-4d3c-9a4e-2f4c0a9e8b11',
  email: 'clinician@example.org',
  displayName: 'Test Clinician',
  role: 'clinician',
  unitId: '5d0f3c1e-8b7a-4e7e-9d55-1c2b3a4d5e6f',
};

function json(status: number, body: unknown, type = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });
}

function problem(status: number, code: string, extra: Record<string, unknown> = {}): Response {
  return json(
    status,
    { type: 'about:blank', title: 'Problem', status, code, ...extra },
    'application/problem+json',
  );
}

/** A fake fetch that answers from `responses` in order and records every call. */
function fakeFetch(...responses: (Response | Error)[]) {
  const calls: { input: string; init: RequestInit }[] = [];
  const fetchFn: FetchLike = (input, init) => {
    calls.push({ input, init });
    const next = responses.shift();
    if (next === undefined) throw new Error(`unexpected call to ${input}`);
    return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
  };
  return { calls, fetchFn };
}

describe('problemToApiError', () => {
  it('keeps the code and status and keys field errors by their dotted path', () => {
    const error = problemToApiError(422, {
      type: 'about:blank',
      title: 'Invalid request',
      status: 422,
      code: 'validation_failed',
      errors: [
        { path: ['answers', '9'], message: 'Required' },
        { path: ['answers', '9'], message: 'Second message is ignored' },
        { path: ['items', 0], message: 'Bad item' },
      ],
    });
    assert.ok(error instanceof ApiError);
    assert.equal(error.code, 'validation_failed');
    assert.equal(error.status, 422);
    assert.equal(error.message, 'Invalid request');
    assert.deepEqual(error.fieldErrors, { 'answers.9': 'Required', 'items.0': 'Bad item' });
  });

  it('reports a body that is not a problem as an invalid response', () => {
    const error = problemToApiError(502, '<html>Bad gateway</html>');
    assert.equal(error.code, 'invalid_response');
    assert.equal(error.status, 502);
    assert.deepEqual(error.fieldErrors, {});
  });
});

describe('createStaffApi', () => {
  it('sends the CSRF token from the session with every change', async () => {
    const { calls, fetchFn } = fakeFetch(
      json(200, { user: USER, csrfToken: 'csrf-1' }),
      json(201, {
        id: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
        givenName: 'Ada',
        familyName: 'Lovelace',
        birthYear: 1980,
        createdAt: '2025-03-01T10:00:00.000Z',
        latestSbt: null,
      }),
    );
    const api = createStaffApi(fetchFn);
    await api.signIn({ email: USER.email, password: 'secret' });
    const patient = await api.createPatient({ givenName: 'Ada', familyName: 'Lovelace' });
    assert.equal(patient.givenName, 'Ada');
    const headers = calls[1]?.init.headers as Record<string, string>;
    assert.equal(calls[1]?.input, '/api/v1/patients');
    assert.equal(headers[CSRF_HEADER], 'csrf-1');
    assert.equal(headers['content-type'], 'application/json');
  });

  it('answers null for the session when nobody is signed in, from a 200 (no console error)', async () => {
    const { fetchFn, calls } = fakeFetch(json(200, { session: null }));
    assert.equal(await createStaffApi(fetchFn).getSession(), null);
    assert.equal(calls[0]?.input, '/api/v1/auth/state');
  });

  it('throws an ApiError with the server code for a refused sign-in', async () => {
    const { fetchFn } = fakeFetch(problem(401, 'invalid_credentials'));
    await assert.rejects(createStaffApi(fetchFn).signIn({ email: USER.email, password: 'x' }), {
      name: 'ApiError',
      code: 'invalid_credentials',
      status: 401,
    });
  });

  it('rejects a success body that does not match the contract', async () => {
    const { fetchFn } = fakeFetch(json(200, { patients: [{ id: 'not-a-uuid' }] }));
    await assert.rejects(createStaffApi(fetchFn).listPatients(), { code: 'invalid_response' });
  });

  it('turns a failed connection into network_error', async () => {
    const { fetchFn } = fakeFetch(new TypeError('fetch failed'));
    await assert.rejects(createStaffApi(fetchFn).listPatients(), {
      code: 'network_error',
      status: 0,
    });
  });
});

describe('createRespondApi', () => {
  it('authenticates with the bearer token and sends no cookies or referrer', async () => {
    const { calls, fetchFn } = fakeFetch(json(201, { submittedAt: '2025-03-01T10:00:00.000Z' }));
    await createRespondApi('tok_123', fetchFn).submitAnswers({ answers: { '1': 0 } });
    const init = calls[0]?.init;
    assert.ok(init);
    assert.equal((init.headers as Record<string, string>).authorization, 'Bearer tok_123');
    assert.equal(init.credentials, 'omit');
    assert.equal(init.referrerPolicy, 'no-referrer');
  });

  it('passes the link codes through', async () => {
    const { fetchFn } = fakeFetch(problem(410, 'link_expired'));
    await assert.rejects(createRespondApi('tok', fetchFn).getForm(), { code: 'link_expired' });
  });
});
