import type { RtwPresetId } from '@workup/contracts';

/**
 * Country presets for sick-leave arithmetic and statutory checkpoints, from reference.md §23.
 * Every parameter carries its source and the verification tag of the fact behind it
 * (reference.md §0: V2 two or more sources, V1 one source, U unverified). Where a value is our
 * reading of a rule rather than the rule itself (an off-by-one in "within 5 days", a day count
 * for "by week 4"), `note` says so and the tag is that of the weakest step.
 */

export type VerificationTag = 'V2' | 'V1' | 'U';

/** One parameter of a preset with where it comes from. */
export interface PresetFact<T> {
  readonly value: T;
  readonly source: string;
  readonly tag: VerificationTag;
  readonly note?: string;
}

/** The degrees of sick leave a country's rules allow, in percent (0 = none is always allowed). */
export type DegreeRule =
  | { readonly kind: 'set'; readonly values: readonly number[] }
  | { readonly kind: 'range'; readonly min: number; readonly max: number };

/** How a country counts days: calendar days, or working days Monday to Saturday. */
export type DayBasis = 'calendar' | 'working_mon_sat';

/** Who a checkpoint is shown to. */
export type CheckpointAudience = 'clinician' | 'employer' | 'employee';

/** When a checkpoint falls, counted from the first day of absence (day 1). */
export type CheckpointTiming =
  /** Calendar day `day` of the absence (day 1 is the first day). */
  | { readonly kind: 'calendar_day'; readonly day: number }
  /** The `count`-th working day after the first day of absence (the first day not counted). */
  | { readonly kind: 'working_days_after_start'; readonly count: number };

/** A statutory checkpoint on the sick-leave timeline. */
export interface CheckpointRule {
  /** Stable code, `<preset>_<what>`. */
  readonly code: string;
  /** What happens by then, in our own words (screens show a localised label for `code`). */
  readonly description: string;
  readonly timing: CheckpointTiming;
  readonly audience: readonly CheckpointAudience[];
  /** A condition the checkpoint depends on, or null when it always applies. */
  readonly condition: 'expected_over_60_days' | null;
  readonly source: string;
  readonly tag: VerificationTag;
  readonly note?: string;
}

export interface RtwPreset {
  readonly id: RtwPresetId;
  readonly country: string;
  /** Sick days separated by at most this many days without sick leave form one spell. */
  readonly gapDays: PresetFact<number>;
  readonly degrees: PresetFact<DegreeRule>;
  readonly dayBasis: PresetFact<DayBasis>;
  /** Every figure of reference.md §23 for the country, and each figure derived from them. */
  readonly figures: Readonly<Record<string, PresetFact<number>>>;
  readonly checkpoints: readonly CheckpointRule[];
}

const SE_SOURCE =
  'reference.md §23.2 (Försäkringskassan employer pages; verksamt.se; nordsoc.org; Teknikföretagen)';
const SE_DEGREE_SOURCE =
  'reference.md §23.2 (nordsoc.org; "Sweden – a pocket guide"; goransoderlund.se)';
const NO_SOURCE = 'reference.md §23.3 (altinn.no; NAV; nyinorge.no; SSB)';
const NO_GRADED_SOURCE =
  'reference.md §23.3 (NAV gradert sykmelding; jusinfo, ftrl. §8-13; Helsedirektoratet)';
const NO_FOLLOW_UP_SOURCE = 'reference.md §23.3 (Tekna; NAV English pages)';
const FI_SOURCE = 'reference.md §23.4 (kela.fi; EC "Finland – sickness allowance"; infofinland)';

