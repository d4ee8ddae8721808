/**
 * A link's token: the employer's (`/e#<token>`) or the patient's approval link (`/a#<token>`).
 * It arrives in the URL fragment, which browsers never send to a server. On arrival it is moved
 * out of the address bar (so it does not linger in history, bookmarks or screenshots) and kept
 * in this tab's session storage under the link kind's own key, so a reload of the page still
 * works. Nothing else of the visit is stored.
 */
const EMPLOYER_TOKEN_KEY = 'workup.employer.token';
/** The patient's approval link keeps its token apart from an employer's in the same tab. */
export const APPROVAL_TOKEN_KEY = 'workup.approval.token';

/** The pieces of `window` the capture touches; tests pass fakes. */
export interface TokenEnvironment {
  readonly location: Pick<Location, 'pathname' | 'search' | 'hash'>;
  readonly history: Pick<History, 'replaceState' | 'state'>;
  readonly storage: Pick<Storage, 'getItem' | 'setItem'> | null;
}

const tokensInMemory = new Map<string, string>();

function tokenFromHash(hash: string): string | null {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  if (raw === '') return null;
  try {
    return decodeURIComponent(raw);
  } catch (error) {
    if (error instanceof URIError) return raw;
    throw error;
  }
}

/**
 * Reads the token from the fragment (then removes the fragment from the address bar) or, when
 * there is none, from this tab's storage under `key`. Null when neither has one.
 */
export function captureLinkToken(env: TokenEnvironment, key: string): string | null {
  const fromHash = tokenFromHash(env.location.hash);
  if (fromHash !== null) {
    env.storage?.setItem(key, fromHash);
    env.history.replaceState(
      env.history.state,
      '',
      `${env.location.pathname}${env.location.search}`,
    );
    tokensInMemory.set(key, fromHash);
    return fromHash;
  }
  const stored = env.storage?.getItem(key) ?? tokensInMemory.get(key) ?? null;
  if (stored !== null) tokensInMemory.set(key, stored);
  return stored;
}

/** The employer's token (`/e#<token>`). */
export function captureEmployerToken(env: TokenEnvironment): string | null {
  return captureLinkToken(env, EMPLOYER_TOKEN_KEY);
}

/** This tab's session storage, or null where the browser refuses it. */
export function sessionStorageOrNull(): Storage | null {
  try {
    return window.sessionStorage;
  } catch (error) {
    if (error instanceof DOMException) return null;
    throw error;
  }
}
