import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import fc from 'fast-check';
import { RED_FLAG_ITEM_KEYS, RedFlagsScoresSchema } from '@workup/contracts';
import { loadPathway } from './load';
import { triage } from './triage';

/**
 * The default pathway reads the red-flag answers itself (the rules are data, contracts.md §2),
 * and the red_flags scorer summarises the same answers in code (`suspicion`, `urgency`). The two
 * must tell a clinician the same thing: same urgency, same suspected conditions.
 */

const FILE = new URL('../../../../pathways/workup-default.v1.json', import.meta.url);
const loaded = loadPathway(JSON.parse(await readFile(FILE, 'utf8')) as unknown);
if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
const pathway = loaded.pathway;

const CRITERIA = RED_FLAG_ITEM_KEYS.filter(
  (key) => key.startsWith('axspa_') && key !== 'axspa_onset_before_45_over_3_months',
);

const CONDITION_FLAGS = {
  cauda_equina: ['cauda_equina'],
  malignancy: ['malignancy'],
  infection: ['infection'],
  fracture: ['fracture'],
  axial_spa: ['axial_spa', 'axial_spa_possible'],
} as const;

function compare(answers: Record<string, number | null>, complete: boolean): void {
  const outcome = triage({ responses: { red_flags: answers } }, pathway);
  if (!outcome.ok) assert.fail(JSON.stringify(outcome.issues));
  const scores = outcome.result.scores.red_flags?.scores;
  if (scores === null || scores === undefined) return; // nothing answered: nothing to compare
  const summary = RedFlagsScoresSchema.parse(scores);
  const raised = new Set(outcome.result.flags.red.map((flag) => flag.code));
  const criteriaPresent = CRITERIA.filter((key) => answers[key] === 1).length;
  const criteriaMissing = CRITERIA.some(
    (key) => answers[key] === undefined || answers[key] === null,
  );
  // The scorer counts a missing criterion as absent; the pathway does not decide "exactly 3"
  // until every criterion is answered (docs/pathways.md, missing values).
  const exactlyThreeUndecided =
    !complete &&
    answers.axspa_onset_before_45_over_3_months === 1 &&
    criteriaPresent === 3 &&
    criteriaMissing;
  if (!exactlyThreeUndecided) {
    assert.equal(outcome.result.urgency, summary.urgency, JSON.stringify(answers));
  }
  for (const [condition, codes] of Object.entries(CONDITION_FLAGS)) {
    if (condition === 'axial_spa' && exactlyThreeUndecided) continue;
    const suspected = summary.suspicion[condition as keyof typeof CONDITION_FLAGS];
    assert.equal(
      codes.some((code) => raised.has(code)),
      suspected,
      `${condition}: ${JSON.stringify(answers)}`,
    );
  }
}

await test('default pathway and red_flags scorer agree on complete checklists', () => {
  const complete = fc.record(
    Object.fromEntries(RED_FLAG_ITEM_KEYS.map((key) => [key, fc.constantFrom(0, 0, 0, 1)])),
  );
  fc.assert(
    fc.property(complete, (answers) => {
      compare(answers, true);
    }),
    { numRuns: 1500 },
  );
});

await test('default pathway and red_flags scorer agree on partial checklists (one documented case aside)', () => {
  const partial = fc.dictionary(
    fc.constantFrom(...RED_FLAG_ITEM_KEYS),
    fc.constantFrom(0, 1, null),
    {
      minKeys: 1,
    },
  );
  fc.assert(
    fc.property(partial, (answers) => {
      compare(answers, false);
    }),
    { numRuns: 1500 },
  );
});
