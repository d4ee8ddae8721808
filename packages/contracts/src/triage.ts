import { z } from 'zod';
import { InstrumentIdSchema, type InstrumentId } from './instruments/catalog';
import { ScoreResultSchema, RawAnswersSchema } from './instruments/score-result';
import {
  MotivationScoresSchema,
  UrgencySchema,
  URGENCIES,
  type Urgency,
} from './instruments/scores';

/**
 * Triage (contracts.md §3a, §4): the input and output of `workup triage` and
 * `POST /api/v1/triage`, and the format of a pathway, the flow chart as versioned data.
 */

/** Flag colours (reference.md §15, §16). */
export const FLAG_COLOURS = ['red', 'yellow', 'blue', 'black', 'orange'] as const;
export const FlagColourSchema = z.enum(FLAG_COLOURS);
export type FlagColour = z.infer<typeof FlagColourSchema>;

/** Plan component codes fixed by contracts.md §3a; a pathway may add its own, prefixed `x_`. */
export const PLAN_COMPONENT_CODES = [
  'emergency_referral',
  'urgent_referral',
  'rheumatology_referral',
  'mental_health_assessment',
  'safety_netting',
  'advice_stay_active',
  'education',
  'self_management',
  'no_routine_imaging',
  'physio_exercise',
  'manual_therapy_adjunct',
  'mdt_assessment',
  'psych_informed_physio',
  'motivational_interviewing',
  'ergonomic_advice',
  'workplace_dialogue',
  'vocational_advice',
  'follow_up',
] as const;
export type KnownPlanComponentCode = (typeof PLAN_COMPONENT_CODES)[number];

/** A pathway's own component code: `x_` then lowercase letters, digits and underscores. */
export const CUSTOM_COMPONENT_CODE_PATTERN = /^x_[a-z0-9_]+$/;
export const PlanComponentCodeSchema = z
  .string()
  .refine(
    (code) =>
      (PLAN_COMPONENT_CODES as readonly string[]).includes(code) ||
      CUSTOM_COMPONENT_CODE_PATTERN.test(code),
    { message: 'must be a code of contracts.md §3a or start with "x_"' },
  );

/** Urgency from most to least pressing (contracts.md §3a); `URGENCIES` has the same order. */
export const URGENCY_ORDER: readonly Urgency[] = URGENCIES;

/** The urgency levels that make the plan lead with a referral and the rest wait. */
export const REFERRAL_FOR_URGENCY = {
  emergency: 'emergency_referral',
  urgent: 'urgent_referral',
} as const satisfies Partial<Record<Urgency, KnownPlanComponentCode>>;

// ---------------------------------------------------------------------------------------------
// Input

/** Administrative sex as FHIR codes it (`AdministrativeGender`). */
export const SEXES = ['female', 'male', 'other', 'unknown'] as const;

/** The context keys every pathway may read; a pathway declares any others it uses. */
export const TRIAGE_CONTEXT_KEYS = ['age', 'sex', 'employed'] as const;

const ContextValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/**
 * What is known about the person beyond the questionnaires. `age` in whole years, `sex` as
 * FHIR codes it, `employed` whether they have a job to return to; other keys are scalars a
 * pathway declares. `null` or an absent key means "not known".
 */
export const TriageContextSchema = z
  .object({
    age: z.int().min(0).max(130).nullable().optional(),
    sex: z.enum(SEXES).nullable().optional(),
    employed: z.boolean().nullable().optional(),
  })
  .catchall(ContextValueSchema);
export type TriageContext = z.infer<typeof TriageContextSchema>;

/**
 * The input of `workup triage` (contracts.md §4): each instrument's answers keyed by item
 * (`{"sbt": {"1": 1, ...}}`), and the context.
 */
export const TriageInputSchema = z.strictObject({
  responses: z.partialRecord(InstrumentIdSchema, RawAnswersSchema),
  context: TriageContextSchema.optional(),
});
export type TriageInput = z.infer<typeof TriageInputSchema>;

// ---------------------------------------------------------------------------------------------
// Output

const ScalarValueSchema = z.union([z.number(), z.string(), z.boolean()]);

/**
 * One fact a rule looked at, with the value it saw (`null`: missing). An answer names its
 * instrument and item, a score its instrument and score key, context its key, a flag its
 * `colour` or `colour.code` and whether it was raised.
 */
