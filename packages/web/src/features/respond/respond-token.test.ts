import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { captureRespondToken } from './respond-token';
import type { TokenEnvironment } from './respond-token';

function environment(hash: string, stored: Record<string, string> = {}) {
  const replaced: string[] = [];
  const storage = new Map(Object.entries(stored));
  const env: TokenEnvironment = {
    location: { pathname: '/q', search: '', hash },
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

describe('captureRespondToken', () => {
  it('takes the token from the fragment and clears it from the address bar', () => {
    const { env, replaced, storage } = environment('#abc-123');
    assert.equal(captureRespondToken(env), 'abc-123');
    assert.deepEqual(replaced, ['/q']);
    assert.deepEqual([...storage.values()], ['abc-123']);
  });

  it('falls back to the token kept for this tab after a reload', () => {
    const first = environment('#kept-token');
    captureRespondToken(first.env);
    const { env, replaced } = environment('', Object.fromEntries(first.storage));
    assert.equal(captureRespondToken(env), 'kept-token');
    assert.deepEqual(replaced, []);
  });
});
