import {
  PathwaySchema,
  type Pathway,
  type PathwayComponent,
  type PathwayDefinition,
  type PathwayFinding,
  type PathwayFlag,
} from '@workup/contracts';
import type { z } from 'zod';
import type { AnswerIssue } from '../instruments/types';
import { contentHash } from './hash';
import { validateInstrumentOptions, validateReferences } from './validate';

/**
 * A pathway ready to run: validated, with its content hash and lookups by name. Make one with
 * `loadPathway`; it can be reused for any number of triages.
 */
export interface LoadedPathway {
  readonly definition: Pathway;
  /** `sha256:` and the hex SHA-256 of the pathway's canonical JSON (RFC 8785). */
  readonly hash: string;
  /** Declared flags by `colour.code`. */
  readonly flags: ReadonlyMap<string, PathwayFlag>;
  /** Declared components by code, with their place in the plan's order. */
  readonly components: ReadonlyMap<
    string,
    { readonly component: PathwayComponent; readonly order: number }
  >;
  readonly definitions: ReadonlyMap<string, PathwayDefinition>;
}

export type PathwayParseOutcome =
  | { readonly ok: true; readonly pathway: Pathway }
  | { readonly ok: false; readonly issues: readonly AnswerIssue[] };

export type PathwayLoadOutcome =
  | { readonly ok: true; readonly pathway: LoadedPathway }
  | { readonly ok: false; readonly issues: readonly AnswerIssue[] };

type ZodIssue = z.core.$ZodIssue;

/**
 * A union's failure as the issues of the branch that got furthest (the deepest path), so an
 * author reads "rules.3.when.any.1.eq: expected number" rather than "invalid input".
 */
function flattenIssue(issue: ZodIssue, prefix: readonly PropertyKey[]): AnswerIssue[] {
  const path = [...prefix, ...issue.path];
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    let best: AnswerIssue[] = [];
    let bestDepth = -1;
    for (const branch of issue.errors) {
      const flattened = branch.flatMap((inner) => flattenIssue(inner, path));
      const depth = Math.max(...flattened.map((entry) => entry.path.length));
      const rootKeyMismatch = branch.some(
        (inner) => inner.code === 'unrecognized_keys' && inner.path.length === 0,
      );
      const score = rootKeyMismatch ? -1 : depth;
      if (score > bestDepth) {
        best = flattened;
        bestDepth = score;
      }
    }
    if (best.length > 0) return best;
  }
  return [
    {
      path: path.map((part) => (typeof part === 'symbol' ? String(part) : part)),
      message: issue.message,
    },
  ];
}

/** zod issues as `AnswerIssue`s, unions resolved to their most likely branch. */
export function zodIssues(error: z.ZodError): AnswerIssue[] {
  return error.issues.flatMap((issue) => flattenIssue(issue, []));
}

/** Parses a pathway against the format's schema only (no reference checks). */
export function parsePathway(json: unknown): PathwayParseOutcome {
  const parsed = PathwaySchema.safeParse(json);
  return parsed.success
    ? { ok: true, pathway: parsed.data }
    : { ok: false, issues: zodIssues(parsed.error) };
}

function findingsAsIssues(findings: readonly PathwayFinding[]): AnswerIssue[] {
  return findings
    .filter((finding) => finding.severity === 'error')
    .map((finding) => ({ path: finding.path, message: finding.message }));
}

/**
 * Parses and validates a pathway (schema, unique ids, every reference known, constants of the
 * right type, instrument options allowed) and computes its hash. A pathway with any such error
 * is refused: it would run, but some rule would silently never fire. The deeper static checks
 * (unreachable and contradictory rules, coverage) are `checkPathway`'s.
 */
export function loadPathway(json: unknown): PathwayLoadOutcome {
  const parsed = parsePathway(json);
  if (!parsed.ok) return parsed;
  const definition = parsed.pathway;
  const issues = findingsAsIssues([
    ...validateReferences(definition),
    ...validateInstrumentOptions(definition),
  ]);
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    pathway: {
      definition,
      hash: contentHash(definition),
      flags: new Map(definition.flags.map((flag) => [`${flag.colour}.${flag.code}`, flag])),
      components: new Map(
        definition.components.map((component, order) => [component.code, { component, order }]),
      ),
      definitions: new Map((definition.definitions ?? []).map((entry) => [entry.name, entry])),
    },
  };
}