export const EvidenceSchema = z.union([
  z.strictObject({
    instrument: InstrumentIdSchema,
    item: z.string(),
    value: z.number().nullable(),
  }),
  z.strictObject({
    instrument: InstrumentIdSchema,
    score: z.string(),
    value: ScalarValueSchema.nullable(),
  }),
  z.strictObject({ context: z.string(), value: ScalarValueSchema.nullable() }),
  z.strictObject({ flag: z.string(), value: z.boolean() }),
]);
export type Evidence = z.infer<typeof EvidenceSchema>;

/** Why something is in the result: the rule that put it there and what that rule saw. */
export const BecauseSchema = z.strictObject({
  rule: z.string(),
  evidence: z.array(EvidenceSchema),
});
export type Because = z.infer<typeof BecauseSchema>;

export const TriageFlagSchema = z.strictObject({
  code: z.string(),
  title: z.string(),
  because: z.array(BecauseSchema).min(1),
});
export type TriageFlag = z.infer<typeof TriageFlagSchema>;

/**
 * `proposed`: to start now. `waiting_for_clinician`: the rest of the plan when urgency is
 * emergency or urgent (the referral leads), or when a rule put the plan on hold (e.g. red flags
 * not assessed); a clinician reviews it first (contracts.md §3a).
 */
export const PLAN_ITEM_STATUSES = ['proposed', 'waiting_for_clinician'] as const;

export const PlanItemSchema = z.strictObject({
  code: PlanComponentCodeSchema,
  title: z.string(),
  status: z.enum(PLAN_ITEM_STATUSES),
  because: z.array(BecauseSchema).min(1),
});
export type PlanItem = z.infer<typeof PlanItemSchema>;

export const TriageFlagsSchema = z.strictObject({
  red: z.array(TriageFlagSchema),
  yellow: z.array(TriageFlagSchema),
  blue: z.array(TriageFlagSchema),
  black: z.array(TriageFlagSchema),
  orange: z.array(TriageFlagSchema),
});
export type TriageFlags = z.infer<typeof TriageFlagsSchema>;

/** A rule that could not be decided because facts it needs are missing; it did not fire. */
export const UndeterminedRuleSchema = z.strictObject({
  rule: z.string(),
  missing: z.array(EvidenceSchema).min(1),
});
export type UndeterminedRule = z.infer<typeof UndeterminedRuleSchema>;

/**
 * The output of `workup triage` (contracts.md §4). `pathway.hash` is `sha256:` and the hex
 * SHA-256 of the pathway's canonical JSON, so a stored plan names exactly the flow chart that
 * made it. `scores` holds each response's score result as `workup score` writes it;
 * `motivation` the motivation instrument's scores, null when it was not answered.
 */
export const TriageResultSchema = z.strictObject({
  pathway: z.strictObject({
    id: z.string(),
    version: z.string(),
    hash: z.string().regex(/^sha256:[0-9a-f]{64}$/),
  }),
  scores: z.partialRecord(InstrumentIdSchema, ScoreResultSchema),
  flags: TriageFlagsSchema,
  motivation: MotivationScoresSchema.nullable(),
  urgency: UrgencySchema,
  plan: z.array(PlanItemSchema),
  undetermined: z.array(UndeterminedRuleSchema),
});
export type TriageResult = z.infer<typeof TriageResultSchema>;

// ---------------------------------------------------------------------------------------------
// Pathway format

export const PATHWAY_FORMAT = 'workup-pathway/1';

const ScalarSchema = z.union([z.number(), z.string(), z.boolean()]);
export type Scalar = z.infer<typeof ScalarSchema>;

/** The comparison operators of a condition; a comparison uses exactly one. */
export const COMPARISON_OPERATORS = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in'] as const;
export type ComparisonOperator = (typeof COMPARISON_OPERATORS)[number];

export interface Comparison {
  eq?: Scalar | undefined;
  ne?: Scalar | undefined;
  lt?: number | undefined;
  lte?: number | undefined;
  gt?: number | undefined;
  gte?: number | undefined;
  in?: Scalar[] | undefined;
}

export interface CountComparison {
  eq?: number | undefined;
  ne?: number | undefined;
  lt?: number | undefined;
  lte?: number | undefined;
  gt?: number | undefined;
  gte?: number | undefined;
}

/**
 * A condition: a small JSON tree, never code (no `eval`). Leaves compare an answer
 * (`"instrument.item"`), a score (`"instrument.score"`) or a context key with exactly one
 * operator; `answered` asks whether an item was answered, `scored` whether a score has a value
 * (never unknown, unlike a comparison); `flag` whether an earlier rule raised
 * a flag (`"red"`: any red flag; `"red.cauda_equina"`: that one); `def` uses a named
 * definition. `all`, `any`, `not` and `count` combine them. See docs/pathways.md for the
 * treatment of missing values (a comparison with a missing value is neither true nor false).
 */