/** Sweden (reference.md §23.2). */
export const SE_PRESET: RtwPreset = {
  id: 'se',
  country: 'Sweden',
  gapDays: {
    value: 4,
    source:
      'reference.md §23.2 (Social Insurance Code ch. 27 §32, ISF 2015:5: a new period starting within 5 days of the end of the previous one continues it)',
    tag: 'V1',
    note: 'Our reading: "within 5 days of the end" means the new period starts at most 5 days after the last sick day, so at most 4 days without sick leave lie between (Försäkringskassan: back at work 5 or more calendar days starts a new period).',
  },
  degrees: {
    value: { kind: 'set', values: [25, 50, 75, 100] },
    source: SE_DEGREE_SOURCE,
    tag: 'V2',
  },
  dayBasis: {
    value: 'calendar',
    source: 'reference.md §23.2 (days 1-14 are calendar days)',
    tag: 'V2',
  },
  figures: {
    employerSickPayDays: { value: 14, source: SE_SOURCE, tag: 'V2' },
    sickPayPercentOfPay: { value: 80, source: SE_SOURCE, tag: 'V2', note: 'approximately' },
    qualifyingDeductionPercentOfWeeklySickPay: { value: 20, source: SE_SOURCE, tag: 'V2' },
    certificateFromDay: { value: 8, source: SE_SOURCE, tag: 'V2' },
    benefitFromDay: {
      value: 15,
      source: SE_SOURCE,
      tag: 'V2',
      note: 'derived: the day after the 14 employer days',
    },
    employerReportByDay: { value: 21, source: SE_SOURCE, tag: 'V2' },
    rtwPlanByDay: { value: 30, source: SE_SOURCE, tag: 'V2' },
    rtwPlanIfExpectedOverDays: { value: 60, source: SE_SOURCE, tag: 'V2' },
    registerContinuationWithinDays: {
      value: 5,
      source: 'reference.md §23.2 (ISF 2015:5 appendix; Social Insurance Code ch. 27 §32)',
      tag: 'V1',
    },
    registerDataFromDay: {
      value: 15,
      source: 'reference.md §23.2',
      tag: 'U',
      note: 'register data for employees usually start at day 15; spells of 14 days or less are missing',
    },
  },
  checkpoints: [
    {
      code: 'se_certificate_required',
      description: "a doctor's certificate is needed from this day",
      timing: { kind: 'calendar_day', day: 8 },
      audience: ['employee', 'clinician'],
      condition: null,
      source: SE_SOURCE,
      tag: 'V2',
    },
    {
      code: 'se_sickness_benefit_starts',
      description: 'sick pay from the employer ends; sickness benefit from Försäkringskassan',
      timing: { kind: 'calendar_day', day: 15 },
      audience: ['employee', 'employer'],
      condition: null,
      source: SE_SOURCE,
      tag: 'V2',
    },
    {
      code: 'se_employer_report_due',
      description: 'the employer reports the absence to Försäkringskassan at the latest',
      timing: { kind: 'calendar_day', day: 21 },
      audience: ['employer'],
      condition: null,
      source: SE_SOURCE,
      tag: 'V2',
    },
    {
      code: 'se_rtw_plan_due',
      description: 'the employer has drawn up a return-to-work plan',
      timing: { kind: 'calendar_day', day: 30 },
      audience: ['employer', 'clinician'],
      condition: 'expected_over_60_days',
      source: SE_SOURCE,
      tag: 'V2',
      note: '"within 30 days" read as by day 30 of the absence',
    },
  ],
};

