import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { APPROVAL_TOKEN_KEY, captureEmployerToken, captureLinkToken } from './employer-token';
import type { TokenEnvironment } from './employer-token';

function environment(hash: string, stored: Record<string, string> = {}, search = '') {
  const replaced: string[] = [];
  const storage = new Map(Object.entries(stored));
  const env: TokenEnvironment = {
    location: { pathname: '/e', search, hash },
    history: {
      state: null,
      replaceState: (_state: unknown, _unused: string, url?: string | URL | null) => {
        replaced.push(String(url));
      },
    },
    storage: {
      getItem: (key) => storage.get(key) ?? null,
      setItem: (key, value) => {
        storage.set(key, value);
      },
    },
  };
  return { env, replaced, storage };
}

describe('captureEmployerToken', () => {
  it('takes the token from the fragment and clears it from the address bar', () => {
    const { env, replaced, storage } = environment('#emp-token_1', {}, '?lang=sv');
    assert.equal(captureEmployerToken(env), 'emp-token_1');
    assert.deepEqual(replaced, ['/e?lang=sv']);
    assert.deepEqual([...storage.entries()], [['workup.employer.token', 'emp-token_1']]);
  });

  it('keeps the token for a reload of the same tab, and leaves the address alone then', () => {
    const first = environment('#kept');
    captureEmployerToken(first.env);
    const { env, replaced } = environment('', Object.fromEntries(first.storage));
    assert.equal(captureEmployerToken(env), 'kept');
    assert.deepEqual(replaced, []);
  });

  it('a new link replaces the token kept earlier', () => {
    const { env, storage } = environment('#new', { 'workup.employer.token': 'old' });
    assert.equal(captureEmployerToken(env), 'new');
    assert.equal(storage.get('workup.employer.token'), 'new');
  });

  it('without storage the token of this page life is still known', () => {
    const first = environment('#only-memory');
    captureEmployerToken({ ...first.env, storage: null });
    const { env } = environment('');
    assert.equal(captureEmployerToken({ ...env, storage: null }), 'only-memory');
  });

  it("keeps the patient's approval token apart from an employer's in the same tab", () => {
    const employer = environment('#emp');
    captureEmployerToken(employer.env);
    const approval = environment('#pat', Object.fromEntries(employer.storage));
    assert.equal(captureLinkToken(approval.env, APPROVAL_TOKEN_KEY), 'pat');
    assert.deepEqual(Object.fromEntries(approval.storage), {
      'workup.employer.token': 'emp',
      'workup.approval.token': 'pat',
    });
    const reload = environment('', Object.fromEntries(approval.storage));
    assert.equal(captureEmployerToken(reload.env), 'emp');
    assert.equal(captureLinkToken(reload.env, APPROVAL_TOKEN_KEY), 'pat');
    // A fresh tab with neither kept has none (nor the other kind's).
    const fresh = environment('', { 'workup.employer.token': 'emp' });
    assert.equal(captureLinkToken({ ...fresh.env }, 'workup.other.token'), null);
  });
});
