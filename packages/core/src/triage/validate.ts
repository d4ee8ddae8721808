import {
  comparisonOperators,
  REFERRAL_FOR_URGENCY,
  type Comparison,
  type Condition,
  type Pathway,
  type PathwayFinding,
  type Scalar,
} from '@workup/contracts';
import { findInstrument } from '../instruments/registry';
import {
  answerDomain,
  contextDomain,
  isInstrumentIdString,
  isItemKey,
  isStandardContextKey,
  lookupScore,
  splitRef,
  type Domain,
} from './refs';

type Path = (string | number)[];

function error(code: string, message: string, path: Path, rule?: string): PathwayFinding {
  return { severity: 'error', code, message, path, ...(rule === undefined ? {} : { rule }) };
}

function warning(code: string, message: string, path: Path, rule?: string): PathwayFinding {
  return { severity: 'warning', code, message, path, ...(rule === undefined ? {} : { rule }) };
}

function show(value: Scalar): string {
  return JSON.stringify(value);
}

/** Checks a comparison's constant against the fact's domain: a typo never silently fails. */
function checkComparison(
  name: string,
  domain: Domain,
  comparison: Comparison,
  path: Path,
  rule: string | undefined,
): PathwayFinding[] {
  const [operator] = comparisonOperators(comparison);
  if (operator === undefined) return [];
  const ordered =
    operator === 'lt' || operator === 'lte' || operator === 'gt' || operator === 'gte';
  const constants: Scalar[] =
    operator === 'in'
      ? (comparison.in ?? [])
      : [comparison[operator]].filter((v) => v !== undefined);
  const findings: PathwayFinding[] = [];
  switch (domain.kind) {
    case 'values': {
      if (ordered && !domain.values.every((value) => typeof value === 'number')) {
        findings.push(
          error('not_ordered', `${name} has no order; use eq, ne or in`, [...path, operator], rule),
        );
        break;
      }
      if (ordered) break;
      for (const constant of constants) {
        if (!domain.values.includes(constant)) {
          findings.push(
            error(
              'unknown_value',
              `${show(constant)} is not a value of ${name} (${domain.values.map(show).join(', ')})`,
              [...path, operator],
              rule,
            ),
          );
        }
      }
      break;
    }
    case 'number':
      for (const constant of constants) {
        if (typeof constant !== 'number') {
          findings.push(
            error(
              'wrong_type',
              `${name} is a number, not ${show(constant)}`,
              [...path, operator],
              rule,
            ),
          );
        }
      }
      break;
    case 'string':
      if (ordered) {
        findings.push(
          error('not_ordered', `${name} is text; use eq, ne or in`, [...path, operator], rule),
        );
        break;
      }
      for (const constant of constants) {
        if (typeof constant !== 'string') {
          findings.push(
            error(
              'wrong_type',
              `${name} is text, not ${show(constant)}`,
              [...path, operator],
              rule,
            ),
          );
        }
      }
      break;
  }
  return findings;
}

interface Names {
  readonly flags: ReadonlySet<string>;
  /** Definitions a condition at this place may use (those declared before it, for definitions). */
  readonly defs: ReadonlySet<string>;
}

