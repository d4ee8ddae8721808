/**
 * The employer link's token. It arrives in the URL fragment (`/e#<token>`), which browsers never
 * send to a server. On arrival it is moved out of the address bar (so it does not linger in
 * history, bookmarks or screenshots) and kept in this tab's session storage, so a reload of the
 * page still works. Nothing else of the employer's visit is stored.
 */
const TOKEN_KEY = 'workup.employer.token';

/** The pieces of `window` the capture touches; tests pass fakes. */
export interface TokenEnvironment {
  readonly location: Pick<Location, 'pathname' | 'search' | 'hash'>;
  readonly history: Pick<History, 'replaceState' | 'state'>;
  readonly storage: Pick<Storage, 'getItem' | 'setItem'> | null;
}

let tokenInMemory: string | null = null;

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
 * there is none, from this tab's storage. Null when neither has one.
 */
export function captureEmployerToken(env: TokenEnvironment): string | null {
  const fromHash = tokenFromHash(env.location.hash);
  if (fromHash !== null) {
    env.storage?.setItem(TOKEN_KEY, fromHash);
    env.history.replaceState(
      env.history.state,
      '',
      `${env.location.pathname}${env.location.search}`,
    );
    tokenInMemory = fromHash;
    return fromHash;
  }
  tokenInMemory = env.storage?.getItem(TOKEN_KEY) ?? tokenInMemory;
  return tokenInMemory;
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
