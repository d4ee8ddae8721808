import {
  Eq5d3lScoresSchema,
  MotivationScoresSchema,
  OdiScoresSchema,
  Ompsq10ScoresSchema,
  PainNrsScoresSchema,
  RedFlagsScoresSchema,
  SbtScoresSchema,
  WorkScoresSchema,
  type InstrumentResult,
} from '@workup/contracts';

/**
 * What the clinician reads for one stored result: a few labelled values and, where the
 * instrument has one, the group or band it falls in. Keys name i18n texts (`scores.*`).
 */
export const LINE_LABELS = [
  'total',
  'psychosocial',
  'riskGroup',
  'percent',
  'band',
  'profile',
  'index',
  'vas',
  'back',
  'leg',
  'importance',
  'confidence',
  'readiness',
  'urgency',
] as const;
export type LineLabel = (typeof LINE_LABELS)[number];

export const CODE_LABELS = ['motivationLow', 'blue', 'black', 'suspected'] as const;
export type CodeLabel = (typeof CODE_LABELS)[number];

export interface ScoreLine {
  /** A known label (i18n `results.labels.*`), or null for a score shown by its own key. */
  readonly label: LineLabel | null;
  readonly name: string;
  readonly value: string;
  /** A group or band whose i18n key is `value` under this namespace (`risk`, `odiBand`...). */
  readonly tag?: 'risk' | 'odiBand' | 'urgency';
}

export interface ResultSummary {
  readonly lines: readonly ScoreLine[];
  /** Codes listed under the values (work indicators, suspected red-flag conditions). */
  readonly codes: readonly { readonly label: CodeLabel; readonly codes: readonly string[] }[];
}

const shown = (value: number | null, suffix = '') =>
  value === null ? '–' : `${String(value)}${suffix}`;

/**
 * The values of a result in the order a clinician reads them. Unknown instruments show their
 * scores as they are; a result that could not be scored shows nothing.
 */
export function summariseResult(result: InstrumentResult): ResultSummary {
  const scores = result.scores;
  if (scores === null) return { lines: [], codes: [] };
  switch (result.instrument) {
    case 'sbt': {
      const s = SbtScoresSchema.parse(scores);
      return {
        lines: [
          { label: 'total', name: 'total', value: `${String(s.total)} / 9` },
          { label: 'psychosocial', name: 'psychosocial', value: `${String(s.psychosocial)} / 5` },
          { label: 'riskGroup', name: 'riskGroup', value: s.risk, tag: 'risk' },
        ],
        codes: [],
      };
    }
    case 'ompsq10': {
      const s = Ompsq10ScoresSchema.parse(scores);
      return {
        lines: [
          { label: 'total', name: 'total', value: `${String(s.total)} / 100` },
          { label: 'riskGroup', name: 'riskGroup', value: s.risk, tag: 'risk' },
        ],
        codes: [],
      };
    }
    case 'odi': {
      const s = OdiScoresSchema.parse(scores);
      return {
        lines: [
          { label: 'percent', name: 'percent', value: `${s.percent.toFixed(1)} %` },
          { label: 'band', name: 'band', value: s.band, tag: 'odiBand' },
        ],
        codes: [],
      };
    }
    case 'eq5d3l': {
      const s = Eq5d3lScoresSchema.parse(scores);
      return {
        lines: [
          { label: 'profile', name: 'profile', value: s.profile ?? '–' },
          { label: 'index', name: 'index', value: s.index === null ? '–' : s.index.toFixed(3) },
          { label: 'vas', name: 'vas', value: shown(s.vas, ' / 100') },
        ],
        codes: [],
      };
    }
    case 'pain_nrs': {
      const s = PainNrsScoresSchema.parse(scores);
      return {
        lines: [
          { label: 'back', name: 'back', value: shown(s.back, ' / 10') },
          { label: 'leg', name: 'leg', value: shown(s.leg, ' / 10') },
        ],
        codes: [],
      };
    }
    case 'motivation': {
      const s = MotivationScoresSchema.parse(scores);
      return {
        lines: [
          { label: 'importance', name: 'importance', value: shown(s.importance, ' / 10') },
          { label: 'confidence', name: 'confidence', value: shown(s.confidence, ' / 10') },
          { label: 'readiness', name: 'readiness', value: shown(s.readiness, ' / 10') },
        ],
        codes: s.low ? [{ label: 'motivationLow', codes: [] }] : [],
      };
    }
    case 'work': {
      const s = WorkScoresSchema.parse(scores);
      return {
        lines: [],
        codes: [
          { label: 'blue', codes: s.blue },
          { label: 'black', codes: s.black },
        ],
      };
    }
    case 'red_flags': {
      const s = RedFlagsScoresSchema.parse(scores);
      const suspected = Object.entries(s.suspicion)
        .filter(([, yes]) => yes)
        .map(([condition]) => condition);
      return {
        lines: [{ label: 'urgency', name: 'urgency', value: s.urgency, tag: 'urgency' }],
        codes: [{ label: 'suspected', codes: suspected }],
      };
    }
    default:
      return {
        lines: Object.entries(scores).map(([name, value]) => ({
          label: null,
          name,
          value: typeof value === 'object' ? JSON.stringify(value) : String(value),
        })),
        codes: [],
      };
  }
}