function checkCondition(
  pathway: Pathway,
  condition: Condition,
  path: Path,
  names: Names,
  rule: string | undefined,
): PathwayFinding[] {
  if ('all' in condition) {
    return condition.all.flatMap((part, index) =>
      checkCondition(pathway, part, [...path, 'all', index], names, rule),
    );
  }
  if ('any' in condition) {
    return condition.any.flatMap((part, index) =>
      checkCondition(pathway, part, [...path, 'any', index], names, rule),
    );
  }
  if ('not' in condition)
    return checkCondition(pathway, condition.not, [...path, 'not'], names, rule);
  if ('count' in condition) {
    const findings = condition.count.flatMap((part, index) =>
      checkCondition(pathway, part, [...path, 'count', index], names, rule),
    );
    const [operator] = comparisonOperators(condition);
    const value = operator === undefined ? undefined : (condition as Comparison)[operator];
    if (typeof value === 'number' && (value < 0 || value > condition.count.length)) {
      findings.push(
        warning(
          'count_out_of_range',
          `the count of ${condition.count.length} conditions is compared with ${value}`,
          path,
          rule,
        ),
      );
    }
    return findings;
  }
  if ('flag' in condition) {
    if (condition.flag.includes('.') && !names.flags.has(condition.flag)) {
      return [
        error(
          'unknown_flag',
          `flag "${condition.flag}" is not declared in "flags"`,
          [...path, 'flag'],
          rule,
        ),
      ];
    }
    return [];
  }
  if ('def' in condition) {
    if (names.defs.has(condition.def)) return [];
    const later = pathway.definitions?.some((definition) => definition.name === condition.def);
    return [
      error(
        'unknown_definition',
        later === true
          ? `definition "${condition.def}" is declared after this one; a definition may use only earlier ones`
          : `definition "${condition.def}" is not declared in "definitions"`,
        [...path, 'def'],
        rule,
      ),
    ];
  }
  if ('context' in condition) {
    const domain = contextDomain(pathway, condition.context);
    if (domain === undefined) {
      return [
        error(
          'unknown_context',
          `context "${condition.context}" is neither age, sex, employed nor declared in "context"`,
          [...path, 'context'],
          rule,
        ),
      ];
    }
    return checkComparison(`context.${condition.context}`, domain, condition, path, rule);
  }
  const [field, ref] =
    'answer' in condition
      ? (['answer', condition.answer] as const)
      : 'answered' in condition
        ? (['answered', condition.answered] as const)
        : 'scored' in condition
          ? (['scored', condition.scored] as const)
          : (['score', condition.score] as const);
  const { instrument, key } = splitRef(ref);
  if (!isInstrumentIdString(instrument)) {
    return [
      error(
        'unknown_instrument',
        `unknown instrument "${instrument}" in "${ref}"`,
        [...path, field],
        rule,
      ),
    ];
  }
  if (field === 'score' || field === 'scored') {
    const lookup = lookupScore(instrument, key);
    if (lookup.status === 'unknown-key') {
      return [
        error(
          'unknown_score',
          `${instrument} has no score "${key}" (its scores: ${lookup.known.join(', ')})`,
          [...path, field],
          rule,
        ),
      ];
    }
    if (lookup.status === 'not-scalar') {
      return [
        error(
          'not_scalar',
          `${ref} is a list or a record; conditions compare single values`,
          [...path, field],
          rule,
        ),
      ];
    }
    if (field === 'scored') return [];
    return checkComparison(ref, lookup.domain, condition as Comparison, path, rule);
  }
  if (!isItemKey(instrument, key)) {
    return [error('unknown_item', `${instrument} has no item "${key}"`, [...path, field], rule)];
  }
  if (field === 'answered') return [];
  return checkComparison(ref, answerDomain(instrument, key), condition as Comparison, path, rule);
}

function duplicates<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, number[]> {
  const seen = new Map<string, number[]>();
  items.forEach((item, index) => {
    const key = keyOf(item);
    seen.set(key, [...(seen.get(key) ?? []), index]);
  });
  return new Map([...seen].filter(([, indexes]) => indexes.length > 1));
}

/**
 * The checks without which a pathway cannot run correctly: unique ids, every instrument, item,
 * score, context key, flag, definition and component it names exists, and every constant fits
 * the value it is compared with. `loadPathway` refuses a pathway with any error here;
 * `checkPathway` reports these first.
 */
