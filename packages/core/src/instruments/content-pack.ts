import { ContentPackSchema, type ContentPack } from '@workup/contracts';
import { toAnswerIssues } from './answers';
import type { AnswerIssue, InstrumentDefinition } from './types';

/** Where the words a patient reads come from. */
export type WordingSource = 'paraphrase' | 'content-pack';

/** The text of one item as shown to a patient. */
export interface ItemText {
  readonly key: string;
  readonly text: string;
  /** Option labels in the definition's order (choice items). */
  readonly options: readonly { readonly code: number; readonly label: string }[];
  readonly anchors?: { readonly min: string; readonly max: string };
}

/** An instrument's words in one language: our paraphrases, or a site's licensed content pack. */
export interface QuestionnaireText {
  readonly instrument: string;
  readonly version: string;
  readonly language: string;
  readonly wording: WordingSource;
  readonly title: string;
  readonly recallPeriod: string;
  readonly instructions?: string;
  readonly items: readonly ItemText[];
  /** The licence the site holds for a content pack. */
  readonly licence?: ContentPack['licence'];
}

/** Our own English paraphrases, shipped with the definition. */
export function paraphraseText(definition: InstrumentDefinition): QuestionnaireText {
  return {
    instrument: definition.id,
    version: definition.version,
    language: 'en',
    wording: 'paraphrase',
    title: definition.title,
    recallPeriod: definition.recallPeriod,
    ...(definition.instructions === undefined ? {} : { instructions: definition.instructions }),
    items: definition.items.map((item) => ({
      key: item.key,
      text: item.text,
      options:
        item.kind === 'choice' ? item.options.map(({ code, label }) => ({ code, label })) : [],
      ...(item.kind === 'integer' && item.anchors !== undefined ? { anchors: item.anchors } : {}),
    })),
  };
}

export type ContentPackOutcome =
  | { readonly ok: true; readonly pack: ContentPack; readonly text: QuestionnaireText }
  | { readonly ok: false; readonly issues: readonly AnswerIssue[] };

/**
 * Validates a content pack (parsed JSON) against the schema and against the definition it
 * names: same instrument and version, every item worded, no unknown items, a label for exactly
 * the item's codes. Returns the instrument's text in the pack's language.
 */
export function applyContentPack(
  definition: InstrumentDefinition,
  raw: unknown,
): ContentPackOutcome {
  const parsed = ContentPackSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, issues: toAnswerIssues(parsed.error) };
  const pack = parsed.data;
  const issues: AnswerIssue[] = [];
  if (pack.instrument !== definition.id) {
    issues.push({ path: ['instrument'], message: `expected "${definition.id}"` });
  }
  if (pack.instrumentVersion !== definition.version) {
    issues.push({
      path: ['instrumentVersion'],
      message: `the pack words version "${pack.instrumentVersion}"; workup scores version "${definition.version}"`,
    });
  }
  const known = new Set(definition.items.map((item) => item.key));
  for (const key of Object.keys(pack.items)) {
    if (!known.has(key)) issues.push({ path: ['items', key], message: 'unknown item' });
  }
  const items: ItemText[] = [];
  for (const item of definition.items) {
    const worded = pack.items[item.key];
    if (worded === undefined) {
      issues.push({ path: ['items', item.key], message: 'missing: every item must be worded' });
      continue;
    }
    if (item.kind === 'choice') {
      const labels = worded.options ?? {};
      const codes = item.options.map((option) => String(option.code));
      for (const code of codes) {
        if (labels[code] === undefined) {
          issues.push({ path: ['items', item.key, 'options', code], message: 'missing label' });
        }
      }
      for (const code of Object.keys(labels)) {
        if (!codes.includes(code)) {
          issues.push({
            path: ['items', item.key, 'options', code],
            message: 'not a code of this item',
          });
        }
      }
      if (worded.anchors !== undefined) {
        issues.push({
          path: ['items', item.key, 'anchors'],
          message: 'only numeric items have anchors',
        });
      }
      items.push({
        key: item.key,
        text: worded.text,
        options: item.options.map((option) => ({
          code: option.code,
          label: labels[String(option.code)] ?? option.label,
        })),
      });
    } else {
      if (worded.options !== undefined) {
        issues.push({
          path: ['items', item.key, 'options'],
          message: 'numeric items have no options',
        });
      }
      items.push({
        key: item.key,
        text: worded.text,
        options: [],
        ...(worded.anchors === undefined ? {} : { anchors: worded.anchors }),
      });
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    pack,
    text: {
      instrument: definition.id,
      version: definition.version,
      language: pack.language,
      wording: 'content-pack',
      title: pack.title,
      recallPeriod: pack.recallPeriod ?? definition.recallPeriod,
      ...(pack.instructions === undefined ? {} : { instructions: pack.instructions }),
      items,
      licence: pack.licence,
    },
  };
}