/**
 * Minimal important change (reference.md §5 and §14, Ostelo et al. Spine 2008 [V2]): ODI 10
 * points or 30 % improvement from baseline; pain NRS 2 points or 30 %. Worsening is counted
 * on the points alone.
 */
export const MIC = {
  odi: { points: 10, percent: 30 },
  pain_nrs: { points: 2, percent: 30 },
} as const;

export type ChangeVerdict = 'improved' | 'worsened' | 'no_important_change';

export interface Change {
  readonly measure: 'odi' | 'back' | 'leg';
  readonly from: number;
  readonly to: number;
  readonly verdict: ChangeVerdict;
}

/**
 * Compares in whole tenths, so 38.9 − 28.9 is exactly 10 points and 6 of 20 exactly 30 %.
 */
export function verdictOf(
  from: number,
  to: number,
  mic: { readonly points: number; readonly percent: number },
): ChangeVerdict {
  const fromTenths = Math.round(from * 10);
  const toTenths = Math.round(to * 10);
  const drop = fromTenths - toTenths;
  const points = mic.points * 10;
  if (drop > 0 && (drop >= points || drop * 100 >= mic.percent * fromTenths)) return 'improved';
  if (-drop >= points) return 'worsened';
  return 'no_important_change';
}

/**
 * The change from the first result to the latest of an instrument with a minimal important
 * change (ODI, pain), or none when there is only one result or no such instrument.
 */
export function importantChanges(results: readonly InstrumentResult[]): Change[] {
  const of = (instrument: string) =>
    results.filter((result) => result.instrument === instrument && result.scores !== null);
  const changes: Change[] = [];
  const odi = of('odi');
  const [firstOdi, lastOdi] = [odi[0], odi.at(-1)];
  if (odi.length > 1 && firstOdi !== undefined && lastOdi !== undefined) {
    const from = OdiScoresSchema.parse(firstOdi.scores).percent;
    const to = OdiScoresSchema.parse(lastOdi.scores).percent;
    changes.push({ measure: 'odi', from, to, verdict: verdictOf(from, to, MIC.odi) });
  }
  const pain = of('pain_nrs');
  const [firstPain, lastPain] = [pain[0], pain.at(-1)];
  if (pain.length > 1 && firstPain !== undefined && lastPain !== undefined) {
    const from = PainNrsScoresSchema.parse(firstPain.scores);
    const to = PainNrsScoresSchema.parse(lastPain.scores);
    for (const measure of ['back', 'leg'] as const) {
      const a = from[measure];
      const b = to[measure];
      if (a === null || b === null) continue;
      changes.push({
        measure,
        from: a,
        to: b,
        verdict: verdictOf(a, b, MIC.pain_nrs),
      });
    }
  }
  return changes;
}

/** The latest result of each instrument, in the order the instruments were first answered. */
export function latestByInstrument(results: readonly InstrumentResult[]): InstrumentResult[] {
  const latest = new Map<string, InstrumentResult>();
  for (const result of results) {
    const held = latest.get(result.instrument);
    if (held === undefined || held.submittedAt <= result.submittedAt) {
      latest.delete(result.instrument);
      latest.set(result.instrument, result);
    }
  }
  const order = [...new Set(results.map((result) => result.instrument))];
  return order.flatMap((instrument) => {
    const result = latest.get(instrument);
    return result === undefined ? [] : [result];
  });
}
