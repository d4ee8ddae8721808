import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * Paths that never reach a log: credentials, session and link tokens, and personal
 * identifiers. Request URLs never carry tokens (patient links keep theirs in the fragment).
 */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.passwordHash',
  '*.token',
  '*.csrfToken',
  '*.email',
  '*.givenName',
  '*.familyName',
  '*.nationalId',
  '*.answers',
  'password',
  'token',
  'email',
];

/** A URL without its query string: query values may carry tokens a client put there. */
export function pathOnly(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : `${url.slice(0, query)}?[redacted]`;
}

interface LoggedRequest {
  readonly id?: unknown;
  readonly method?: string;
  readonly url?: string;
  readonly ip?: string;
  readonly routeOptions?: { readonly url?: string };
}

/**
 * What a request looks like in the log: method, path without its query, the route pattern and
 * the request id. Headers are left out altogether (they hold cookies and bearer tokens).
 */
function serializeRequest(request: LoggedRequest) {
  return {
    id: request.id,
    method: request.method,
    url: request.url === undefined ? undefined : pathOnly(request.url),
    route: request.routeOptions?.url,
  };
}

export function createLogger(options: { level: string }, destination?: DestinationStream): Logger {
  return pino(
    {
      level: options.level,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      base: { service: 'workup' },
      serializers: {
        req: serializeRequest,
        res: (reply: { statusCode?: number }) => ({ statusCode: reply.statusCode }),
      },
    },
    destination,
  );
}
