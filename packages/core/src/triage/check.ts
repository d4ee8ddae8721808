import {
  REFERRAL_FOR_URGENCY,
  SBT_RISK_GROUPS,
  URGENCY_ORDER,
  type Condition,
  type Pathway,
  type PathwayCheckReport,
  type PathwayFinding,
  type Scalar,
  type Urgency,
  comparisonOperators,
} from '@workup/contracts';
import { findInstrument } from '../instruments/registry';
import { contentHash } from './hash';
import { leafFact, subconditions } from './condition';
import { urgencyRank } from './evaluate';
import { parsePathway } from './load';
import { splitRef } from './refs';
import {
  and,
  describeAssignment,
  fires,
  not,
  or,
  PathwayModel,
  solve,
  type Assignment,
  type Statement,
} from './solver';
import { validateInstrumentOptions, validateReferences } from './validate';

type Path = (string | number)[];

function finding(
  severity: PathwayFinding['severity'],
  code: string,
  message: string,
  path: Path,
  extra: { rule?: string; example?: Record<string, unknown> } = {},
): PathwayFinding {
  return { severity, code, message, path, ...extra };
}

/** Sick-leave situations the coverage check tries (contracts.md §3 work items). */
export const SICK_LEAVE_STATUSES = {
  /** At work, no sick leave. */
  none: { degree: 0, days: 0 },
  /** Off work for two weeks: under NICE PH19's four weeks (reference.md §23.1). */
  short: { degree: 100, days: 14 },
  /** Off work for about two months: long-term (>= 4 weeks) but under SWAP's 6 months (§19). */
  long: { degree: 100, days: 60 },
  /** Off work for over 6 months (§19: outside SWAP's criteria). */
  over_six_months: { degree: 100, days: 200 },
} as const;

interface Scenario {
  readonly label: string;
  readonly fixed: Assignment;
}

function scenarios(model: PathwayModel): Scenario[] {
  const result: Scenario[] = [];
  const known = (name: string) => model.variables.has(name);
  const set = (assignment: Assignment, name: string, value: Scalar | null) => {
    if (known(name)) assignment.set(name, value);
  };
  for (const risk of [...SBT_RISK_GROUPS, null]) {
    for (const employed of [true, false]) {
      for (const [status, leave] of Object.entries(SICK_LEAVE_STATUSES)) {
        const fixed: Assignment = new Map();
        set(fixed, 'sbt.risk', risk);
        set(fixed, 'context.employed', employed);
        set(fixed, 'work.employed', employed ? 1 : 0);
        set(fixed, 'work.sick_leave_degree', leave.degree);
        set(fixed, 'work.sick_leave_days', leave.days);
        result.push({
          label: `SBT risk ${risk ?? 'missing'}, ${employed ? 'employed' : 'not employed'}, sick leave ${status}`,
          fixed,
        });
      }
    }
  }
  return result;
}

