import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { z } from 'zod';
import {
  FLAG_COLOURS,
  TriageInputSchema,
  TriageResultSchema,
  UrgencySchema,
} from '@workup/contracts';
import { loadPathway } from './load';
import { triage } from './triage';

/**
 * Clinical vignettes run through the whole default pathway: real scorers, real rules. Each file
 * states the expected urgency, the flags of every colour, the plan in order, whether the plan
 * waits for the clinician, and its rationale with sources. A vignette whose instrument is not
 * registered fails with the scorer's message; none is ever skipped.
 */

const VIGNETTES = new URL('./vignettes/', import.meta.url);
const PATHWAY = new URL('../../../../pathways/workup-default.v1.json', import.meta.url);

const CodesSchema = z.array(z.string());
const VignetteSchema = z.strictObject({
  id: z.string(),
  title: z.string().min(1),
  rationale: z
    .string()
    .regex(/reference\.md §\d+|contracts\.md §\d/, 'cite reference.md or contracts.md'),
  input: TriageInputSchema,
  expected: z.strictObject({
    urgency: UrgencySchema,
    flags: z.strictObject(Object.fromEntries(FLAG_COLOURS.map((colour) => [colour, CodesSchema]))),
    plan: CodesSchema.min(1),
    /** True when everything but the leading referral waits for the clinician. */
    waiting: z.boolean(),
    titles: z.record(z.string(), z.string()).optional(),
  }),
});

const loaded = loadPathway(JSON.parse(await readFile(PATHWAY, 'utf8')) as unknown);
if (!loaded.ok) throw new Error(`default pathway: ${JSON.stringify(loaded.issues)}`);
const pathway = loaded.pathway;

const files = (await readdir(VIGNETTES)).filter((name) => name.endsWith('.json')).sort();

await test('vignettes: there are at least 30, with unique ids matching their files', () => {
  assert.ok(files.length >= 30, `${files.length} vignettes`);
});

for (const file of files) {
  await test(`vignette ${file}`, async () => {
    const vignette = VignetteSchema.parse(
      JSON.parse(await readFile(new URL(file, VIGNETTES), 'utf8')) as unknown,
    );
    assert.equal(`${vignette.id}.json`, file);
    const outcome = triage(vignette.input, pathway);
    if (!outcome.ok) {
      assert.fail(
        `triage refused the input: ${outcome.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
      );
    }
    const result = TriageResultSchema.parse(outcome.result);
    const { expected } = vignette;
    const explain = `\n${vignette.title}: ${vignette.rationale}\nplan: ${JSON.stringify(result.plan.map((item) => item.code))}\nundetermined: ${JSON.stringify(result.undetermined.map((entry) => entry.rule))}`;
    assert.equal(result.urgency, expected.urgency, `urgency${explain}`);
    for (const colour of FLAG_COLOURS) {
      assert.deepEqual(
        result.flags[colour].map((flag) => flag.code),
        expected.flags[colour],
        `${colour} flags${explain}`,
      );
    }
    assert.deepEqual(
      result.plan.map((item) => item.code),
      expected.plan,
      `plan${explain}`,
    );
    const leading = ['emergency_referral', 'urgent_referral'];
    for (const item of result.plan) {
      const waits = expected.waiting && !leading.includes(item.code);
      assert.equal(
        item.status,
        waits ? 'waiting_for_clinician' : 'proposed',
        `${item.code} status`,
      );
      assert.ok(item.because.length > 0, `${item.code} has a reason`);
    }
    for (const [code, title] of Object.entries(expected.titles ?? {})) {
      assert.equal(result.plan.find((item) => item.code === code)?.title, title);
    }
  });
}
