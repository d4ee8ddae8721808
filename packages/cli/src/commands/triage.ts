import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { TriageInputSchema, type TriageResult } from '@workup/contracts';
import { loadPathway, triage, type LoadedPathway } from '@workup/core';
import type { Command } from 'commander';
import {
  CliError,
  EXIT_BAD_INPUT,
  EXIT_FAILURE,
  EXIT_OK,
  toErrorBody,
  type ErrorPath,
} from '../errors';
import {
  createLineBuffer,
  parseJson,
  readInputLines,
  readInputText,
  writeJsonLine,
  type CliIo,
} from '../io';
import type { CommandContext } from './context';

/** The default pathway shipped with workup (`pathways/workup-default.v1.json`). */
export const DEFAULT_PATHWAY_FILE = fileURLToPath(
  new URL('../../../../pathways/workup-default.v1.json', import.meta.url),
);

export interface TriageCommandOptions {
  readonly pathway?: string;
  readonly ndjson?: boolean;
}

function describeIssues(issues: readonly { path: ErrorPath; message: string }[]): string {
  return issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(input)'}: ${issue.message}`)
    .join('; ');
}

/**
 * Reads, parses and validates a pathway file. Unreadable: exit 1; not JSON or not a valid
 * pathway (schema, unknown references): bad input, `invalid_pathway`, with the path of the first
 * problem inside the file.
 */
export async function readPathway(file: string): Promise<LoadedPathway> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new CliError('read_failed', `cannot read ${file}: ${detail}`, EXIT_FAILURE, [], {
      cause: error,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new CliError(
      'invalid_pathway',
      `${file} is not valid JSON: ${detail}`,
      EXIT_BAD_INPUT,
      [],
      {
        cause: error,
      },
    );
  }
  const outcome = loadPathway(json);
  if (!outcome.ok) {
    throw new CliError(
      'invalid_pathway',
      `${file}: ${describeIssues(outcome.issues)} (run workup pathway check ${file})`,
      EXIT_BAD_INPUT,
      outcome.issues[0]?.path ?? [],
    );
  }
  return outcome.pathway;
}

/**
 * Triage of one parsed JSON input (contracts.md §4). A wrong shape, an unknown instrument or a
 * code out of range is bad input with the path of the first bad field (e.g.
 * `["responses", "sbt", "9"]`); nothing is clamped.
 */
export function triageInput(pathway: LoadedPathway, input: unknown): TriageResult {
  const parsed = TriageInputSchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({
      path: issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part)),
      message: issue.message,
    }));
    throw new CliError(
      'invalid_input',
      describeIssues(issues),
      EXIT_BAD_INPUT,
      issues[0]?.path ?? [],
    );
  }
  const outcome = triage(parsed.data, pathway);
  if (!outcome.ok) {
    throw new CliError(
      'invalid_input',
      describeIssues(outcome.issues),
      EXIT_BAD_INPUT,
      outcome.issues[0]?.path ?? [],
    );
  }
  return outcome.result;
}

/**
 * `workup triage [--pathway FILE] [--ndjson] [FILE]`. The pathway is read and checked before
 * any input; with `--ndjson` each line gets its result or its error object, in order.
 */
export async function runTriage(
  file: string | undefined,
  options: TriageCommandOptions,
  io: CliIo,
): Promise<number> {
  const pathway = await readPathway(options.pathway ?? DEFAULT_PATHWAY_FILE);
  if (options.ndjson !== true) {
    writeJsonLine(io.stdout, triageInput(pathway, parseJson(await readInputText(file, io))));
    return EXIT_OK;
  }
  let exitCode = EXIT_OK;
  const output = createLineBuffer(io.stdout);
  for await (const line of readInputLines(file, io)) {
    try {
      if (line.trim() === '') {
        throw new CliError('invalid_json', 'empty line; each line must hold one JSON object');
      }
      output.writeJson(triageInput(pathway, parseJson(line)));
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      output.writeJson(toErrorBody(error).body);
      exitCode = Math.max(exitCode, error.exitCode);
    }
  }
  output.flush();
  return exitCode;
}

/** Registers `triage` on the program; see `runTriage`. */
export function registerTriageCommand(program: Command, context: CommandContext): void {
  program
    .command('triage')
    .description(
      'flags, urgency and a tailored plan from screening responses, by a pathway (flow chart as data)',
    )
    .argument('[file]', 'JSON input file; standard input when absent or "-"')
    .option('--pathway <file>', 'pathway JSON file (default: pathways/workup-default.v1.json)')
    .option('--ndjson', 'one JSON object per line in, one result per line out')
    .addHelpText(
      'after',
      [
        '',
        'Input: {"responses": {"<instrument>": {answers}}, "context": {"age", "sex", "employed", ...}}.',
        'Output: {"pathway": {"id", "version", "hash"}, "scores", "flags": {"red", "yellow", "blue",',
        '"black", "orange"}, "motivation", "urgency", "plan": [{"code", "title", "status", "because"}],',
        '"undetermined"}. Every flag and plan item says which rule put it there and what it saw.',
        'Exit codes: 0 done, 2 bad input or pathway (error JSON on stderr), 1 anything else.',
        '',
        'Example:',
        '  echo \'{"responses": {"sbt": {"1": 1, "2": 0, "3": 1, "4": 0, "5": 1, "6": 1, "7": 0, "8": 0, "9": 3}}}\' | workup triage',
      ].join('\n'),
    )
    .action(async (file: string | undefined, options: TriageCommandOptions) => {
      context.setExitCode(await runTriage(file, options, context.io));
    });
}
