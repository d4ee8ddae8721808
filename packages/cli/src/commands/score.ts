import { SubmitAnswersRequestSchema, type ScoreResult } from '@workup/contracts';
import type { Command } from 'commander';
import { CliError, EXIT_BAD_INPUT, EXIT_OK, toErrorBody } from '../errors';
import { SCORABLE_INSTRUMENTS, type ScorableInstrument } from '../instruments';
import { parseJson, readInputLines, readInputText, writeJsonLine, type CliIo } from '../io';
import type { CommandContext } from './context';

export interface ScoreOptions {
  readonly valueSet?: string;
  readonly ndjson?: boolean;
}

function findInstrument(id: string): ScorableInstrument {
  const instrument = SCORABLE_INSTRUMENTS.get(id);
  if (instrument === undefined) {
    const known = [...SCORABLE_INSTRUMENTS.keys()].join(', ');
    throw new CliError('unknown_instrument', `unknown instrument "${id}"; known: ${known}`);
  }
  return instrument;
}

/** `--value-set` is checked before any input is read: an instrument without value sets refuses it. */
function checkValueSet(instrument: ScorableInstrument, valueSet: string | undefined): void {
  if (valueSet === undefined) return;
  const { id } = instrument.definition;
  if (instrument.valueSets.length === 0) {
    throw new CliError(
      'value_set_not_supported',
      `instrument "${id}" has no value sets; leave out --value-set`,
    );
  }
  if (!instrument.valueSets.includes(valueSet)) {
    throw new CliError(
      'unknown_value_set',
      `unknown value set "${valueSet}" for "${id}"; known: ${instrument.valueSets.join(', ')}`,
    );
  }
}

/**
 * Scores one parsed JSON input `{"answers": {...}}`. A wrong shape or a code outside an item's
 * range is bad input with the path of the first bad field (e.g. `["answers", "9"]`); codes are
 * never clamped.
 */
export function scoreInput(
  instrument: ScorableInstrument,
  input: unknown,
  valueSet: string | undefined,
): ScoreResult {
  const request = SubmitAnswersRequestSchema.safeParse(input);
  if (!request.success) {
    const issues = request.error.issues.map((issue) => ({
      path: issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part)),
      message: issue.message,
    }));
    throw invalidInput(issues);
  }
  const outcome = instrument.score(
    request.data.answers,
    valueSet === undefined ? {} : { valueSet },
  );
  if (!outcome.ok) {
    throw invalidInput(
      outcome.issues.map((issue) => ({ path: ['answers', ...issue.path], message: issue.message })),
    );
  }
  return outcome.result;
}

function invalidInput(
  issues: readonly { path: readonly (string | number)[]; message: string }[],
): CliError {
  const first = issues[0];
  const message = issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(input)'}: ${issue.message}`)
    .join('; ');
  return new CliError('invalid_input', message, EXIT_BAD_INPUT, first?.path ?? []);
}

/**
 * `workup score <instrument> [--value-set ID] [--ndjson] [FILE]` (contracts.md §4). Returns the
 * exit code. Errors before any result (unknown instrument, unreadable file, bad JSON outside
 * `--ndjson`) go to stderr; with `--ndjson` a bad line's error object is that line's result on
 * stdout and the exit code is 2 once any line was bad.
 */
export async function runScore(
  instrumentId: string,
  file: string | undefined,
  options: ScoreOptions,
  io: CliIo,
): Promise<number> {
  const instrument = findInstrument(instrumentId);
  checkValueSet(instrument, options.valueSet);
  if (options.ndjson !== true) {
    const result = scoreInput(
      instrument,
      parseJson(await readInputText(file, io)),
      options.valueSet,
    );
    writeJsonLine(io.stdout, result);
    return EXIT_OK;
  }
  let exitCode = EXIT_OK;
  for await (const line of readInputLines(file, io)) {
    try {
      if (line.trim() === '') {
        // Kept as an error rather than skipped so output line n always answers input line n.
        throw new CliError('invalid_json', 'empty line; each line must hold one JSON object');
      }
      writeJsonLine(io.stdout, scoreInput(instrument, parseJson(line), options.valueSet));
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      writeJsonLine(io.stdout, toErrorBody(error).body);
      exitCode = Math.max(exitCode, error.exitCode);
    }
  }
  return exitCode;
}

/** Registers `score` on the program; see `runScore`. */
export function registerScoreCommand(program: Command, context: CommandContext): void {
  const ids = [...SCORABLE_INSTRUMENTS.keys()].join(', ');
  program
    .command('score')
    .description('score one questionnaire response: {"answers": {...}} in, the scores out')
    .argument('<instrument>', `instrument id (${ids})`)
    .argument('[file]', 'JSON input file; standard input when absent or "-"')
    .option('--value-set <id>', 'value set for instruments that have them (e.g. EQ-5D index)')
    .option('--ndjson', 'one JSON object per line in, one result per line out')
    .addHelpText(
      'after',
      [
        '',
        'Output: {"instrument", "version", "complete", "missing", "scores"}; "scores" is null with',
        'a "reason" when the instrument\'s missing-data rule does not allow scoring.',
        'Exit codes: 0 scored, 2 bad input (error JSON on stderr), 1 anything else.',
        '',
        'Example:',
        '  echo \'{"answers": {"1": 1, "2": 0, "3": 1, "4": 0, "5": 1, "6": 1, "7": 0, "8": 0, "9": 3}}\' | workup score sbt',
      ].join('\n'),
    )
    .action(async (instrument: string, file: string | undefined, options: ScoreOptions) => {
      context.setExitCode(await runScore(instrument, file, options, context.io));
    });
}
