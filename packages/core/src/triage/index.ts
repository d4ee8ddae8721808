export { canonicalJson, contentHash, sha256Hex, utf8Bytes } from './hash';
export {
  compare,
  countTruth,
  evaluateCondition,
  type EvaluationContext,
  type Outcome,
  type Truth,
} from './condition';
export type { Domain, FactRef } from './refs';
export {
  loadPathway,
  parsePathway,
  zodIssues,
  type LoadedPathway,
  type PathwayLoadOutcome,
  type PathwayParseOutcome,
} from './load';
export { validateInstrumentOptions, validateReferences } from './validate';
export {
  evaluatePathway,
  lookupFact,
  urgencyRank,
  type PathwayEvaluation,
  type TriageFacts,
} from './evaluate';
export { triage, type TriageOutcome } from './triage';
export { checkPathway, SICK_LEAVE_STATUSES, urgencyIs, type CheckOptions } from './check';
export {
  and,
  describeAssignment,
  fires,
  not,
  or,
  PathwayModel,
  solve,
  type Assignment,
  type SolveResult,
  type Statement,
} from './solver';
export { describeCondition } from './describe';
export { pathwayMermaid } from './mermaid';
