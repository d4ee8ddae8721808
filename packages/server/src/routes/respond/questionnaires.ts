import type { AskedIf, InstrumentId, ItemAnswers, Questionnaire } from '@workup/contracts';
import {
  findInstrument,
  RED_FLAGS_AXSPA_CRITERIA,
  RED_FLAGS_AXSPA_GATE,
  type Instrument,
  type QuestionnaireText,
} from '@workup/core';

/** How a patient meets an item beyond its definition: whether it may be left out, when asked. */
interface ItemRule {
  readonly required?: false;
  readonly askedIf?: AskedIf;
}

const ONLY_WHEN_EMPLOYED: ItemRule = { askedIf: { item: 'employed', in: [1] } };

/**
 * The items a patient may leave out, and those asked only after a given answer. Everything else
 * must be answered before the link can be sent.
 */
export const ITEM_RULES: Partial<Record<InstrumentId, Readonly<Record<string, ItemRule>>>> = {
  // ODI section 8 (sex life) is left empty when it does not apply; the ODI is scored with at
  // most one section missing (reference.md §5, the definition's instructions).
  odi: { '8': { required: false } },
  // Questions about the job only for people who have one (contracts.md §3); the work scorer
  // scores the answered items only.
  work: {
    work_heavy_or_monotonous: ONLY_WHEN_EMPLOYED,
    job_satisfaction: ONLY_WHEN_EMPLOYED,
    supervisor_support: ONLY_WHEN_EMPLOYED,
    modified_duties_possible: ONLY_WHEN_EMPLOYED,
    work_harms_back_belief: ONLY_WHEN_EMPLOYED,
    rtw_expectation: ONLY_WHEN_EMPLOYED,
    employer_contact_consent: ONLY_WHEN_EMPLOYED,
  },
  // The axial SpA criteria count only behind their gate (reference.md §15, NICE NG65), and the
  // default pathway's complete red-flag screen needs them only then.
  red_flags: Object.fromEntries(
    RED_FLAGS_AXSPA_CRITERIA.map((key) => [
      key,
      { askedIf: { item: RED_FLAGS_AXSPA_GATE, in: [1] } } satisfies ItemRule,
    ]),
  ),
};

const ruleOf = (instrument: InstrumentId, key: string): ItemRule =>
  ITEM_RULES[instrument]?.[key] ?? {};

/** One questionnaire as the patient answers it: the site's words with the rules above. */
export function toQuestionnaire(instrument: Instrument, text: QuestionnaireText): Questionnaire {
  const { definition } = instrument;
  return {
    instrument: definition.id,
    version: text.version,
    language: text.language,
    wording: text.wording,
    title: text.title,
    recallPeriod: text.recallPeriod,
    instructions: text.instructions ?? null,
    items: definition.items.map((item, index) => {
      const words = text.items[index];
      if (words?.key !== item.key) throw new Error(`${definition.id}: text out of step`);
      const rule = ruleOf(definition.id, item.key);
      return {
        key: item.key,
        text: words.text,
        kind: item.kind,
        options:
          item.kind === 'choice' ? words.options.map(({ code, label }) => ({ code, label })) : [],
        min: item.kind === 'integer' ? item.min : null,
        max: item.kind === 'integer' ? item.max : null,
        unit: item.kind === 'integer' ? (item.unit ?? null) : null,
        anchors: words.anchors ?? (item.kind === 'integer' ? (item.anchors ?? null) : null),
        required: rule.required ?? true,
        askedIf: rule.askedIf ?? null,
      };
    }),
  };
}

/** Whether the item is asked, given the answers so far. */
export function isAsked(askedIf: AskedIf | null | undefined, answers: ItemAnswers): boolean {
  if (askedIf === null || askedIf === undefined) return true;
  const answer = answers[askedIf.item];
  return answer !== null && answer !== undefined && askedIf.in.includes(answer);
}

/** A problem with one item of a complete submission. */
export interface CompletenessIssue {
  readonly key: string;
  readonly message: string;
}

/**
 * What keeps a submission from being complete: a required item that is asked but not answered,
 * or an answer to an item that is not asked (the client must send those as not answered).
 */
export function completenessIssues(
  instrumentId: string,
  answers: ItemAnswers,
): CompletenessIssue[] {
  const instrument = findInstrument(instrumentId);
  if (instrument === undefined) return [{ key: instrumentId, message: 'unknown instrument' }];
  const issues: CompletenessIssue[] = [];
  for (const item of instrument.definition.items) {
    const rule = ruleOf(instrument.definition.id, item.key);
    const answer = answers[item.key];
    const answered = answer !== null && answer !== undefined;
    if (isAsked(rule.askedIf, answers)) {
      if (!answered && rule.required !== false) issues.push({ key: item.key, message: 'required' });
    } else if (answered) {
      const gate = rule.askedIf;
      issues.push({
        key: item.key,
        message: `not asked: only when "${gate?.item ?? ''}" is ${gate?.in.join(' or ') ?? ''}`,
      });
    }
  }
  return issues;
}