export function validateReferences(pathway: Pathway): PathwayFinding[] {
  const findings: PathwayFinding[] = [];
  for (const [id, indexes] of duplicates(pathway.rules, (rule) => rule.id)) {
    for (const index of indexes.slice(1)) {
      findings.push(
        error(
          'duplicate_rule',
          `rule id "${id}" is used more than once`,
          ['rules', index, 'id'],
          id,
        ),
      );
    }
  }
  for (const [ref, indexes] of duplicates(pathway.flags, (flag) => `${flag.colour}.${flag.code}`)) {
    for (const index of indexes.slice(1)) {
      findings.push(
        error('duplicate_flag', `flag "${ref}" is declared more than once`, ['flags', index]),
      );
    }
  }
  for (const [code, indexes] of duplicates(pathway.components, (component) => component.code)) {
    for (const index of indexes.slice(1)) {
      findings.push(
        error('duplicate_component', `component "${code}" is declared more than once`, [
          'components',
          index,
        ]),
      );
    }
  }
  const definitions = pathway.definitions ?? [];
  for (const [name, indexes] of duplicates(definitions, (definition) => definition.name)) {
    for (const index of indexes.slice(1)) {
      findings.push(
        error('duplicate_definition', `definition "${name}" is declared more than once`, [
          'definitions',
          index,
        ]),
      );
    }
  }
  const contextKeys = pathway.context ?? [];
  contextKeys.forEach((entry, index) => {
    if (isStandardContextKey(entry.key)) {
      findings.push(
        error('duplicate_context', `context "${entry.key}" is standard; do not declare it`, [
          'context',
          index,
        ]),
      );
    }
  });
  for (const [key, indexes] of duplicates(contextKeys, (entry) => entry.key)) {
    for (const index of indexes.slice(1)) {
      findings.push(
        error('duplicate_context', `context "${key}" is declared more than once`, [
          'context',
          index,
        ]),
      );
    }
  }

  const flags = new Set(pathway.flags.map((flag) => `${flag.colour}.${flag.code}`));
  const components = new Set(pathway.components.map((component) => component.code));
  const declaredDefs = new Set<string>();
  definitions.forEach((definition, index) => {
    findings.push(
      ...checkCondition(
        pathway,
        definition.when,
        ['definitions', index, 'when'],
        { flags, defs: declaredDefs },
        undefined,
      ),
    );
    declaredDefs.add(definition.name);
  });
  pathway.components.forEach((component, index) => {
    for (const relation of ['requires', 'excludes'] as const) {
      (component[relation] ?? []).forEach((code, position) => {
        if (!components.has(code)) {
          findings.push(
            error('unknown_component', `component "${code}" is not declared in "components"`, [
              'components',
              index,
              relation,
              position,
            ]),
          );
        }
      });
    }
  });
  pathway.rules.forEach((rule, index) => {
    findings.push(
      ...checkCondition(
        pathway,
        rule.when,
        ['rules', index, 'when'],
        { flags, defs: declaredDefs },
        rule.id,
      ),
    );
    rule.then.forEach((action, position) => {
      const path = ['rules', index, 'then', position];
      if ('raise' in action) {
        if (!flags.has(action.raise)) {
          findings.push(
            error(
              'unknown_flag',
              `flag "${action.raise}" is not declared in "flags"`,
              [...path, 'raise'],
              rule.id,
            ),
          );
        }
        if (!action.raise.includes('.')) {
          findings.push(
            error('unknown_flag', 'raise a flag as "colour.code"', [...path, 'raise'], rule.id),
          );
        }
      } else if ('add' in action) {
        if (!components.has(action.add)) {
          findings.push(
            error(
              'unknown_component',
              `component "${action.add}" is not declared in "components"`,
              [...path, 'add'],
              rule.id,
            ),
          );
        }
      } else if ('urgency' in action) {
        const referral = (REFERRAL_FOR_URGENCY as Partial<Record<string, string>>)[action.urgency];
        if (referral !== undefined && !components.has(referral)) {
          findings.push(
            error(
              'missing_referral',
              `urgency "${action.urgency}" leads the plan with "${referral}", which is not declared in "components"`,
              [...path, 'urgency'],
              rule.id,
            ),
          );
        }
      }
    });
  });
  return findings;
}

/**
 * Instrument options the pathway passes to scorers: a registered instrument must know the value
 * set and each cut-off must be one it allows to change. Unregistered instruments are a warning.
 */
export function validateInstrumentOptions(pathway: Pathway): PathwayFinding[] {
  const findings: PathwayFinding[] = [];
  for (const [id, options] of Object.entries(pathway.instrumentOptions ?? {})) {
    const instrument = findInstrument(id);
    const path = ['instrumentOptions', id];
    if (instrument === undefined) {
      findings.push(
        warning(
          'instrument_not_registered',
          `${id} is not registered yet; its options cannot be checked`,
          path,
        ),
      );
      continue;
    }
    if (
      options.valueSet !== undefined &&
      !instrument.valueSets.some((set) => set.id === options.valueSet)
    ) {
      findings.push(
        error('unknown_value_set', `${id} has no value set "${options.valueSet}"`, [
          ...path,
          'valueSet',
        ]),
      );
    }
    for (const name of Object.keys(options.cutOffs ?? {})) {
      const cutOff = instrument.cutOffs.find((candidate) => candidate.name === name);
      if (cutOff === undefined) {
        findings.push(
          error('unknown_cut_off', `${id} has no cut-off "${name}"`, [...path, 'cutOffs', name]),
        );
      } else if (!cutOff.configurable) {
        findings.push(
          error(
            'cut_off_not_configurable',
            `${id} cut-off "${name}" is verified (${cutOff.source}) and cannot be changed`,
            [...path, 'cutOffs', name],
          ),
        );
      }
    }
  }
  return findings;
}
