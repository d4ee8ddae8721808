import {
  comparisonOperators,
  type Comparison,
  type Condition,
  type CountComparison,
  type Scalar,
} from '@workup/contracts';

const SYMBOLS = { eq: '=', ne: '≠', lt: '<', lte: '≤', gt: '>', gte: '≥' } as const;

function show(value: Scalar): string {
  return typeof value === 'string' ? value : String(value);
}

function comparisonText(subject: string, comparison: Comparison): string {
  const [operator] = comparisonOperators(comparison);
  if (operator === undefined) return subject;
  if (operator === 'in') return `${subject} in {${(comparison.in ?? []).map(show).join(', ')}}`;
  const value = comparison[operator];
  return `${subject} ${SYMBOLS[operator]} ${value === undefined ? '' : show(value)}`;
}

function countText(parts: string, comparison: CountComparison): string {
  const [operator] = comparisonOperators(comparison);
  const n = operator === undefined || operator === 'in' ? 0 : (comparison[operator] ?? 0);
  const words = {
    gte: 'at least',
    gt: 'more than',
    lte: 'at most',
    lt: 'fewer than',
    eq: 'exactly',
    ne: 'not exactly',
  } as const;
  if (operator === undefined || operator === 'in') return parts;
  return `${words[operator]} ${n} of (${parts})`;
}

/**
 * Parts that all compare an answer of one instrument with the same `eq` value, as
 * `red_flags.{fever, iv_drug_use} = 1`; undefined when they do not.
 */
function sameAnswers(parts: readonly Condition[]): string | undefined {
  if (parts.length < 2) return undefined;
  let instrument: string | undefined;
  let value: Scalar | undefined;
  const items: string[] = [];
  for (const part of parts) {
    if (!('answer' in part) || part.eq === undefined) return undefined;
    if (comparisonOperators(part).length !== 1) return undefined;
    const dot = part.answer.indexOf('.');
    const prefix = part.answer.slice(0, dot);
    if (instrument !== undefined && (prefix !== instrument || part.eq !== value)) return undefined;
    instrument = prefix;
    value = part.eq;
    items.push(part.answer.slice(dot + 1));
  }
  return instrument === undefined || value === undefined
    ? undefined
    : `${instrument}.{${items.join(', ')}} = ${show(value)}`;
}

/**
 * A condition in words, for people: `red_flags.saddle_anaesthesia = 1 OR …`, `at least 4 of
 * (…)`, `NOT flag red`, definitions by name in brackets. Used by the flow chart and by
 * explanations; the JSON stays the definition.
 */
export function describeCondition(condition: Condition, nested = false): string {
  const wrap = (text: string) => (nested ? `(${text})` : text);
  if ('all' in condition) {
    if (condition.all.length === 0) return 'always';
    if (condition.all.length === 1 && condition.all[0] !== undefined) {
      return describeCondition(condition.all[0], nested);
    }
    const same = sameAnswers(condition.all);
    if (same !== undefined) return wrap(`all of ${same}`);
    return wrap(condition.all.map((part) => describeCondition(part, true)).join(' AND '));
  }
  if ('any' in condition) {
    if (condition.any.length === 0) return 'never';
    if (condition.any.length === 1 && condition.any[0] !== undefined) {
      return describeCondition(condition.any[0], nested);
    }
    const same = sameAnswers(condition.any);
    if (same !== undefined) return wrap(`any of ${same}`);
    return wrap(condition.any.map((part) => describeCondition(part, true)).join(' OR '));
  }
  if ('not' in condition) return `NOT ${describeCondition(condition.not, true)}`;
  if ('count' in condition) {
    const same = sameAnswers(condition.count);
    if (same !== undefined) return countText(same, condition).replace(/of \((.*)\)$/, 'of $1');
    return countText(
      condition.count.map((part) => describeCondition(part, false)).join(', '),
      condition,
    );
  }
  if ('flag' in condition) {
    return condition.flag.includes('.') ? `flag ${condition.flag}` : `any ${condition.flag} flag`;
  }
  if ('def' in condition) return `[${condition.def}]`;
  if ('answered' in condition) return `${condition.answered} answered`;
  if ('scored' in condition) return `${condition.scored} scored`;
  if ('answer' in condition) return comparisonText(condition.answer, condition);
  if ('score' in condition) return comparisonText(condition.score, condition);
  return comparisonText(`context.${condition.context}`, condition);
}
