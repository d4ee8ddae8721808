import { Command, CommanderError } from 'commander';
import packageJson from '../package.json' with { type: 'json' };
import { registerAnalyzeCommand } from './commands/analyze';
import { registerScoreCommand } from './commands/score';
import { registerRtwCommand } from './commands/rtw';
import { registerImportSickLeaveCommand } from './commands/import-sick-leave';
import { registerPathwayCommand } from './commands/pathway';
import { registerTriageCommand } from './commands/triage';
import type { CommandContext } from './commands/context';
import { EXIT_BAD_INPUT, EXIT_OK, toErrorBody } from './errors';
import { writeJsonLine, type CliIo } from './io';

/** One registration function per command, each in `commands/<name>.ts` (contracts.md §4). */
const COMMANDS: readonly ((program: Command, context: CommandContext) => void)[] = [
  registerScoreCommand,
  registerAnalyzeCommand,
  registerRtwCommand,
  registerImportSickLeaveCommand,
  registerTriageCommand,
  registerPathwayCommand,
];

/** Commander's codes for help and version shown on request: not errors. */
const INFORMATIONAL = new Set(['commander.helpDisplayed', 'commander.version']);

function createProgram(context: CommandContext): Command {
  const program = new Command('workup')
    .description(
      'Screening, care plans and return-to-work support for low back pain. JSON in, JSON out.',
    )
    .version(packageJson.version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => context.io.stdout.write(text),
      writeErr: (text) => context.io.stderr.write(text),
      // Usage errors are reported once, as error JSON, by `main`.
      outputError: () => undefined,
    });
  for (const register of COMMANDS) register(program, context);
  return program;
}

/**
 * Runs `workup` with the arguments after the program name and returns the exit code
 * (contracts.md §4: 0 success, 2 bad input, 1 anything else). Never exits the process; only
 * `bin.ts` does. Errors go to `io.stderr` as `{"error": {"code", "message", "path"}}`.
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode = EXIT_OK;
  const program = createProgram({
    io,
    setExitCode: (code) => {
      exitCode = code;
    },
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (INFORMATIONAL.has(error.code)) return EXIT_OK;
      // `workup` alone prints the help to stderr; anything else is a usage error.
      if (error.code !== 'commander.help') {
        const message = `${error.message.replace(/^error: /, '')} (see workup --help)`;
        writeJsonLine(io.stderr, { error: { code: 'usage', message, path: [] } });
      }
      return EXIT_BAD_INPUT;
    }
    const { body, exitCode: failureCode } = toErrorBody(error);
    writeJsonLine(io.stderr, body);
    return failureCode;
  }
}