/** Norway (reference.md §23.3). */
export const NO_PRESET: RtwPreset = {
  id: 'no',
  country: 'Norway',
  gapDays: {
    value: 15,
    source:
      'reference.md §23.3 (altinn.no; NAV: a new absence within 16 days of the previous counts into the same employer period)',
    tag: 'U',
    note: 'Our reading of ftrl. §8-19 as jusinfo.no and virke.no put it ("less than 16 calendar days since the previous absence"): fewer than 16 days without sick leave between, so at most 15. The off-by-one is not settled in reference.md.',
  },
  degrees: {
    value: { kind: 'range', min: 20, max: 100 },
    source: NO_GRADED_SOURCE,
    tag: 'V2',
    note: 'graded sick leave down to 20 %',
  },
  dayBasis: {
    value: 'calendar',
    source: 'reference.md §23.3 (the employer period is 16 calendar days)',
    tag: 'V2',
  },
  figures: {
    employerPeriodDays: { value: 16, source: NO_SOURCE, tag: 'V2' },
    benefitFromDay: { value: 17, source: NO_SOURCE, tag: 'V2' },
    employerPeriodLinkDays: { value: 16, source: NO_SOURCE, tag: 'V2' },
    entitlementMinWorkWeeks: { value: 4, source: NO_SOURCE, tag: 'V2' },
    maxBenefitWeeks: {
      value: 52,
      source: NO_SOURCE,
      tag: 'V2',
      note: 'graded days count as whole days',
    },
    minGradedDegreePercent: { value: 20, source: NO_GRADED_SOURCE, tag: 'V2' },
    selfCertificationMaxDays: { value: 3, source: NO_FOLLOW_UP_SOURCE, tag: 'V2' },
    selfCertificationTimesPer12Months: {
      value: 4,
      source: NO_FOLLOW_UP_SOURCE,
      tag: 'V2',
      note: 'IA companies may differ',
    },
    certificateFromDay: {
      value: 4,
      source: NO_FOLLOW_UP_SOURCE,
      tag: 'V2',
      note: 'derived: the day after 3 self-certified days',
    },
    chiropractorManualTherapistCertificationMaxWeeks: {
      value: 12,
      source: NO_FOLLOW_UP_SOURCE,
      tag: 'V2',
    },
    followUpPlanByWeek: { value: 4, source: NO_FOLLOW_UP_SOURCE, tag: 'V2' },
    followUpPlanByDay: {
      value: 28,
      source: NO_FOLLOW_UP_SOURCE,
      tag: 'U',
      note: 'derived: week 4 read as the end of the 4th week, day 4 × 7',
    },
    activityRequirementByWeek: { value: 8, source: NO_FOLLOW_UP_SOURCE, tag: 'V2' },
    activityRequirementByDay: {
      value: 56,
      source: NO_FOLLOW_UP_SOURCE,
      tag: 'U',
      note: 'derived: week 8 read as the end of the 8th week, day 8 × 7',
    },
  },
  checkpoints: [
    {
      code: 'no_certificate_required',
      description: 'self-certification covers at most 3 days; a certificate is needed from day 4',
      timing: { kind: 'calendar_day', day: 4 },
      audience: ['employee', 'clinician'],
      condition: null,
      source: NO_FOLLOW_UP_SOURCE,
      tag: 'V2',
    },
    {
      code: 'no_sickness_benefit_starts',
      description: 'the employer period ends; NAV pays sickness benefit',
      timing: { kind: 'calendar_day', day: 17 },
      audience: ['employer', 'employee'],
      condition: null,
      source: NO_SOURCE,
      tag: 'V2',
    },
    {
      code: 'no_follow_up_plan_due',
      description: 'the follow-up plan is made',
      timing: { kind: 'calendar_day', day: 28 },
      audience: ['employer', 'clinician'],
      condition: null,
      source: NO_FOLLOW_UP_SOURCE,
      tag: 'V2',
      note: '"within 4 weeks" read as by day 28 [U]',
    },
    {
      code: 'no_activity_requirement',
      description:
        'the activity requirement applies: some work activity unless medical reasons prevent it',
      timing: { kind: 'calendar_day', day: 56 },
      audience: ['clinician', 'employer', 'employee'],
      condition: null,
      source: NO_FOLLOW_UP_SOURCE,
      tag: 'V2',
      note: '"by 8 weeks" read as by day 56 [U]',
    },
  ],
};