/** Polarity of each red-flag answer in a condition: does a finding push it towards true? */
function nonMonotoneItems(model: PathwayModel, index: number): string[] {
  const decreasing = new Set<string>();
  const seen = new Set<string>();
  const leafDirection = (condition: Condition): 'up' | 'down' | 'both' | undefined => {
    const ref = leafFact(condition);
    if (ref?.kind !== 'answer' || ref.instrument !== 'red_flags' || 'answered' in condition)
      return undefined;
    const [operator] = comparisonOperators(condition as never);
    const comparison = condition as Record<string, unknown>;
    const value = operator === undefined ? undefined : comparison[operator];
    switch (operator) {
      case 'eq':
        return value === 1 ? 'up' : 'down';
      case 'ne':
        return value === 1 ? 'down' : 'up';
      case 'gt':
      case 'gte':
        return 'up';
      case 'lt':
      case 'lte':
        return 'down';
      case 'in':
        return Array.isArray(value) && value.includes(1) && !value.includes(0) ? 'up' : 'both';
      default:
        return undefined;
    }
  };
  const visit = (condition: Condition, positive: boolean, at: number): void => {
    if ('all' in condition || 'any' in condition) {
      for (const part of subconditions(condition)) visit(part, positive, at);
    } else if ('not' in condition) visit(condition.not, !positive, at);
    else if ('def' in condition) visit(model.definition(condition.def), positive, at);
    else if ('flag' in condition) {
      for (const raiser of model.raisersBefore(condition.flag, at)) {
        const key = `${raiser}:${positive}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const rule = model.pathway.rules[raiser];
        if (rule !== undefined) visit(rule.when, positive, raiser);
      }
    } else if ('count' in condition) {
      const [operator] = comparisonOperators(condition);
      const mode =
        operator === 'gt' || operator === 'gte'
          ? [positive]
          : operator === 'lt' || operator === 'lte'
            ? [!positive]
            : [true, false];
      for (const part of condition.count) for (const sign of mode) visit(part, sign, at);
    } else {
      const direction = leafDirection(condition);
      const ref = leafFact(condition);
      if (direction === undefined || ref === undefined) return;
      if (direction === 'both' || (direction === 'down') === positive) decreasing.add(ref.key);
    }
  };
  const rule = model.pathway.rules[index];
  if (rule !== undefined) visit(rule.when, true, index);
  return [...decreasing].sort();
}

function flagOrderFindings(pathway: Pathway, model: PathwayModel): PathwayFinding[] {
  const findings: PathwayFinding[] = [];
  const raisers = (ref: string) =>
    pathway.rules.flatMap((rule, index) =>
      rule.then.some(
        (action) =>
          'raise' in action && (action.raise === ref || action.raise.startsWith(`${ref}.`)),
      )
        ? [index]
        : [],
    );
  pathway.rules.forEach((rule, index) => {
    const visit = (condition: Condition, path: Path): void => {
      if ('all' in condition)
        condition.all.forEach((part, i) => {
          visit(part, [...path, 'all', i]);
        });
      else if ('any' in condition)
        condition.any.forEach((part, i) => {
          visit(part, [...path, 'any', i]);
        });
      else if ('count' in condition)
        condition.count.forEach((part, i) => {
          visit(part, [...path, 'count', i]);
        });
      else if ('not' in condition) visit(condition.not, [...path, 'not']);
      else if ('def' in condition) visit(model.definition(condition.def), path);
      else if ('flag' in condition) {
        const all = raisers(condition.flag);
        const before = all.filter((raiser) => raiser < index);
        const after = all
          .filter((raiser) => raiser >= index)
          .map((raiser) => pathway.rules[raiser]?.id ?? '');
        if (before.length === 0) {
          findings.push(
            finding(
              'error',
              'flag_not_raised_before',
              `no rule before "${rule.id}" raises ${condition.flag}${after.length > 0 ? ` (only later ones: ${after.join(', ')})` : ''}; the condition is always false here`,
              [...path, 'flag'],
              { rule: rule.id },
            ),
          );
        } else if (after.length > 0) {
          findings.push(
            finding(
              'warning',
              'flag_raised_later',
              `"${rule.id}" sees ${condition.flag} flags of earlier rules only; ${after.join(', ')} come later`,
              [...path, 'flag'],
              { rule: rule.id },
            ),
          );
        }
      }
    };
    visit(rule.when, ['rules', index, 'when']);
  });
  return findings;
}

function componentAdders(pathway: Pathway, code: string): number[] {
  return pathway.rules.flatMap((rule, index) =>
    rule.then.some((action) => 'add' in action && action.add === code) ? [index] : [],
  );
}

function urgencySetters(pathway: Pathway, predicate: (urgency: Urgency) => boolean): number[] {
  return pathway.rules.flatMap((rule, index) =>
    rule.then.some((action) => 'urgency' in action && predicate(action.urgency)) ? [index] : [],
  );
}

/** The statement "the final urgency is `urgency`". */
export function urgencyIs(pathway: Pathway, urgency: Urgency): Statement {
  const rank = urgencyRank(urgency);
  const higher = urgencySetters(pathway, (level) => urgencyRank(level) > rank).map(fires);
  const none =
    higher.length === 0 ? ({ kind: 'constant', value: true } as const) : not(or(...higher));
  if (urgency === 'none') return none;
  const setters = urgencySetters(pathway, (level) => level === urgency).map(fires);
  if (setters.length === 0) return { kind: 'constant', value: false };
  return and(or(...setters), none);
}

export interface CheckOptions {
  /** Search steps per question before it is reported as undecided. */
  readonly budget?: number;
}

/**
 * The static check of a pathway (`workup pathway check`): every reference known (the errors
 * `loadPathway` refuses), flags used only after a rule raises them, no unreachable rule, no
 * contradictory rules (components that exclude each other, or one without a component it
 * requires), and coverage: for every STarT Back risk (or none) × urgency × employment ×
 * sick-leave status, no input gives an empty plan. Warnings: urgency that can fall when a
 * red-flag finding is added, conflicting titles, unused flags and components.
 */
export function checkPathway(json: unknown, options: CheckOptions = {}): PathwayCheckReport {
  const parsed = parsePathway(json);
  const emptyCoverage = { combinations: 0, emptyPlans: 0, unreachable: 0 };
  if (!parsed.ok) {
    return {
      pathway: { id: '', version: '', hash: '' },
      ok: false,
      findings: parsed.issues.map((issue) =>
        finding('error', 'schema', issue.message, [...issue.path]),
      ),
      coverage: emptyCoverage,
    };
  }
  const pathway = parsed.pathway;
  const header = { id: pathway.id, version: pathway.version, hash: contentHash(pathway) };
  const findings: PathwayFinding[] = [
    ...validateReferences(pathway),
    ...validateInstrumentOptions(pathway),
  ];
  if (findings.some((entry) => entry.severity === 'error')) {
    return { pathway: header, ok: false, findings, coverage: emptyCoverage };
  }
  const model = new PathwayModel(pathway);
  const budget = options.budget ?? 200_000;
  // Scenario facts a statement does not read cannot change its answer: ask once per question.
  const answers = new Map<string, ReturnType<typeof solve>>();
  const ask = (statement: Statement, fixed: Assignment = new Map()) => {
    const read = new Set(model.dependencies(statement).map((variable) => variable.name));
    const relevant: Assignment = new Map([...fixed].filter(([name]) => read.has(name)));
    const key = JSON.stringify([statement, [...relevant]]);
    const cached = answers.get(key);
    if (cached !== undefined) return cached;
    const result = solve(model, statement, relevant, budget);
    answers.set(key, result);
    return result;
  };
  const example = (assignment: Assignment) => describeAssignment(model, assignment);

  findings.push(...flagOrderFindings(pathway, model));

  const notRegistered = new Set<string>();
  const noteInstrument = (ref: string) => {
    const { instrument } = splitRef(ref);
    if (findInstrument(instrument) === undefined) notRegistered.add(instrument);
  };
  const walk = (condition: Condition): void => {
    for (const part of subconditions(condition)) walk(part);
    if ('answer' in condition) noteInstrument(condition.answer);
    else if ('answered' in condition) noteInstrument(condition.answered);
    else if ('score' in condition) noteInstrument(condition.score);
    else if ('scored' in condition) noteInstrument(condition.scored);
  };
  pathway.rules.forEach((rule) => {
    walk(rule.when);
  });
  (pathway.definitions ?? []).forEach((definition) => {
    walk(definition.when);
  });
  for (const instrument of [...notRegistered].sort()) {
    findings.push(
      finding(
        'info',
        'instrument_not_registered',
        `${instrument} is not registered yet: its item codes are not known, so the checker assumes any whole number, and triage refuses its responses until it is`,
        [],
      ),
    );
  }

  // Unreachable rules.
  pathway.rules.forEach((rule, index) => {
    const result = ask(fires(index));
    if (result.status === 'possible') return;
    if (result.status === 'impossible') {
      findings.push(
        finding(
          'error',
          'unreachable_rule',
          `rule "${rule.id}" can never fire: no input makes its condition true`,
          ['rules', index, 'when'],
          { rule: rule.id },
        ),
      );
    } else {
      findings.push(
        finding(
          'warning',
          'undecided',
          `could not decide within the search budget whether rule "${rule.id}" can fire`,
          ['rules', index],
          { rule: rule.id },
        ),
      );
    }
  });

  // Contradictory rules: components that exclude each other in one plan.
  const components = new Map(pathway.components.map((component) => [component.code, component]));
  const reported = new Set<string>();
  for (const component of pathway.components) {
    for (const other of component.excludes ?? []) {
      const pair = [component.code, other].sort().join('|');
      if (reported.has(pair)) continue;
      reported.add(pair);
      for (const a of componentAdders(pathway, component.code)) {
        for (const b of componentAdders(pathway, other)) {
          const result = ask(and(fires(a), fires(b)));
          if (result.status !== 'possible') continue;
          const ruleA = pathway.rules[a]?.id ?? '';
          const ruleB = pathway.rules[b]?.id ?? '';
          findings.push(
            finding(
              'error',
              'contradictory_rules',
              a === b
                ? `rule "${ruleA}" adds both ${component.code} and ${other}, which exclude each other`
                : `rules "${ruleA}" (${component.code}) and "${ruleB}" (${other}) can both fire, but ${component.code} excludes ${other}`,
              ['rules', a],
              { rule: ruleA, example: example(result.example) },
            ),
          );
        }
      }
    }
  }
  // A component without one it requires.
  for (const component of pathway.components) {
    for (const required of component.requires ?? []) {
      const providers = componentAdders(pathway, required).map(fires);
      for (const adder of componentAdders(pathway, component.code)) {
        const statement =
          providers.length === 0 ? fires(adder) : and(fires(adder), not(or(...providers)));
        const result = ask(statement);
        if (result.status !== 'possible') continue;
        const id = pathway.rules[adder]?.id ?? '';
        findings.push(
          finding(
            'error',
            'missing_required_component',
            `rule "${id}" can add ${component.code} without ${required}, which it requires`,
            ['rules', adder],
            { rule: id, example: example(result.example) },
          ),
        );
      }
    }
  }
  // Two titles for one component in one plan.
  for (const code of components.keys()) {
    const adders = componentAdders(pathway, code);
    const titleOf = (index: number) => {
      const action = pathway.rules[index]?.then.find(
        (entry) => 'add' in entry && entry.add === code,
      );
      return action !== undefined && 'add' in action
        ? (action.title ?? components.get(code)?.title)
        : undefined;
    };
    for (let i = 0; i < adders.length; i += 1) {
      for (let j = i + 1; j < adders.length; j += 1) {
        const a = adders[i] ?? 0;
        const b = adders[j] ?? 0;
        if (titleOf(a) === titleOf(b)) continue;
        const result = ask(and(fires(a), fires(b)));
        if (result.status !== 'possible') continue;
        const ruleA = pathway.rules[a]?.id ?? '';
        const ruleB = pathway.rules[b]?.id ?? '';
        findings.push(
          finding(
            'warning',
            'conflicting_titles',
            `rules "${ruleA}" and "${ruleB}" can both add ${code} with different titles; the first rule's title is used`,
            ['rules', b],
            { rule: ruleB, example: example(result.example) },
          ),
        );
      }
    }
  }

  pathway.rules.forEach((rule, index) => {
    for (const action of rule.then) {
      if (!('urgency' in action)) continue;
      const referral = (REFERRAL_FOR_URGENCY as Partial<Record<Urgency, string>>)[action.urgency];
      if (
        referral !== undefined &&
        !rule.then.some((entry) => 'add' in entry && entry.add === referral)
      ) {
        findings.push(
          finding(
            'warning',
            'referral_not_added',
            `rule "${rule.id}" sets urgency ${action.urgency} without adding ${referral}; triage adds it to lead the plan`,
            ['rules', index, 'then'],
            { rule: rule.id },
          ),
        );
      }
      const items = nonMonotoneItems(model, index);
      if (items.length > 0) {
        findings.push(
          finding(
            'warning',
            'urgency_not_monotone',
            `rule "${rule.id}" sets urgency ${action.urgency} with a condition that can stop holding when a red-flag finding is added (${items.join(', ')}): adding a finding may lower the urgency`,
            ['rules', index, 'when'],
            { rule: rule.id },
          ),
        );
      }
    }
  });

  // Unused declarations.
  pathway.flags.forEach((flag, index) => {
    const ref = `${flag.colour}.${flag.code}`;
    if (
      !pathway.rules.some((rule) =>
        rule.then.some((action) => 'raise' in action && action.raise === ref),
      )
    ) {
      findings.push(finding('warning', 'unused_flag', `no rule raises ${ref}`, ['flags', index]));
    }
  });
  const referralsInUse = new Set(
    pathway.rules.flatMap((rule) =>
      rule.then.flatMap((action) => {
        if (!('urgency' in action)) return [];
        const referral = (REFERRAL_FOR_URGENCY as Partial<Record<Urgency, string>>)[action.urgency];
        return referral === undefined ? [] : [referral];
      }),
    ),
  );
  pathway.components.forEach((component, index) => {
    if (
      componentAdders(pathway, component.code).length === 0 &&
      !referralsInUse.has(component.code)
    ) {
      findings.push(
        finding('warning', 'unused_component', `no rule adds ${component.code}`, [
          'components',
          index,
        ]),
      );
    }
  });

  // Coverage: every combination gives a non-empty plan.
  const adders = pathway.rules.flatMap((rule, index) =>
    rule.then.some((action) => 'add' in action) ? [index] : [],
  );
  const emptyPlan: Statement =
    adders.length === 0 ? { kind: 'constant', value: true } : not(or(...adders.map(fires)));
  let combinations = 0;
  let emptyPlans = 0;
  let unreachable = 0;
  for (const scenario of scenarios(model)) {
    for (const urgency of URGENCY_ORDER) {
      combinations += 1;
      const target = urgencyIs(pathway, urgency);
      const reach = ask(target, scenario.fixed);
      if (reach.status === 'impossible') {
        unreachable += 1;
        continue;
      }
      // With emergency or urgent, triage leads the plan with the referral: never empty.
      if (urgency === 'emergency' || urgency === 'urgent') continue;
      const empty = ask(and(target, emptyPlan), scenario.fixed);
      if (empty.status === 'impossible') continue;
      emptyPlans += 1;
      findings.push(
        finding(
          empty.status === 'possible' ? 'error' : 'warning',
          empty.status === 'possible' ? 'empty_plan' : 'undecided',
          empty.status === 'possible'
            ? `${scenario.label}, urgency ${urgency}: this input gives an empty plan`
            : `${scenario.label}, urgency ${urgency}: could not decide within the search budget whether the plan can be empty`,
          ['rules'],
          empty.status === 'possible' ? { example: example(empty.example) } : {},
        ),
      );
    }
  }
  const unreachableLevels = URGENCY_ORDER.filter(
    (urgency) =>
      urgency !== 'none' && urgencySetters(pathway, (level) => level === urgency).length === 0,
  );
  if (unreachableLevels.length > 0) {
    findings.push(
      finding('info', 'urgency_never_set', `no rule sets urgency ${unreachableLevels.join(', ')}`, [
        'rules',
      ]),
    );
  }
  return {
    pathway: header,
    ok: !findings.some((entry) => entry.severity === 'error'),
    findings,
    coverage: { combinations, emptyPlans, unreachable },
  };
}
