import type {
  CriterionOutcome,
  CriterionResult,
  EligibilityEvidence,
  EligibilityInput,
  EligibilityResult,
  EligibilityStatus,
  VocationalEpisode,
  WorkSituation,
} from '@workup/contracts';
import {
  addMonths,
  degreeSegments,
  fromDayNumber,
  joinSpells,
  toDayNumber,
  unitsOnDay,
} from '../rtw/index';

/**
 * SWAP eligibility (reference.md §19, [V2]: Pain 2018 results abstract and the protocol):
 * employed; musculoskeletal pain; and either absent from work for less than 6 months or
 * struggling at work. Each criterion is met, not met or unknown (missing evidence), and the
 * three combine in three-valued logic: any not met → not eligible; all met → eligible; else
 * undetermined. Every outcome carries the evidence it used and a plain-English reason.
 */

/** SWAP: absent from work for less than this many calendar months [V2, reference.md §19]. */
export const SWAP_MAX_ABSENCE_MONTHS = 6;

export const ELIGIBILITY_SOURCE = 'reference.md §19 (SWAP eligibility) [V2]';

/**
 * Body regions of an episode that are musculoskeletal pain by definition (every region of
 * `BODY_REGIONS` but `other`).
 */
const MSK_BODY_REGIONS: ReadonlySet<string> = new Set([
  'low_back',
  'neck',
  'thoracic_back',
  'shoulder',
  'hip',
  'knee',
  'multisite',
]);

/**
 * Whether a diagnosis code is musculoskeletal: ICD-10 chapter XIII (M00-M99, "diseases of the
 * musculoskeletal system and connective tissue") or ICPC-2 chapter L (musculoskeletal).
 */
export function isMusculoskeletalCode(system: 'icd10' | 'icpc2', code: string): boolean {
  return system === 'icd10' ? code.startsWith('M') : code.startsWith('L');
}

export interface EligibilityOptions {
  /** Gap in days over which sick-leave periods join into one spell (rtw core); default 0. */
  readonly gapDays?: number;
}

export interface SituationEvidence {
  readonly situation: WorkSituation;
  readonly absenceStart: string | null;
  readonly evidence: EligibilityEvidence[];
  readonly basis: string;
}

/** Where the person stands with work on `asOf`: recorded periods first, else the answers. */
export function workSituation(
  input: EligibilityInput,
  options: EligibilityOptions = {},
): SituationEvidence {
  const asOf = toDayNumber(input.asOf);
  if (input.sickLeavePeriods.length > 0) {
    const segments = degreeSegments(input.sickLeavePeriods);
    const units = unitsOnDay(segments, asOf);
    const spell = joinSpells(segments, options.gapDays ?? 0).find(
      (candidate) => candidate.from <= asOf && asOf <= candidate.to,
    );
    const degree: EligibilityEvidence = {
      source: 'sick_leave_periods',
      field: `degree on ${input.asOf}`,
      value: units / 100,
    };
    if (units > 0 && spell !== undefined) {
      const start = fromDayNumber(spell.from);
      return {
        situation: 'on_sick_leave',
        absenceStart: start,
        evidence: [degree, { source: 'sick_leave_periods', field: 'spell start', value: start }],
        basis: `the recorded sick leave (${units / 100} % on ${input.asOf}, spell from ${start})`,
      };
    }
    return {
      situation: 'at_work',
      absenceStart: null,
      evidence: [degree],
      basis: `the recorded sick leave (none on ${input.asOf})`,
    };
  }
  const degree = input.work.sick_leave_degree ?? null;
  const days = input.work.sick_leave_days ?? null;
  const evidence: EligibilityEvidence[] = [
    { source: 'work_answers', field: 'sick_leave_degree', value: degree },
    { source: 'work_answers', field: 'sick_leave_days', value: days },
  ];
  const onLeave = degree !== null ? degree > 0 : days !== null ? days > 0 : null;
  if (onLeave === null) {
    return {
      situation: 'unknown',
      absenceStart: null,
      evidence,
      basis: 'no recorded sick leave and no answer on sick leave',
    };
  }
  if (!onLeave) {
    return {
      situation: 'at_work',
      absenceStart: null,
      evidence,
      basis: 'the answers (no current sick leave)',
    };
  }
  // sick_leave_days counts the days of the current spell up to and including asOf [U: our
  // reading of contracts.md §3 "integer, current spell"].
  const start = days === null ? null : fromDayNumber(asOf - Math.max(days, 1) + 1);
  return {
    situation: 'on_sick_leave',
    absenceStart: start,
    evidence,
    basis:
      start === null
        ? 'the answers (on sick leave, for how long not answered)'
        : `the answers (on sick leave for ${days ?? 0} days, since ${start})`,
  };
}

function employedCriterion(input: EligibilityInput): CriterionOutcome {
  const employed = input.work.employed ?? null;
  const evidence: EligibilityEvidence[] = [
    { source: 'work_answers', field: 'employed', value: employed },
  ];
  if (employed === null) {
    return {
      criterion: 'employed',
      result: 'unknown',
      evidence,
      reason: 'Whether the person is employed was not answered.',
    };
  }
  return employed === 1
    ? { criterion: 'employed', result: 'met', evidence, reason: 'The person is employed.' }
    : {
        criterion: 'employed',
        result: 'not_met',
        evidence,
        reason: 'The person is not employed; the service is for people in work.',
      };
}