/** Finland (reference.md §23.4). */
export const FI_PRESET: RtwPreset = {
  id: 'fi',
  country: 'Finland',
  gapDays: {
    value: 0,
    source: 'reference.md §23.4 gives no rule for joining periods',
    tag: 'U',
    note: 'only periods with no day between them are joined',
  },
  degrees: {
    value: { kind: 'set', values: [50, 100] },
    source: FI_SOURCE,
    tag: 'V2',
    note: 'derived: full sickness allowance = 100 %; partial sickness allowance is about half of it (≈35 % vs ≈70 % of annual income) = 50 %',
  },
  dayBasis: {
    value: 'working_mon_sat',
    source: 'reference.md §23.4 (waiting period and allowance limits in working days)',
    tag: 'U',
    note: 'working days read as Monday to Saturday except public holidays, which callers pass in; not in reference.md',
  },
  figures: {
    waitingPeriodWorkingDays: {
      value: 9,
      source: FI_SOURCE,
      tag: 'V2',
      note: 'the day of onset plus 9 working days; the employer pays wages',
    },
    maxAllowanceWorkingDays: { value: 300, source: FI_SOURCE, tag: 'V2' },
    partialWorkingHoursMinPercent: { value: 40, source: FI_SOURCE, tag: 'V2' },
    partialWorkingHoursMaxPercent: { value: 60, source: FI_SOURCE, tag: 'V2' },
    partialMinWorkingDays: { value: 12, source: FI_SOURCE, tag: 'V2' },
    partialMaxWorkingDays: { value: 120, source: FI_SOURCE, tag: 'V2' },
    fullAllowancePercentOfIncome: {
      value: 70,
      source: FI_SOURCE,
      tag: 'V2',
      note: 'approximately',
    },
    partialAllowancePercentOfIncome: {
      value: 35,
      source: FI_SOURCE,
      tag: 'V2',
      note: 'approximately',
    },
    partialDegreePercent: {
      value: 50,
      source: FI_SOURCE,
      tag: 'V2',
      note: 'derived: 35 / 70',
    },
  },
  checkpoints: [
    {
      code: 'fi_waiting_period_ends',
      description: 'the last day of the waiting period (the day of onset plus 9 working days)',
      timing: { kind: 'working_days_after_start', count: 9 },
      audience: ['employer', 'employee'],
      condition: null,
      source: FI_SOURCE,
      tag: 'V2',
      note: 'working days Monday to Saturday except the holidays passed in [U]',
    },
    {
      code: 'fi_sickness_allowance_starts',
      description: 'Kela sickness allowance from this working day',
      timing: { kind: 'working_days_after_start', count: 10 },
      audience: ['employee', 'employer'],
      condition: null,
      source: FI_SOURCE,
      tag: 'V2',
      note: 'the working day after the waiting period [U for the working-day calendar]',
    },
  ],
};

/** The UK: reference.md has no statutory sick-pay rules, only NICE's long-term threshold. */
export const UK_PRESET: RtwPreset = {
  id: 'uk',
  country: 'United Kingdom',
  gapDays: {
    value: 0,
    source: 'reference.md §23 gives no UK rule for joining periods',
    tag: 'U',
    note: 'only periods with no day between them are joined',
  },
  degrees: {
    value: { kind: 'range', min: 0, max: 100 },
    source: 'reference.md §23 gives no UK degrees',
    tag: 'U',
    note: 'any degree 0-100 is accepted',
  },
  dayBasis: {
    value: 'calendar',
    source: 'reference.md §19 (SWAP counts days absent)',
    tag: 'U',
  },
  figures: {
    longTermAbsenceDays: {
      value: 28,
      source: 'reference.md §23.1 (NICE PH19: long-term sickness absence is 4 weeks or more)',
      tag: 'V1',
      note: 'derived: 4 weeks × 7',
    },
    swapPrimaryOutcomeMonths: {
      value: 4,
      source: 'reference.md §19 (SWAP: self-reported work absence at 4 months)',
      tag: 'V2',
    },
  },
  checkpoints: [
    {
      code: 'uk_long_term_absence',
      description: 'the absence becomes long-term (4 weeks, NICE PH19)',
      timing: { kind: 'calendar_day', day: 28 },
      audience: ['clinician', 'employer'],
      condition: null,
      source: 'reference.md §23.1 (NICE PH19 Considerations 2.2)',
      tag: 'V1',
    },
  ],
};

export const RTW_PRESETS: Readonly<Record<RtwPresetId, RtwPreset>> = {
  se: SE_PRESET,
  no: NO_PRESET,
  fi: FI_PRESET,
  uk: UK_PRESET,
};

/**
 * Why `degreePercent` is not allowed by `preset`, or null when it is. 0 (no sick leave on those
 * days) is always allowed; the range 0-100 is the schema's job.
 */
export function degreeNotAllowedReason(preset: RtwPreset, degreePercent: number): string | null {
  if (degreePercent === 0) return null;
  const rule = preset.degrees.value;
  if (rule.kind === 'set') {
    return rule.values.includes(degreePercent)
      ? null
      : `degree ${degreePercent} is not allowed by preset "${preset.id}": one of ${rule.values.join(', ')} (${preset.degrees.source})`;
  }
  return degreePercent >= rule.min && degreePercent <= rule.max
    ? null
    : `degree ${degreePercent} is not allowed by preset "${preset.id}": ${rule.min}-${rule.max} (${preset.degrees.source})`;
}