export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | ({ count: Condition[] } & CountComparison)
  | ({ answer: string } & Comparison)
  | ({ score: string } & Comparison)
  | ({ context: string } & Comparison)
  | { answered: string }
  | { scored: string }
  | { flag: string }
  | { def: string };

const comparisonShape = {
  eq: ScalarSchema.optional(),
  ne: ScalarSchema.optional(),
  lt: z.number().optional(),
  lte: z.number().optional(),
  gt: z.number().optional(),
  gte: z.number().optional(),
  in: z.array(ScalarSchema).min(1).optional(),
};
const countShape = {
  eq: z.int().optional(),
  ne: z.int().optional(),
  lt: z.int().optional(),
  lte: z.int().optional(),
  gt: z.int().optional(),
  gte: z.int().optional(),
};

/** The operator a comparison uses; exactly one must be present. */
export function comparisonOperators(comparison: Comparison): ComparisonOperator[] {
  return COMPARISON_OPERATORS.filter((operator) => comparison[operator] !== undefined);
}
const ONE_OPERATOR = { message: 'use exactly one of eq, ne, lt, lte, gt, gte, in' };
const oneOperator = (comparison: Comparison) => comparisonOperators(comparison).length === 1;

/** `instrument.item` or `instrument.score`. */
export const FACT_REF_PATTERN = /^[a-z0-9_]+\.[A-Za-z0-9_]+$/;
/** `colour` or `colour.code`. */
export const FLAG_REF_PATTERN = /^(red|yellow|blue|black|orange)(\.[a-z][a-z0-9_]*)?$/;
export const FLAG_CODE_PATTERN = /^[a-z][a-z0-9_]*$/;
export const NAME_PATTERN = /^[a-z][a-z0-9_]*$/;
export const CONTEXT_KEY_PATTERN = /^[A-Za-z][A-Za-z0-9_]*$/;

const FactRefSchema = z.string().regex(FACT_REF_PATTERN, 'write "instrument.key"');

export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(ConditionSchema) }),
    z.strictObject({ any: z.array(ConditionSchema) }),
    z.strictObject({ not: ConditionSchema }),
    z
      .strictObject({ count: z.array(ConditionSchema).min(1), ...countShape })
      .refine(oneOperator, ONE_OPERATOR),
    z.strictObject({ answer: FactRefSchema, ...comparisonShape }).refine(oneOperator, ONE_OPERATOR),
    z.strictObject({ score: FactRefSchema, ...comparisonShape }).refine(oneOperator, ONE_OPERATOR),
    z
      .strictObject({ context: z.string().regex(CONTEXT_KEY_PATTERN), ...comparisonShape })
      .refine(oneOperator, ONE_OPERATOR),
    z.strictObject({ answered: FactRefSchema }),
    z.strictObject({ scored: FactRefSchema }),
    z.strictObject({ flag: z.string().regex(FLAG_REF_PATTERN, 'write "colour" or "colour.code"') }),
    z.strictObject({ def: z.string().regex(NAME_PATTERN) }),
  ]),
);

/**
 * What a rule does when its condition holds: raise a flag (`"colour.code"`), set urgency (the
 * highest set wins), add a plan component (optionally with its own title, e.g. a number of
 * sessions), or put the plan on hold for a clinician.
 */
export type Action =
  | { raise: string }
  | { urgency: Urgency }
  | { add: string; title?: string | undefined }
  | { hold: true };

export const ActionSchema: z.ZodType<Action> = z.union([
  z.strictObject({ raise: z.string().regex(FLAG_REF_PATTERN, 'write "colour.code"') }),
  z.strictObject({ urgency: UrgencySchema }),
  z.strictObject({ add: PlanComponentCodeSchema, title: z.string().min(1).optional() }),
  z.strictObject({ hold: z.literal(true) }),
]);

export const PathwayRuleSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_.-]*$/, 'lowercase letters, digits, ".", "_" and "-"'),
  description: z.string().min(1),
  /** Where the rule comes from, e.g. `reference.md §15 [V2]; NICE NG59 1.1.1`. */
  source: z.string().min(1),
  /** A heading the flow chart groups the rule under. */
  group: z.string().min(1).optional(),
  when: ConditionSchema,
  then: z.array(ActionSchema).min(1),
});
export type PathwayRule = z.infer<typeof PathwayRuleSchema>;

