/** Exit codes of every command (contracts.md §4): 2 for bad input, 1 for anything else. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_BAD_INPUT = 2;

/** Where in the input a problem is: object keys and array indexes, outermost first. */
export type ErrorPath = readonly (string | number)[];

/** The JSON written for an error (contracts.md §4): `{"error": {"code", "message", "path"}}`. */
export interface ErrorBody {
  readonly error: {
    readonly code: string;
    readonly message: string;
    readonly path: ErrorPath;
  };
}

/**
 * An expected failure of a command: bad input (exit 2) or a failure to read or write (exit 1).
 * Commands throw it; `main` and the `--ndjson` loop turn it into the error JSON.
 */
export class CliError extends Error {
  override readonly name = 'CliError';

  constructor(
    readonly code: string,
    message: string,
    readonly exitCode: number = EXIT_BAD_INPUT,
    readonly path: ErrorPath = [],
    options?: ErrorOptions,
  ) {
    super(message, options);
  }

  toJSON(): ErrorBody {
    return { error: { code: this.code, message: this.message, path: this.path } };
  }
}

/** The error JSON for anything thrown: a `CliError` as it is, anything else as `internal`. */
export function toErrorBody(error: unknown): { body: ErrorBody; exitCode: number } {
  if (error instanceof CliError) return { body: error.toJSON(), exitCode: error.exitCode };
  const message = error instanceof Error ? error.message : String(error);
  return {
    body: { error: { code: 'internal', message, path: [] } },
    exitCode: EXIT_FAILURE,
  };
}
