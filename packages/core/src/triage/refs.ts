import {
  INSTRUMENT_ITEM_KEYS,
  INSTRUMENT_SCORES_SCHEMAS,
  INSTRUMENT_IDS,
  SEXES,
  TRIAGE_CONTEXT_KEYS,
  type InstrumentId,
  type Pathway,
  type Scalar,
} from '@workup/contracts';
import type { z } from 'zod';
import { findInstrument } from '../instruments/registry';

/** A fact a condition reads: an answer, a score or a context value. */
export type FactRef =
  | { readonly kind: 'answer'; readonly instrument: InstrumentId; readonly key: string }
  | { readonly kind: 'score'; readonly instrument: InstrumentId; readonly key: string }
  | { readonly kind: 'context'; readonly key: string };

/**
 * The values a fact can take. `values`: a closed list (codes, enum values, booleans);
 * `number`: a range; `string`: any text. Unknown (undefined) when workup cannot tell, e.g. the
 * items of an instrument that is not registered yet.
 */
export type Domain =
  | { readonly kind: 'values'; readonly values: readonly Scalar[] }
  | {
      readonly kind: 'number';
      readonly min: number;
      readonly max: number;
      readonly integer: boolean;
    }
  | { readonly kind: 'string' };

export function isInstrumentIdString(id: string): id is InstrumentId {
  return (INSTRUMENT_IDS as readonly string[]).includes(id);
}

/** Splits `instrument.key` at the first dot. */
export function splitRef(ref: string): { instrument: string; key: string } {
  const dot = ref.indexOf('.');
  return { instrument: ref.slice(0, dot), key: ref.slice(dot + 1) };
}

/** A fact's name as pathways write it: `instrument.key`, or the context key. */
export function factName(ref: FactRef): string {
  return ref.kind === 'context' ? `context.${ref.key}` : `${ref.instrument}.${ref.key}`;
}

type AnyZod = z.ZodType;

function unwrap(schema: AnyZod): { schema: AnyZod; nullable: boolean } {
  let current = schema;
  let nullable = false;
  for (;;) {
    const type = current.def.type;
    if (type !== 'nullable' && type !== 'optional') return { schema: current, nullable };
    nullable = true;
    current = (current as z.ZodNullable).unwrap() as AnyZod;
  }
}

/** The domain of a zod schema when it is a scalar (enum, number, boolean, string); else undefined. */
function domainOfSchema(schema: AnyZod): Domain | undefined {
  const inner = unwrap(schema).schema;
  switch (inner.def.type) {
    case 'enum':
      return { kind: 'values', values: (inner as z.ZodEnum).options };
    case 'boolean':
      return { kind: 'values', values: [true, false] };
    case 'number': {
      const number = inner as z.ZodNumber;
      return {
        kind: 'number',
        min: number.minValue ?? Number.NEGATIVE_INFINITY,
        max: number.maxValue ?? Number.POSITIVE_INFINITY,
        // zod 4 marks integer schemas with an integer format (`safeint`, `int32`, ...).
        integer: (number.format ?? '').includes('int'),
      };
    }
    case 'string':
      return { kind: 'string' };
    default:
      return undefined;
  }
}

/** What a score reference names: unknown key, a non-scalar score, or a scalar with its domain. */
export type ScoreLookup =
  | { readonly status: 'unknown-key'; readonly known: readonly string[] }
  | { readonly status: 'not-scalar' }
  | { readonly status: 'ok'; readonly domain: Domain };

/** Looks a score key up in `INSTRUMENT_SCORES_SCHEMAS` (contracts.md §1). */
export function lookupScore(instrument: InstrumentId, key: string): ScoreLookup {
  const shape = (INSTRUMENT_SCORES_SCHEMAS[instrument] as z.ZodObject).shape as Record<
    string,
    AnyZod
  >;
  const known = Object.keys(shape);
  const schema = Object.hasOwn(shape, key) ? shape[key] : undefined;
  if (schema === undefined) return { status: 'unknown-key', known };
  const domain = domainOfSchema(schema);
  return domain === undefined ? { status: 'not-scalar' } : { status: 'ok', domain };
}

/** True when `key` is an item of `instrument` (contracts.md §1-§3). */
export function isItemKey(instrument: InstrumentId, key: string): boolean {
  return INSTRUMENT_ITEM_KEYS[instrument].includes(key);
}

/**
 * An item's codes from the registered instrument's definition, or a number of unknown range
 * when the instrument is not registered yet.
 */
export function answerDomain(instrument: InstrumentId, key: string): Domain {
  const item = findInstrument(instrument)?.definition.items.find(
    (candidate) => candidate.key === key,
  );
  if (item === undefined) {
    return {
      kind: 'number',
      min: Number.NEGATIVE_INFINITY,
      max: Number.POSITIVE_INFINITY,
      integer: true,
    };
  }
  if (item.kind === 'choice') {
    return { kind: 'values', values: item.options.map((option) => option.code) };
  }
  return {
    kind: 'number',
    min: item.min,
    max: item.max ?? Number.POSITIVE_INFINITY,
    integer: true,
  };
}

/** The domain of a context key: a standard one (contracts.md §4) or one the pathway declares. */
export function contextDomain(pathway: Pathway, key: string): Domain | undefined {
  switch (key) {
    case 'age':
      return { kind: 'number', min: 0, max: 130, integer: true };
    case 'sex':
      return { kind: 'values', values: SEXES };
    case 'employed':
      return { kind: 'values', values: [true, false] };
    default:
      break;
  }
  const declared = pathway.context?.find((entry) => entry.key === key);
  if (declared === undefined) return undefined;
  switch (declared.type) {
    case 'boolean':
      return { kind: 'values', values: [true, false] };
    case 'number':
      return {
        kind: 'number',
        min: Number.NEGATIVE_INFINITY,
        max: Number.POSITIVE_INFINITY,
        integer: false,
      };
    case 'string':
      return { kind: 'string' };
  }
}

export function isStandardContextKey(key: string): boolean {
  return (TRIAGE_CONTEXT_KEYS as readonly string[]).includes(key);
}

/** The domain of any fact (undefined for an undeclared context key or a non-scalar score). */
export function factDomain(pathway: Pathway, ref: FactRef): Domain | undefined {
  switch (ref.kind) {
    case 'answer':
      return answerDomain(ref.instrument, ref.key);
    case 'score': {
      const lookup = lookupScore(ref.instrument, ref.key);
      return lookup.status === 'ok' ? lookup.domain : undefined;
    }
    case 'context':
      return contextDomain(pathway, ref.key);
  }
}
