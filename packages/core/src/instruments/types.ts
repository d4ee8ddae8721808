import type { ScoreResult } from '@workup/contracts';

/** One answer option: the stored code and a short label in our own words. */
export interface AnswerOption {
  readonly code: number;
  readonly label: string;
}

export interface ItemDefinition {
  readonly key: string;
  /** Short paraphrase in our own words; a site's content pack may replace it. */
  readonly text: string;
  readonly options: readonly AnswerOption[];
}

export interface LicenceInfo {
  readonly owner: string;
  readonly terms: string;
  /** Whether the verbatim wording may be shipped in this repository. */
  readonly wordingMayBeShipped: boolean;
}

export interface InstrumentDefinition {
  readonly id: string;
  readonly version: string;
  readonly title: string;
  readonly recallPeriod: string;
  readonly items: readonly ItemDefinition[];
  readonly licence: LicenceInfo;
  /** Where the facts come from (`reference.md §N`). */
  readonly source: string;
}

/** A code outside an item's range, an unknown key or a non-integer: bad input, never clamped. */
export interface AnswerIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

export type ScoreOutcome =
  | { readonly ok: true; readonly result: ScoreResult }
  | { readonly ok: false; readonly issues: readonly AnswerIssue[] };
