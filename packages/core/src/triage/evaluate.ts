import {
  FLAG_COLOURS,
  REFERRAL_FOR_URGENCY,
  URGENCY_ORDER,
  type Because,
  type FlagColour,
  type InstrumentId,
  type PlanItem,
  type RawAnswers,
  type Scalar,
  type ScoreValue,
  type TriageContext,
  type TriageFlag,
  type TriageFlags,
  type UndeterminedRule,
  type Urgency,
} from '@workup/contracts';
import { evaluateCondition, type EvaluationContext } from './condition';
import type { LoadedPathway } from './load';
import type { FactRef } from './refs';

/** What a pathway looks at: raw answers and scores per instrument, and the context. */
export interface TriageFacts {
  readonly answers: Partial<Record<InstrumentId, RawAnswers>>;
  /** Each instrument's scores; null when its missing-data rule did not allow scoring. */
  readonly scores: Partial<Record<InstrumentId, Readonly<Record<string, ScoreValue>> | null>>;
  readonly context: TriageContext;
}

/** The part of a triage result that the pathway decides. */
export interface PathwayEvaluation {
  readonly flags: TriageFlags;
  readonly urgency: Urgency;
  readonly plan: PlanItem[];
  readonly undetermined: UndeterminedRule[];
}

/** Higher is more pressing: none 0 … emergency 4. */
export function urgencyRank(urgency: Urgency): number {
  return URGENCY_ORDER.length - 1 - URGENCY_ORDER.indexOf(urgency);
}

function scalarOrNull(value: unknown): Scalar | null {
  return typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean'
    ? value
    : null;
}

/** A fact's value from the facts; anything absent, null or not a single value is missing. */
export function lookupFact(facts: TriageFacts, ref: FactRef): Scalar | null {
  switch (ref.kind) {
    case 'answer':
      return scalarOrNull(facts.answers[ref.instrument]?.[ref.key]);
    case 'score':
      return scalarOrNull(facts.scores[ref.instrument]?.[ref.key]);
    case 'context':
      return scalarOrNull(facts.context[ref.key]);
  }
}

interface Collected {
  readonly title: string;
  readonly because: Because[];
}

function addBecause(target: Collected, because: Because): void {
  if (!target.because.some((entry) => entry.rule === because.rule)) target.because.push(because);
}

/**
 * Runs a pathway's rules, in order, over the facts. A rule fires when its condition is true
 * (a missing value makes a comparison unknown, and an unknown rule does not fire but is listed
 * in `undetermined` with the missing facts). Firing raises flags, sets urgency (the most
 * pressing wins), adds plan components and may put the plan on hold. The plan follows the
 * pathway's component order; when urgency is emergency or urgent it leads with the referral
 * (added if no rule added it) and the rest waits for the clinician, as it does after a hold.
 * Pure and deterministic: the same facts give the same result, whatever their key order.
 */
export function evaluatePathway(pathway: LoadedPathway, facts: TriageFacts): PathwayEvaluation {
  const raised = new Map<string, Collected>();
  const components = new Map<string, Collected>();
  const urgencyBecause = new Map<Urgency, Because[]>();
  const undetermined: UndeterminedRule[] = [];
  let urgency: Urgency = 'none';
  let hold = false;

  const context: EvaluationContext = {
    fact: (ref) => lookupFact(facts, ref),
    flag: (ref) =>
      ref.includes('.')
        ? raised.has(ref)
        : [...raised.keys()].some((key) => key.startsWith(`${ref}.`)),
    def: (name) => {
      // A definition may read flags, so it is evaluated where it is used, never cached.
      const definition = pathway.definitions.get(name);
      if (definition === undefined) throw new Error(`unknown definition "${name}"`);
      return evaluateCondition(definition.when, context);
    },
  };

  for (const rule of pathway.definition.rules) {
    const outcome = evaluateCondition(rule.when, context);
    if (outcome.truth === 'unknown') {
      undetermined.push({
        rule: rule.id,
        missing: outcome.evidence.filter((entry) => entry.value === null),
      });
    }
    if (outcome.truth !== true) continue;
    const because: Because = { rule: rule.id, evidence: [...outcome.evidence] };
    for (const action of rule.then) {
      if ('raise' in action) {
        const declared = pathway.flags.get(action.raise);
        if (declared === undefined) throw new Error(`undeclared flag "${action.raise}"`);
        const entry = raised.get(action.raise) ?? { title: declared.title, because: [] };
        addBecause(entry, because);
        raised.set(action.raise, entry);
      } else if ('urgency' in action) {
        if (urgencyRank(action.urgency) > urgencyRank(urgency)) urgency = action.urgency;
        urgencyBecause.set(action.urgency, [
          ...(urgencyBecause.get(action.urgency) ?? []),
          because,
        ]);
      } else if ('add' in action) {
        const declared = pathway.components.get(action.add);
        if (declared === undefined) throw new Error(`undeclared component "${action.add}"`);
        const entry = components.get(action.add) ?? {
          title: action.title ?? declared.component.title,
          because: [],
        };
        addBecause(entry, because);
        components.set(action.add, entry);
      } else {
        hold = true;
      }
    }
  }

  const leading: string[] = [];
  if (urgency === 'emergency' || urgency === 'urgent') {
    for (const level of ['emergency', 'urgent'] as const) {
      const referral = REFERRAL_FOR_URGENCY[level];
      const reasons = urgencyBecause.get(level) ?? [];
      if (reasons.length === 0 && !components.has(referral)) continue;
      if (!components.has(referral)) {
        const declared = pathway.components.get(referral);
        if (declared === undefined) throw new Error(`undeclared component "${referral}"`);
        components.set(referral, { title: declared.component.title, because: [...reasons] });
      }
      leading.push(referral);
    }
  }
  const waiting = hold || urgency === 'emergency' || urgency === 'urgent';
  const order = (code: string) => pathway.components.get(code)?.order ?? Number.MAX_SAFE_INTEGER;
  const rest = [...components.keys()]
    .filter((code) => !leading.includes(code))
    .sort((a, b) => order(a) - order(b));
  const plan: PlanItem[] = [...leading, ...rest].map((code) => {
    const entry = components.get(code);
    if (entry === undefined) throw new Error(`no component "${code}"`);
    // The referral that urgency calls for never waits, not even after a hold.
    const isLeadingReferral = leading.includes(code);
    return {
      code,
      title: entry.title,
      status: waiting && !isLeadingReferral ? 'waiting_for_clinician' : 'proposed',
      because: entry.because,
    };
  });

  const flags = Object.fromEntries(
    FLAG_COLOURS.map((colour) => [colour, [] as TriageFlag[]]),
  ) as Record<FlagColour, TriageFlag[]>;
  for (const [ref, entry] of raised) {
    const [colour, code] = ref.split('.') as [FlagColour, string];
    flags[colour].push({ code, title: entry.title, because: entry.because });
  }
  return { flags, urgency, plan, undetermined };
}
