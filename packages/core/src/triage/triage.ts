import {
  INSTRUMENT_IDS,
  MotivationScoresSchema,
  type InstrumentId,
  type RawAnswers,
  type ScoreResult,
  type TriageInput,
  type TriageResult,
} from '@workup/contracts';
import { findInstrument, scoreInstrument } from '../instruments/registry';
import type { AnswerIssue } from '../instruments/types';
import { evaluatePathway, type TriageFacts } from './evaluate';
import type { LoadedPathway } from './load';

export type TriageOutcome =
  | { readonly ok: true; readonly result: TriageResult }
  | { readonly ok: false; readonly issues: readonly AnswerIssue[] };

/**
 * Triage (contracts.md §4): scores every response with its instrument's scorer (with the
 * pathway's instrument options), then runs the pathway over answers, scores and context. A
 * response to an instrument that is not registered, or with a code out of range, is an issue
 * (bad input), never skipped or clamped; each issue's path starts at `responses`. An
 * incomplete response is scored as its missing-data rule allows; rules that need what is
 * missing do not fire and are listed in `undetermined`.
 */
export function triage(input: TriageInput, pathway: LoadedPathway): TriageOutcome {
  const issues: AnswerIssue[] = [];
  const scores: Partial<Record<InstrumentId, ScoreResult>> = {};
  const answers: Partial<Record<InstrumentId, RawAnswers>> = {};
  const scoreValues: TriageFacts['scores'] = {};
  const options = pathway.definition.instrumentOptions ?? {};
  for (const id of INSTRUMENT_IDS) {
    const response = input.responses[id];
    if (response === undefined) continue;
    if (findInstrument(id) === undefined) {
      issues.push({
        path: ['responses', id],
        message: `instrument "${id}" is not available (not registered in @workup/core)`,
      });
      continue;
    }
    const instrumentOptions = options[id];
    const outcome = scoreInstrument(id, response, {
      ...(instrumentOptions?.valueSet === undefined
        ? {}
        : { valueSet: instrumentOptions.valueSet }),
      ...(instrumentOptions?.cutOffs === undefined ? {} : { cutOffs: instrumentOptions.cutOffs }),
    });
    if (!outcome.ok) {
      for (const issue of outcome.issues) {
        const fromOptions = issue.path[0] === 'valueSet' || issue.path[0] === 'cutOffs';
        issues.push({
          path: fromOptions
            ? ['pathway', 'instrumentOptions', id, ...issue.path]
            : ['responses', id, ...issue.path],
          message: issue.message,
        });
      }
      continue;
    }
    scores[id] = outcome.result;
    answers[id] = response;
    scoreValues[id] = outcome.result.scores;
  }
  if (issues.length > 0) return { ok: false, issues };

  const evaluation = evaluatePathway(pathway, {
    answers,
    scores: scoreValues,
    context: input.context ?? {},
  });
  const motivation = MotivationScoresSchema.safeParse(scores.motivation?.scores);
  return {
    ok: true,
    result: {
      pathway: {
        id: pathway.definition.id,
        version: pathway.definition.version,
        hash: pathway.hash,
      },
      scores,
      flags: evaluation.flags,
      motivation: motivation.success ? motivation.data : null,
      urgency: evaluation.urgency,
      plan: evaluation.plan,
      undetermined: evaluation.undetermined,
    },
  };
}