export const PathwayFlagSchema = z.strictObject({
  colour: FlagColourSchema,
  code: z.string().regex(FLAG_CODE_PATTERN),
  title: z.string().min(1),
});
export type PathwayFlag = z.infer<typeof PathwayFlagSchema>;

/**
 * A plan component the pathway may add, with its title (in the pathway's language). `requires`
 * and `excludes` name components that must, or must not, be in the same plan; the static
 * check reports rules that break them.
 */
export const PathwayComponentSchema = z.strictObject({
  code: PlanComponentCodeSchema,
  title: z.string().min(1),
  requires: z.array(PlanComponentCodeSchema).optional(),
  excludes: z.array(PlanComponentCodeSchema).optional(),
});
export type PathwayComponent = z.infer<typeof PathwayComponentSchema>;

export const PathwayDefinitionSchema = z.strictObject({
  name: z.string().regex(NAME_PATTERN),
  description: z.string().min(1),
  when: ConditionSchema,
});
export type PathwayDefinition = z.infer<typeof PathwayDefinitionSchema>;

export const CONTEXT_VALUE_TYPES = ['number', 'string', 'boolean'] as const;
export const PathwayContextKeySchema = z.strictObject({
  key: z.string().regex(CONTEXT_KEY_PATTERN),
  type: z.enum(CONTEXT_VALUE_TYPES),
  description: z.string().min(1),
});

export const InstrumentOptionsSchema = z.strictObject({
  valueSet: z.string().optional(),
  cutOffs: z.record(z.string(), z.number()).optional(),
});

/**
 * A pathway: the flow chart as data (issue 4). Rules run in order; a rule sees the flags of the
 * rules before it. `instrumentOptions` are passed to each instrument's scorer (e.g. a site's
 * ÖMPSQ cut-offs). The hash of its canonical JSON identifies it in every stored plan.
 */
export const PathwaySchema = z.strictObject({
  format: z.literal(PATHWAY_FORMAT),
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'a version such as 1.0.0'),
  title: z.string().min(1),
  description: z.string().min(1),
  /** BCP 47 language tag of the titles, e.g. `en`. */
  language: z.string().min(2),
  sources: z.array(z.string().min(1)).optional(),
  context: z.array(PathwayContextKeySchema).optional(),
  instrumentOptions: z.partialRecord(InstrumentIdSchema, InstrumentOptionsSchema).optional(),
  flags: z.array(PathwayFlagSchema),
  components: z.array(PathwayComponentSchema).min(1),
  definitions: z.array(PathwayDefinitionSchema).optional(),
  rules: z.array(PathwayRuleSchema).min(1),
});
export type Pathway = z.infer<typeof PathwaySchema>;

// ---------------------------------------------------------------------------------------------
// Static check report (`workup pathway check`)

export const PATHWAY_FINDING_SEVERITIES = ['error', 'warning', 'info'] as const;

/**
 * One finding of the static check. `path` points into the pathway file; `example`, when
 * given, is an input (answers, scores, context) that shows the problem.
 */
export const PathwayFindingSchema = z.strictObject({
  severity: z.enum(PATHWAY_FINDING_SEVERITIES),
  code: z.string(),
  message: z.string(),
  path: z.array(z.union([z.string(), z.number()])),
  rule: z.string().optional(),
  example: z.record(z.string(), z.unknown()).optional(),
});
export type PathwayFinding = z.infer<typeof PathwayFindingSchema>;

export const PathwayCheckReportSchema = z.strictObject({
  pathway: z.strictObject({ id: z.string(), version: z.string(), hash: z.string() }),
  ok: z.boolean(),
  findings: z.array(PathwayFindingSchema),
  coverage: z.strictObject({
    /** SBT risk (or missing) × urgency × employment × sick-leave status combinations checked. */
    combinations: z.int(),
    /** Combinations in which some input gives an empty plan (each is also an error finding). */
    emptyPlans: z.int(),
    /** Combinations no input can reach (e.g. an urgency the pathway never sets). */
    unreachable: z.int(),
  }),
});
export type PathwayCheckReport = z.infer<typeof PathwayCheckReportSchema>;

/** Instrument ids as a type guard for pathway references. */
export function isKnownInstrumentId(id: string): id is InstrumentId {
  return InstrumentIdSchema.safeParse(id).success;
}
