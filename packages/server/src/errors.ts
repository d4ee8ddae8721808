import type { Problem } from '@workup/contracts';

export interface FieldError {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/**
 * The one error type of the server. `code` is stable (clients branch on it), `detail` is for
 * people and must never contain health data, names or tokens.
 */
export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly detail: string;
  readonly errors: readonly FieldError[] | undefined;
  readonly headers: Readonly<Record<string, string>>;

  constructor(input: {
    code: string;
    status: number;
    detail: string;
    errors?: readonly FieldError[];
    headers?: Record<string, string>;
    cause?: unknown;
  }) {
    super(input.detail, { cause: input.cause });
    this.name = 'AppError';
    this.code = input.code;
    this.status = input.status;
    this.detail = input.detail;
    this.errors = input.errors;
    this.headers = input.headers ?? {};
  }

  toProblem(instance?: string): Problem {
    return {
      type: `https://workup.dev/problems/${this.code}`,
      title: TITLES[this.status] ?? 'Error',
      status: this.status,
      code: this.code,
      detail: this.detail,
      ...(instance === undefined ? {} : { instance }),
      ...(this.errors === undefined
        ? {}
        : {
            errors: this.errors.map((error) => ({ path: [...error.path], message: error.message })),
          }),
    };
  }
}

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  410: 'Gone',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
};

export const unauthenticated = () =>
  new AppError({ code: 'unauthenticated', status: 401, detail: 'Sign in to continue.' });
export const notFound = (what: string) =>
  new AppError({ code: 'not_found', status: 404, detail: `${what} was not found.` });
