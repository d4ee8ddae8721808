import { stat } from 'node:fs/promises';
import { ScoreInputSchema, type ScoreResult } from '@workup/contracts';
import { INSTRUMENTS, type Instrument } from '@workup/core';
import type { Command } from 'commander';
import { CliError, EXIT_BAD_INPUT, EXIT_OK, toErrorBody } from '../errors';
import { SCORABLE_INSTRUMENTS } from '../instruments';
import {
  createLineBuffer,
  parseJson,
  readInputLines,
  readInputText,
  writeJsonLine,
  type CliIo,
} from '../io';
import { createProgress } from '../progress';
import type { CommandContext } from './context';

export interface ScoreOptions {
  readonly valueSet?: string;
  readonly ndjson?: boolean;
}

function findInstrument(id: string): Instrument {
  const instrument = SCORABLE_INSTRUMENTS.get(id);
  if (instrument === undefined) {
    const structureOnly = [...INSTRUMENTS.values()].find(
      (candidate) => candidate.definition.id === id,
    );
    if (structureOnly !== undefined) {
      throw new CliError(
        'not_scorable',
        `instrument "${id}" is structure only: its scoring is not verified yet`,
      );
    }
    const known = [...SCORABLE_INSTRUMENTS.keys()].join(', ');
    throw new CliError('unknown_instrument', `unknown instrument "${id}"; known: ${known}`);
  }
  return instrument;
}

/** `--value-set` is checked before any input is read: an instrument without value sets refuses it. */
function checkValueSet(instrument: Instrument, valueSet: string | undefined): void {
  if (valueSet === undefined) return;
  const { id } = instrument.definition;
  const known = instrument.valueSets.map((set) => set.id);
  if (known.length === 0) {
    throw new CliError(
      'value_set_not_supported',
      `instrument "${id}" has no value sets; leave out --value-set`,
    );
  }
  if (!known.includes(valueSet)) {
    throw new CliError(
      'unknown_value_set',
      `unknown value set "${valueSet}" for "${id}"; known: ${known.join(', ')}`,
    );
  }
}

/**
 * Scores one parsed JSON input `{"answers": {...}}`. A wrong shape or a code outside an item's
 * range is bad input with the path of the first bad field (e.g. `["answers", "9"]`); codes are
 * never clamped.
 */
export function scoreInput(
  instrument: Instrument,
  input: unknown,
  valueSet: string | undefined,
): ScoreResult {
  const request = ScoreInputSchema.safeParse(input);
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
  const output = createLineBuffer(io.stdout);
  const progress = createProgress(io.stderr, {
    enabled: io.stderrIsTerminal === true,
    label: `scoring ${instrument.definition.id}`,
    ...(file === undefined || file === '-' ? {} : { totalBytes: await fileSize(file) }),
  });
  let lines = 0;
  let bytes = 0;
  for await (const line of readInputLines(file, io)) {
    lines += 1;
    bytes += Buffer.byteLength(line) + 1;
    try {
      if (line.trim() === '') {
        // Kept as an error rather than skipped so output line n always answers input line n.
        throw new CliError('invalid_json', 'empty line; each line must hold one JSON object');
      }
      output.writeJson(scoreInput(instrument, parseJson(line), options.valueSet));
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      output.writeJson(toErrorBody(error).body);
      exitCode = Math.max(exitCode, error.exitCode);
    }
    progress.update(lines, bytes);
  }
  output.flush();
  progress.finish(lines, bytes);
  return exitCode;
}

/** The size of an input file for the progress bar; unknown (undefined) when it cannot be read. */
async function fileSize(file: string): Promise<number | undefined> {
  try {
    return (await stat(file)).size;
  } catch {
    return undefined;
  }
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
