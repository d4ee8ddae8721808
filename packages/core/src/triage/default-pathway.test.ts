import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  PlanItemSchema,
  RED_FLAG_ITEM_KEYS,
  TriageFlagsSchema,
  type RawAnswers,
  type Evidence,
} from '@workup/contracts';
import { evaluatePathway, lookupFact, urgencyRank, type TriageFacts } from './evaluate';
import { loadPathway, type LoadedPathway } from './load';

/**
 * Properties of the default pathway over precomputed scores (so they do not wait for the
 * scorers): urgency never falls when a red-flag finding is added, every plan component and
 * flag has a reason, and the same input always gives the same plan.
 */

const FILE = new URL('../../../../pathways/workup-default.v1.json', import.meta.url);
const loaded = loadPathway(JSON.parse(await readFile(FILE, 'utf8')) as unknown);
if (!loaded.ok) throw new Error(`default pathway: ${JSON.stringify(loaded.issues)}`);
const pathway: LoadedPathway = loaded.pathway;
const ruleIds = new Set(pathway.definition.rules.map((rule) => rule.id));

const AXSPA_CRITERIA = RED_FLAG_ITEM_KEYS.filter(
  (key) => key.startsWith('axspa_') && key !== 'axspa_onset_before_45_over_3_months',
);

const code = (values: number[]) => fc.option(fc.constantFrom(...values), { nil: undefined });
const scale = fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined });

const redFlags = fc.dictionary(
  fc.constantFrom(...RED_FLAG_ITEM_KEYS),
  fc.option(fc.constantFrom(0, 1), { nil: null }),
);
/** Mostly complete checklists (most people are screened), sometimes partial ones. */
const redFlagsMostlyComplete = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record(
      Object.fromEntries(RED_FLAG_ITEM_KEYS.map((key) => [key, fc.constantFrom(0, 0, 0, 1)])),
    ),
  },
  { weight: 1, arbitrary: redFlags },
);

function withoutUndefined(record: Record<string, number | undefined>): RawAnswers {
  return Object.fromEntries(
    Object.entries(record).filter(([, value]) => value !== undefined),
  ) as RawAnswers;
}

const work = fc
  .record({
    employed: code([0, 1]),
    sick_leave_degree: code([0, 25, 50, 75, 100]),
    sick_leave_days: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
    work_heavy_or_monotonous: scale,
    job_satisfaction: scale,
    supervisor_support: scale,
    modified_duties_possible: code([0, 1, 2]),
    work_harms_back_belief: scale,
    rtw_expectation: scale,
    employer_contact_consent: code([0, 1]),
    benefit_or_claim_pending: code([0, 1]),
  })
  .map(withoutUndefined);

const risk = fc.constantFrom('low', 'medium', 'high');
const scores = fc.record(
  {
    sbt: fc.record({
      total: fc.integer({ min: 0, max: 9 }),
      psychosocial: fc.integer({ min: 0, max: 5 }),
      risk,
    }),
    ompsq10: fc.record({ total: fc.integer({ min: 1, max: 100 }), risk }),
    fabq: fc.record({
      pa: fc.option(fc.integer({ min: 0, max: 24 }), { nil: null }),
      work: fc.option(fc.integer({ min: 0, max: 42 }), { nil: null }),
    }),
    deps: fc.record({
      total: fc.integer({ min: 0, max: 30 }),
      category: fc.constantFrom('none', 'subclinical', 'depression'),
    }),
    motivation: fc.record({ importance: fc.integer({ min: 0, max: 10 }), low: fc.boolean() }),
  },
  { requiredKeys: [] },
);

const facts: fc.Arbitrary<TriageFacts> = fc
  .record({
    redFlags: redFlagsMostlyComplete,
    work: fc.option(work, { nil: undefined }),
    ompsqItems: fc.record({
      '8': fc.integer({ min: 0, max: 10 }),
      '10': fc.integer({ min: 0, max: 10 }),
    }),
    scores,
    age: fc.option(fc.integer({ min: 16, max: 90 }), { nil: undefined }),
    employed: fc.option(fc.boolean(), { nil: undefined }),
  })
  .map(({ redFlags: flags, work: workAnswers, ompsqItems, scores: given, age, employed }) => ({
    answers: {
      red_flags: flags,
      ...(workAnswers === undefined ? {} : { work: workAnswers }),
      ...(given.ompsq10 === undefined ? {} : { ompsq10: ompsqItems }),
    },
    scores: given,
    context: {
      ...(age === undefined ? {} : { age }),
      ...(employed === undefined ? {} : { employed }),
    },
  }));

function withRedFlag(input: TriageFacts, key: string, value: number | null): TriageFacts {
  return {
    ...input,
    answers: { ...input.answers, red_flags: { ...input.answers.red_flags, [key]: value } },
  };
}

