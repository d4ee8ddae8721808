import type { InstrumentId, ScoreResult, ScoreValue } from '@workup/contracts';

/** One answer option: the stored code and a short label in our own words. */
export interface AnswerOption {
  readonly code: number;
  readonly label: string;
}

/** An item answered by choosing one of a few coded options (most items). */
export interface ChoiceItem {
  readonly kind: 'choice';
  readonly key: string;
  /** Short paraphrase in our own words; a site's content pack may replace it. */
  readonly text: string;
  readonly options: readonly AnswerOption[];
}

/**
 * An item answered with a whole number in a range (e.g. the EQ VAS 0-100, days of sick
 * leave). `max` null means no upper bound.
 */
export interface IntegerItem {
  readonly kind: 'integer';
  readonly key: string;
  readonly text: string;
  readonly min: number;
  readonly max: number | null;
  readonly unit?: string;
  /** Labels of the ends of the scale, in our own words. */
  readonly anchors?: { readonly min: string; readonly max: string };
}

export type ItemDefinition = ChoiceItem | IntegerItem;

export interface LicenceInfo {
  readonly owner: string;
  readonly terms: string;
  /** Whether the verbatim wording may be shipped in this repository. */
  readonly wordingMayBeShipped: boolean;
}

export interface InstrumentDefinition {
  readonly id: InstrumentId;
  readonly version: string;
  readonly title: string;
  readonly recallPeriod: string;
  /** Short instructions in our own words, shown above the items. */
  readonly instructions?: string;
  readonly items: readonly ItemDefinition[];
  readonly licence: LicenceInfo;
  /** Where the facts come from (`reference.md §N`). */
  readonly source: string;
}

/** reference.md's tags: two or more sources, one source, not verified. */
export type Verification = 'V2' | 'V1' | 'U';

/**
 * A cut-off as a named constant with its source. Unverified ([U]) cut-offs are configurable:
 * a caller may override them by name through `ScoreOptions.cutOffs`; verified ones are not.
 */
export interface CutOff {
  readonly name: string;
  readonly value: number;
  readonly description: string;
  readonly source: string;
  readonly verification: Verification;
  readonly configurable: boolean;
}

/** A scoring rule (the missing-data rule, a recoding) with its source and verification. */
export interface ScoringRule {
  readonly name: string;
  readonly description: string;
  readonly source: string;
  readonly verification: Verification;
}

export interface ValueSet {
  readonly id: string;
  readonly description: string;
  readonly source: string;
  readonly verification: Verification;
}

export interface ScoreOptions {
  readonly valueSet?: string | undefined;
  /** Overrides of configurable cut-offs, by `CutOff.name`. */
  readonly cutOffs?: Readonly<Record<string, number>> | undefined;
}

/** A code outside an item's range, an unknown key or a non-integer: bad input, never clamped. */
export interface AnswerIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

export type ScoreOutcome =
  | { readonly ok: true; readonly result: ScoreResult }
  | { readonly ok: false; readonly issues: readonly AnswerIssue[] };

/** The checks of the shared conformance suite, by name (see `conformance.test.ts`). */
export const CONFORMANCE_CHECKS = [
  'keys-match-contract',
  'minimum-and-maximum',
  'cut-offs-both-sides',
  'missing-data-rule',
  'out-of-range-rejected',
  'input-not-mutated',
  'codes-only',
  'result-matches-contract',
] as const;
export type ConformanceCheck = (typeof CONFORMANCE_CHECKS)[number];

/** Everything workup knows about one instrument: what to ask, how to score, how sure we are. */
export interface Instrument {
  readonly definition: InstrumentDefinition;
  /** False for structure-only instruments (STarT MSK until its scoring sheet is verified). */
  readonly scorable: boolean;
  readonly cutOffs: readonly CutOff[];
  readonly missingDataRule: ScoringRule;
  /** Other scoring rules worth listing in docs/instruments.md (recodings, conversions). */
  readonly rules: readonly ScoringRule[];
  /** Empty when the instrument has none; the first is the default. */
  readonly valueSets: readonly ValueSet[];
  /** LOINC codes, only where reference.md confirms them. */
  readonly loinc?: {
    readonly questionnaire?: string;
    readonly items?: Readonly<Record<string, string>>;
    readonly scores?: Readonly<Record<string, string>>;
  };
  /** Conformance checks this instrument skips, each with the written reason. */
  readonly conformanceSkips?: Partial<Record<ConformanceCheck, string>>;
  readonly score: (answers: unknown, options?: ScoreOptions) => ScoreOutcome;
}

export type Scores = Readonly<Record<string, ScoreValue>>;
