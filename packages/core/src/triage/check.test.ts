import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import type { Pathway, PathwayCheckReport, PathwayRule } from '@workup/contracts';
import { PathwayCheckReportSchema } from '@workup/contracts';
import { checkPathway } from './check';
import { evaluatePathway, type TriageFacts } from './evaluate';
import { loadPathway } from './load';
import { PathwayModel, fires, solve } from './solver';

const DEFAULT_PATHWAY = new URL('../../../../pathways/workup-default.v1.json', import.meta.url);

function base(rules: PathwayRule[], overrides: Partial<Pathway> = {}): Pathway {
  return {
    format: 'workup-pathway/1',
    id: 'check-test',
    version: '1.0.0',
    title: 'Check test',
    description: 'A hand-made pathway for the checker',
    language: 'en',
    flags: [
      { colour: 'red', code: 'ces', title: 'CES' },
      { colour: 'yellow', code: 'high', title: 'High' },
    ],
    components: [
      { code: 'emergency_referral', title: 'Emergency' },
      { code: 'no_routine_imaging', title: 'No imaging', excludes: ['emergency_referral'] },
      { code: 'physio_exercise', title: 'Exercise' },
      { code: 'manual_therapy_adjunct', title: 'Manual therapy', requires: ['physio_exercise'] },
      { code: 'follow_up', title: 'Follow-up' },
    ],
    rules,
    ...overrides,
  };
}

const rule = (id: string, when: PathwayRule['when'], then: PathwayRule['then']): PathwayRule => ({
  id,
  description: id,
  source: 'test',
  when,
  then,
});

const CES = rule('ces', { answer: 'red_flags.saddle_anaesthesia', eq: 1 }, [
  { raise: 'red.ces' },
  { urgency: 'emergency' },
  { add: 'emergency_referral' },
]);
const ALWAYS = rule('always', { all: [] }, [{ add: 'follow_up' }]);

function codes(report: PathwayCheckReport, severity?: string): string[] {
  return report.findings
    .filter((finding) => severity === undefined || finding.severity === severity)
    .map((finding) => finding.code);
}