await test('default pathway: adding a red-flag finding never lowers urgency', () => {
  const ordinary = RED_FLAG_ITEM_KEYS.filter((key) => !AXSPA_CRITERIA.includes(key));
  fc.assert(
    fc.property(facts, fc.constantFrom(...ordinary), (input, key) => {
      const current = input.answers.red_flags?.[key];
      fc.pre(current !== 1);
      const before = evaluatePathway(pathway, input).urgency;
      const after = evaluatePathway(pathway, withRedFlag(input, key, 1)).urgency;
      assert.ok(
        urgencyRank(after) >= urgencyRank(before),
        `${key}: ${String(current)} -> 1 lowered urgency ${before} -> ${after}`,
      );
    }),
    { numRuns: 1500 },
  );
});

await test('default pathway: the one exception, 3 axial SpA criteria (soon) then 4 (routine)', () => {
  // contracts.md §2 and reference.md §15 (NICE NG65): exactly 3 criteria -> HLA-B27 test, soon;
  // 4 or more -> routine rheumatology referral. `workup pathway check` warns about this rule.
  const screen = Object.fromEntries(RED_FLAG_ITEM_KEYS.map((key) => [key, 0]));
  const three = {
    ...screen,
    axspa_onset_before_45_over_3_months: 1,
    axspa_buttock_pain: 1,
    axspa_psoriasis: 1,
    axspa_enthesitis: 1,
  };
  const base: TriageFacts = { answers: { red_flags: three }, scores: {}, context: {} };
  assert.equal(evaluatePathway(pathway, base).urgency, 'soon');
  assert.equal(
    evaluatePathway(pathway, withRedFlag(base, 'axspa_arthritis', 1)).urgency,
    'routine',
  );
  // Adding a criterion never lowers urgency below routine, nor past the exact-3 step.
  fc.assert(
    fc.property(facts, fc.constantFrom(...AXSPA_CRITERIA), (input, key) => {
      fc.pre(input.answers.red_flags?.[key] !== 1);
      const before = evaluatePathway(pathway, input);
      const after = evaluatePathway(pathway, withRedFlag(input, key, 1));
      const wasExactlyThree = before.flags.red.some((flag) => flag.code === 'axial_spa_possible');
      if (!wasExactlyThree) assert.ok(urgencyRank(after.urgency) >= urgencyRank(before.urgency));
      else assert.ok(urgencyRank(after.urgency) >= urgencyRank('routine'));
    }),
    { numRuns: 500 },
  );
});

function checkEvidence(input: TriageFacts, evidence: Evidence): void {
  if ('flag' in evidence) return;
  const ref =
    'item' in evidence
      ? ({ kind: 'answer', instrument: evidence.instrument, key: evidence.item } as const)
      : 'score' in evidence
        ? ({ kind: 'score', instrument: evidence.instrument, key: evidence.score } as const)
        : ({ kind: 'context', key: evidence.context } as const);
  assert.deepEqual(evidence.value, lookupFact(input, ref), JSON.stringify(evidence));
}

await test('default pathway: every plan component and flag has a reason that is true', () => {
  fc.assert(
    fc.property(facts, (input) => {
      const result = evaluatePathway(pathway, input);
      assert.ok(result.plan.length > 0, 'the plan is never empty');
      TriageFlagsSchema.parse(result.flags);
      const items = [...result.plan, ...Object.values(result.flags).flat()];
      for (const item of items) {
        if ('status' in item) PlanItemSchema.parse(item);
        assert.ok(item.because.length > 0, `${item.code} has no reason`);
        for (const because of item.because) {
          assert.ok(ruleIds.has(because.rule), `unknown rule ${because.rule}`);
          for (const evidence of because.evidence) checkEvidence(input, evidence);
        }
      }
      for (const entry of result.undetermined) {
        assert.ok(entry.missing.every((evidence) => evidence.value === null));
      }
      if (result.urgency === 'emergency' || result.urgency === 'urgent') {
        const referral = result.urgency === 'emergency' ? 'emergency_referral' : 'urgent_referral';
        assert.equal(result.plan[0]?.code, referral);
        assert.ok(
          result.plan
            .slice(1)
            .every(
              (item) => item.status === 'waiting_for_clinician' || item.code.endsWith('_referral'),
            ),
        );
        assert.ok(!result.plan.some((item) => item.code === 'no_routine_imaging'));
      }
    }),
    { numRuns: 500 },
  );
});

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const copy = [...items];
  let state = seed;
  for (let index = copy.length - 1; index > 0; index -= 1) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const other = state % (index + 1);
    [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
  }
  return copy;
}

function reorder(value: unknown, seed: number): unknown {
  if (Array.isArray(value) || value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    shuffled(Object.entries(value), seed).map(([key, entry]) => [key, reorder(entry, seed + 1)]),
  );
}

await test('default pathway: the same input always gives the same result', () => {
  fc.assert(
    fc.property(facts, fc.integer({ min: 1, max: 1_000_000 }), (input, seed) => {
      const first = evaluatePathway(pathway, input);
      const again = evaluatePathway(pathway, input);
      const reordered = evaluatePathway(pathway, reorder(input, seed) as TriageFacts);
      assert.equal(JSON.stringify(again), JSON.stringify(first));
      assert.equal(JSON.stringify(reordered), JSON.stringify(first));
    }),
    { numRuns: 300 },
  );
});
