import {
  RTW_PRESET_IDS,
  RtwInputSchema,
  type RtwPresetId,
  type RtwResult,
} from '@workup/contracts';
import {
  computeRtw,
  DEFAULT_SUSTAINED_RTW_DAYS,
  presetDegreeIssues,
  RTW_PRESETS,
} from '@workup/core';
import type { Command } from 'commander';
import { CliError, EXIT_BAD_INPUT, EXIT_OK, type ErrorPath } from '../errors';
import { parseJson, readInputText, writeJsonLine, type CliIo } from '../io';
import type { CommandContext } from './context';

export interface RtwCommandOptions {
  readonly preset?: string;
  readonly gap?: string;
  readonly sustained?: string;
}

function parsePreset(value: string | undefined): RtwPresetId | undefined {
  if (value === undefined) return undefined;
  const preset = RTW_PRESET_IDS.find((id) => id === value);
  if (preset === undefined) {
    throw new CliError(
      'unknown_preset',
      `unknown preset "${value}"; known: ${RTW_PRESET_IDS.join(', ')}`,
    );
  }
  return preset;
}

/** A whole number of days written as digits, at least `min`; anything else is a usage error. */
function parseDays(option: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  const days = /^\d{1,6}$/.test(value) ? Number(value) : Number.NaN;
  if (!(days >= min)) {
    throw new CliError(
      'invalid_option',
      `${option} must be a whole number of days >= ${min} (at most 999999), not "${value}"`,
    );
  }
  return days;
}

function invalidInput(issues: readonly { path: ErrorPath; message: string }[]): CliError {
  const message = issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(input)'}: ${issue.message}`)
    .join('; ');
  return new CliError('invalid_input', message, EXIT_BAD_INPUT, issues[0]?.path ?? []);
}

/**
 * Parses and checks one `workup rtw` input and computes the result (contracts.md §4). A wrong
 * shape, an impossible date, `from` after `to` or a degree outside 0-100 is bad input with the
 * path of the first bad field; so is a degree the preset does not allow. Nothing is clamped.
 */
export function rtwFromInput(
  input: unknown,
  options: {
    preset?: RtwPresetId | undefined;
    gapDays?: number | undefined;
    sustainedDays?: number | undefined;
  },
): RtwResult {
  const parsed = RtwInputSchema.safeParse(input);
  if (!parsed.success) {
    throw invalidInput(
      parsed.error.issues.map((issue) => ({
        path: issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part)),
        message: issue.message,
      })),
    );
  }
  if (options.preset !== undefined) {
    const issues = presetDegreeIssues(parsed.data.periods, options.preset);
    if (issues.length > 0) throw invalidInput(issues);
  }
  return computeRtw(parsed.data, options);
}

/** `workup rtw [--preset se|no|fi|uk] [--gap DAYS] [--sustained DAYS] [FILE]`; returns the exit code. */
export async function runRtw(
  file: string | undefined,
  options: RtwCommandOptions,
  io: CliIo,
): Promise<number> {
  // Options are checked before any input is read.
  const preset = parsePreset(options.preset);
  const gapDays = parseDays('--gap', options.gap, 0);
  const sustainedDays = parseDays('--sustained', options.sustained, 1);
  const input = parseJson(await readInputText(file, io));
  writeJsonLine(io.stdout, rtwFromInput(input, { preset, gapDays, sustainedDays }));
  return EXIT_OK;
}

/** Registers `rtw` on the program; see `runRtw` and docs/rtw.md. */
export function registerRtwCommand(program: Command, context: CommandContext): void {
  const gaps = RTW_PRESET_IDS.map((id) => `${id} ${RTW_PRESETS[id].gapDays.value}`).join(', ');
  program
    .command('rtw')
    .description(
      'sick-leave spells, gross and net days, return to work, sustained RTW and censoring per person',
    )
    .argument('[file]', 'JSON input file; standard input when absent or "-"')
    .option(
      '--preset <id>',
      `country preset (${RTW_PRESET_IDS.join(', ')}): its gap and allowed degrees`,
    )
    .option(
      '--gap <days>',
      'days without sick leave that still join two spells (overrides the preset; default 0)',
    )
    .option(
      '--sustained <days>',
      `days without sick leave for sustained RTW (default ${DEFAULT_SUSTAINED_RTW_DAYS})`,
    )
    .addHelpText(
      'after',
      [
        '',
        'Input:  {"periods": [{"person", "from", "to", "degree"}], "followUp": {"start", "end"}}',
        '        dates YYYY-MM-DD, inclusive; degree in percent (0-100, at most two decimals).',
        'Output: {"preset", "algorithmVersion", "persons": [{"person", "spells": [{"from", "to",',
        '        "grossDays", "netDays"}], "grossDays", "netDays", "rtw", "sustainedRtw", "censored"}]}',
        `Preset gaps (days): ${gaps}. Definitions and worked examples: docs/rtw.md.`,
        'Exit codes: 0 computed, 2 bad input (error JSON on stderr), 1 anything else.',
        '',
        'Example:',
        '  echo \'{"periods": [{"person": "p1", "from": "2024-01-10", "to": "2024-01-19", "degree": 50}], "followUp": {"start": "2024-01-01", "end": "2024-06-30"}}\' | workup rtw --preset se',
      ].join('\n'),
    )
    .action(async (file: string | undefined, options: RtwCommandOptions) => {
      context.setExitCode(await runRtw(file, options, context.io));
    });
}