await test('checkPathway', async (t) => {
  await t.test(
    'the default pathway passes: no errors, full coverage, one known warning',
    async () => {
      const json = JSON.parse(await readFile(DEFAULT_PATHWAY, 'utf8')) as unknown;
      const report = PathwayCheckReportSchema.parse(checkPathway(json));
      assert.equal(report.ok, true, JSON.stringify(report.findings, null, 2));
      assert.deepEqual(codes(report, 'error'), []);
      // 4 SBT risks (incl. missing) x 5 urgencies x 2 employment x 4 sick-leave statuses.
      assert.deepEqual(report.coverage, { combinations: 160, emptyPlans: 0, unreachable: 0 });
      // contracts.md §2: 3 axial SpA criteria give "soon", 4 give "routine" (NICE NG65).
      assert.deepEqual(codes(report, 'warning'), ['urgency_not_monotone']);
      assert.equal(report.findings[0]?.rule, 'red.axial_spa_possible');
      assert.equal(report.pathway.id, 'workup-default');
    },
  );

  await t.test('a schema error is reported with its path, without the deeper checks', () => {
    const report = checkPathway({ ...base([ALWAYS]), rules: [{ ...ALWAYS, then: [] }] });
    assert.equal(report.ok, false);
    assert.deepEqual(codes(report), ['schema']);
    assert.deepEqual(report.findings[0]?.path, ['rules', 0, 'then']);
  });

  await t.test('unknown references are errors', () => {
    const report = checkPathway(
      base([rule('r', { score: 'odi.band', eq: 'severe_' }, [{ add: 'follow_up' }])]),
    );
    assert.deepEqual(codes(report, 'error'), ['unknown_value']);
  });

  await t.test('an unreachable rule: a condition no input satisfies', () => {
    const report = checkPathway(
      base([
        rule(
          'never',
          {
            all: [
              { score: 'sbt.risk', eq: 'low' },
              { score: 'sbt.risk', eq: 'high' },
            ],
          },
          [{ add: 'physio_exercise' }],
        ),
        rule('out_of_range', { answer: 'pain_nrs.back', gt: 10 }, [{ add: 'physio_exercise' }]),
        rule('fine', { score: 'sbt.total', gte: 4 }, [{ add: 'physio_exercise' }]),
        ALWAYS,
      ]),
    );
    assert.deepEqual(codes(report, 'error'), ['unreachable_rule', 'unreachable_rule']);
    assert.deepEqual(
      report.findings.filter((f) => f.code === 'unreachable_rule').map((f) => f.rule),
      ['never', 'out_of_range'],
    );
  });

  await t.test('contradictory rules: components that exclude each other, with an example', () => {
    const report = checkPathway(
      base([
        CES,
        rule('imaging', { answer: 'red_flags.fever', eq: 0 }, [{ add: 'no_routine_imaging' }]),
        ALWAYS,
      ]),
    );
    assert.deepEqual(codes(report, 'error'), ['contradictory_rules']);
    const finding = report.findings.find((entry) => entry.code === 'contradictory_rules');
    assert.deepEqual(finding?.example, {
      answers: { red_flags: { fever: 0, saddle_anaesthesia: 1 } },
    });
    // The fixed pathway: imaging only when no red flag was raised.
    const fixed = checkPathway(
      base([
        CES,
        rule('imaging', { not: { flag: 'red' } }, [{ add: 'no_routine_imaging' }]),
        ALWAYS,
      ]),
    );
    assert.deepEqual(codes(fixed, 'error'), []);
  });

  await t.test('a component without one it requires', () => {
    const report = checkPathway(
      base([
        rule('mt', { score: 'sbt.risk', eq: 'medium' }, [{ add: 'manual_therapy_adjunct' }]),
        rule('ex', { score: 'sbt.total', gte: 5 }, [{ add: 'physio_exercise' }]),
        ALWAYS,
      ]),
    );
    assert.deepEqual(codes(report, 'error'), ['missing_required_component']);
    assert.equal(report.findings[0]?.rule, 'mt');
  });

  await t.test('flags must be raised by an earlier rule', () => {
    const report = checkPathway(
      base([
        rule('uses', { flag: 'yellow.high' }, [{ add: 'physio_exercise' }]),
        rule('raises', { score: 'sbt.risk', eq: 'high' }, [{ raise: 'yellow.high' }]),
        CES,
        rule('any_red', { not: { flag: 'red' } }, [{ add: 'follow_up' }]),
        { ...CES, id: 'ces_again', when: { answer: 'red_flags.bladder_dysfunction', eq: 1 } },
        ALWAYS,
      ]),
    );
    // "uses" reads a flag only a later rule raises: always false, so it can never fire.
    assert.deepEqual(codes(report, 'error'), ['flag_not_raised_before', 'unreachable_rule']);
    assert.match(report.findings[0]?.message ?? '', /only later ones: raises/);
    const later = report.findings.find((finding) => finding.code === 'flag_raised_later');
    assert.equal(later?.rule, 'any_red');
    assert.match(later.message, /ces_again come later/);
  });

  await t.test('an empty plan is an error with an input that shows it', () => {
    const pathway = base([
      CES,
      rule('medium', { score: 'sbt.risk', eq: 'medium' }, [{ add: 'physio_exercise' }]),
    ]);
    const report = checkPathway(pathway);
    assert.equal(report.ok, false);
    assert.ok(report.coverage.emptyPlans > 0);
    const empty = report.findings.find((entry) => entry.code === 'empty_plan');
    assert.ok(empty?.example !== undefined);
    // The example really gives an empty plan.
    const loaded = loadPathway(pathway);
    assert.ok(loaded.ok);
    const example = empty.example as Partial<Pick<TriageFacts, 'answers' | 'scores'>>;
    const result = evaluatePathway(loaded.pathway, {
      answers: example.answers ?? {},
      scores: example.scores ?? {},
      context: {},
    });
    assert.deepEqual(result.plan, []);
  });

  await t.test('urgency levels no rule sets are reported as unreachable combinations', () => {
    const report = checkPathway(base([CES, ALWAYS]));
    assert.equal(report.ok, true);
    // Only emergency and none are reachable: 32 combinations each.
    assert.equal(report.coverage.unreachable, 3 * 32);
    assert.ok(codes(report, 'info').includes('urgency_never_set'));
  });

  await t.test('warnings: a missing referral, unused declarations, conflicting titles', () => {
    const report = checkPathway(
      base([
        rule('ces', { answer: 'red_flags.saddle_anaesthesia', eq: 1 }, [{ urgency: 'emergency' }]),
        rule('a', { score: 'sbt.total', gte: 4 }, [
          { add: 'physio_exercise', title: 'Exercise x4' },
        ]),
        rule('b', { score: 'sbt.total', gte: 6 }, [
          { add: 'physio_exercise', title: 'Exercise x6' },
        ]),
        ALWAYS,
      ]),
    );
    assert.equal(report.ok, true);
    assert.deepEqual(codes(report, 'warning').sort(), [
      'conflicting_titles',
      'referral_not_added',
      'unused_component',
      'unused_component',
      'unused_flag',
      'unused_flag',
    ]);
  });

  await t.test('a search that runs out of budget says so rather than guessing', () => {
    const items = ['fever', 'iv_drug_use', 'immunosuppression', 'osteoporosis'].map(
      (item) => ({ answer: `red_flags.${item}`, eq: 1 }) as const,
    );
    const pathway = base([
      rule(
        'two_and_three',
        {
          all: [
            { count: items, eq: 2 },
            { count: items, eq: 3 },
          ],
        },
        [{ add: 'physio_exercise' }],
      ),
      ALWAYS,
    ]);
    const starved = checkPathway(pathway, { budget: 3 });
    assert.ok(codes(starved, 'warning').includes('undecided'));
    assert.ok(!codes(starved).includes('unreachable_rule'));
    const full = checkPathway(pathway);
    assert.deepEqual(codes(full, 'error'), ['unreachable_rule']);
  });
});

await test('solve finds examples and proves impossibility', () => {
  const pathway = base([
    CES,
    rule(
      'axspa',
      {
        all: [
          { answer: 'red_flags.axspa_onset_before_45_over_3_months', eq: 1 },
          {
            count: ['axspa_onset_under_35', 'axspa_buttock_pain', 'axspa_psoriasis'].map(
              (item) => ({ answer: `red_flags.${item}`, eq: 1 }),
            ),
            gte: 2,
          },
        ],
      },
      [{ add: 'physio_exercise' }],
    ),
    ALWAYS,
  ]);
  const model = new PathwayModel(pathway);
  const result = solve(model, fires(1));
  assert.ok(result.status === 'possible', result.status);
  const chosen = [...result.example].filter(([, value]) => value === 1).map(([name]) => name);
  assert.equal(chosen.length, 3);
  assert.ok(chosen.includes('red_flags.axspa_onset_before_45_over_3_months'));
});
