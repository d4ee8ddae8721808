/**
 * The patient's link token. It arrives in the URL fragment (`/q#<token>`), which browsers never
 * send to a server. On arrival it is moved out of the address bar, so it does not linger in
 * history, bookmarks or screenshots, and kept in this tab's session storage so a reload still
 * works.
 */
const TOKEN_KEY = 'workup.respond.token';

/** The pieces of `window` the token capture touches; tests pass fakes. */
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
 * there is none, from session storage. Returns null when neither has one.
 */
export function captureRespondToken(env: TokenEnvironment): string | null {
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

/** The token captured earlier in this page's life, if any. */
export function currentRespondToken(): string | null {
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