function mskCriterion(episode: VocationalEpisode | null): CriterionOutcome {
  if (episode === null) {
    return {
      criterion: 'musculoskeletal_pain',
      result: 'unknown',
      evidence: [{ source: 'episode', field: 'episode', value: null }],
      reason: 'There is no episode of care to show musculoskeletal pain.',
    };
  }
  const evidence: EligibilityEvidence[] = [
    { source: 'episode', field: 'bodyRegion', value: episode.bodyRegion },
  ];
  const mskCodes = episode.diagnoses.filter((d) => isMusculoskeletalCode(d.system, d.code));
  for (const d of episode.diagnoses) {
    evidence.push({ source: 'episode', field: `diagnosis ${d.system}`, value: d.code });
  }
  if (episode.bodyRegion !== null && MSK_BODY_REGIONS.has(episode.bodyRegion)) {
    return {
      criterion: 'musculoskeletal_pain',
      result: 'met',
      evidence,
      reason: `The episode of care is for pain in a musculoskeletal region (${episode.bodyRegion}).`,
    };
  }
  const first = mskCodes[0];
  if (first !== undefined) {
    return {
      criterion: 'musculoskeletal_pain',
      result: 'met',
      evidence,
      reason: `The episode has a musculoskeletal diagnosis (${first.system} ${first.code}).`,
    };
  }
  return {
    criterion: 'musculoskeletal_pain',
    result: 'unknown',
    evidence,
    reason:
      'Neither the body region nor a diagnosis code shows musculoskeletal pain; the clinician should confirm.',
  };
}

function workStatusCriterion(
  input: EligibilityInput,
  situation: SituationEvidence,
): CriterionOutcome {
  const struggling = input.strugglingAtWork;
  const evidence: EligibilityEvidence[] = [
    ...situation.evidence,
    { source: 'statement', field: 'strugglingAtWork', value: struggling },
  ];
  const outcome = (result: CriterionResult, reason: string): CriterionOutcome => ({
    criterion: 'work_status',
    result,
    evidence,
    reason,
  });
  if (situation.situation === 'on_sick_leave') {
    if (situation.absenceStart === null) {
      return outcome(
        'unknown',
        `The person is off work according to ${situation.basis}, but since when is not known.`,
      );
    }
    const limit = addMonths(situation.absenceStart, SWAP_MAX_ABSENCE_MONTHS);
    return input.asOf < limit
      ? outcome(
          'met',
          `Off work since ${situation.absenceStart}, less than ${SWAP_MAX_ABSENCE_MONTHS} months (until ${limit}) on ${input.asOf}.`,
        )
      : outcome(
          'not_met',
          `Off work since ${situation.absenceStart}: ${SWAP_MAX_ABSENCE_MONTHS} months or more on ${input.asOf} (the limit was reached on ${limit}).`,
        );
  }
  if (struggling === true) {
    return outcome('met', `At work and struggling there (according to ${situation.basis}).`);
  }
  if (situation.situation === 'at_work') {
    return struggling === false
      ? outcome('not_met', `At work (${situation.basis}) and not struggling there.`)
      : outcome('unknown', `At work (${situation.basis}); whether struggling there was not asked.`);
  }
  return outcome('unknown', 'Whether the person is off work, or struggling at work, is not known.');
}

/** Three-valued AND: any not met → not eligible; all met → eligible; else undetermined. */
export function combineCriteria(results: readonly CriterionResult[]): EligibilityStatus {
  if (results.includes('not_met')) return 'not_eligible';
  if (results.every((result) => result === 'met')) return 'eligible';
  return 'undetermined';
}

/** The SWAP eligibility check, with each criterion's result, evidence and reason. */
export function checkVocationalEligibility(
  input: EligibilityInput,
  options: EligibilityOptions = {},
): EligibilityResult {
  const situation = workSituation(input, options);
  const criteria = [
    employedCriterion(input),
    mskCriterion(input.episode),
    workStatusCriterion(input, situation),
  ];
  const status = combineCriteria(criteria.map((c) => c.result));
  const headline =
    status === 'eligible'
      ? 'Eligible for vocational advice: all three SWAP criteria are met.'
      : status === 'not_eligible'
        ? `Not eligible for vocational advice: ${criteria
            .filter((c) => c.result === 'not_met')
            .map((c) => c.criterion.replaceAll('_', ' '))
            .join(', ')} not met.`
        : `Undetermined: ${criteria
            .filter((c) => c.result === 'unknown')
            .map((c) => c.criterion.replaceAll('_', ' '))
            .join(', ')} not known yet.`;
  return {
    status,
    asOf: input.asOf,
    criteria,
    situation: situation.situation,
    absenceStart: situation.absenceStart,
    reasons: [headline, ...criteria.map((c) => c.reason)],
    source: ELIGIBILITY_SOURCE,
  };
}
