import type { CliIo } from '../io';

/** What `main` hands each command when registering it. */
export interface CommandContext {
  readonly io: CliIo;
  /** Records the command's exit code; `main` returns it. */
  readonly setExitCode: (code: number) => void;
}
