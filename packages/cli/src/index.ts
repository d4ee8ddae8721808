export { main } from './main';
export type { CliIo, TextSink } from './io';
export { CliError, EXIT_BAD_INPUT, EXIT_FAILURE, EXIT_OK } from './errors';
export type { ErrorBody, ErrorPath } from './errors';
