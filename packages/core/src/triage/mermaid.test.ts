import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Pathway } from '@workup/contracts';
import { describeCondition } from './describe';
import { pathwayMermaid } from './mermaid';

await test('describeCondition: conditions in words', () => {
  const cases: [Parameters<typeof describeCondition>[0], string][] = [
    [{ all: [] }, 'always'],
    [{ answer: 'red_flags.fever', eq: 1 }, 'red_flags.fever = 1'],
    [{ score: 'sbt.risk', in: ['medium', 'high'] }, 'sbt.risk in {medium, high}'],
    [{ context: 'age', gt: 50 }, 'context.age > 50'],
    [{ score: 'fabq.work', lte: 29 }, 'fabq.work ≤ 29'],
    [{ not: { flag: 'red' } }, 'NOT any red flag'],
    [{ flag: 'yellow.sbt_high_risk' }, 'flag yellow.sbt_high_risk'],
    [{ def: 'employed' }, '[employed]'],
    [{ answered: 'red_flags.fever' }, 'red_flags.fever answered'],
    [{ scored: 'sbt.risk' }, 'sbt.risk scored'],
    [
      {
        any: [
          { answer: 'red_flags.fever', eq: 1 },
          { answer: 'red_flags.iv_drug_use', eq: 1 },
        ],
      },
      'any of red_flags.{fever, iv_drug_use} = 1',
    ],
    [
      {
        all: [
          { score: 'sbt.risk', eq: 'high' },
          {
            any: [
              { context: 'employed', eq: true },
              { answer: 'work.employed', eq: 1 },
            ],
          },
        ],
      },
      'sbt.risk = high AND (context.employed = true OR work.employed = 1)',
    ],
    [
      {
        count: [
          { answer: 'red_flags.osteoporosis', eq: 1 },
          { answer: 'red_flags.long_term_corticosteroids', eq: 1 },
        ],
        gte: 2,
      },
      'at least 2 of red_flags.{osteoporosis, long_term_corticosteroids} = 1',
    ],
    [
      { count: [{ def: 'a' }, { score: 'sbt.total', ne: 3 }], eq: 1 },
      'exactly 1 of ([a], sbt.total ≠ 3)',
    ],
  ];
  for (const [condition, words] of cases) assert.equal(describeCondition(condition), words);
});

const PATHWAY: Pathway = {
  format: 'workup-pathway/1',
  id: 'chart',
  version: '1.0.0',
  title: 'Chart',
  description: 'A pathway to draw',
  language: 'en',
  flags: [
    { colour: 'red', code: 'ces', title: 'Suspected "CES"' },
    { colour: 'blue', code: 'heavy', title: 'Heavy work' },
  ],
  components: [
    { code: 'emergency_referral', title: 'Emergency' },
    { code: 'no_routine_imaging', title: 'No imaging' },
    { code: 'vocational_advice', title: 'Vocational advice' },
  ],
  definitions: [{ name: 'old', description: 'old', when: { context: 'age', gt: 50 } }],
  rules: [
    {
      id: 'ces',
      group: 'Red',
      description: 'ces',
      source: 's',
      when: { answer: 'red_flags.saddle_anaesthesia', eq: 1 },
      then: [
        { raise: 'red.ces' },
        { urgency: 'emergency' },
        { add: 'emergency_referral' },
        { hold: true },
      ],
    },
    {
      id: 'heavy',
      description: 'heavy',
      source: 's',
      when: { answer: 'work.work_heavy_or_monotonous', gte: 6 },
      then: [{ raise: 'blue.heavy' }],
    },
    {
      id: 'va',
      description: 'va',
      source: 's',
      when: { all: [{ flag: 'blue.heavy' }, { not: { flag: 'red' } }, { def: 'old' }] },
      then: [{ add: 'vocational_advice', title: 'VA, 2 sessions' }, { add: 'no_routine_imaging' }],
    },
  ],
};

await test('pathwayMermaid: rules, outputs and flag links, from the data alone', () => {
  const chart = pathwayMermaid(PATHWAY);
  assert.equal(chart, pathwayMermaid(structuredClone(PATHWAY)), 'deterministic');
  const lines = chart.split('\n');
  assert.equal(lines[0], 'flowchart LR');
  for (const expected of [
    '  subgraph g_1["Red"]',
    '  subgraph g_2["Rules"]',
    '    r1{{"ces: red_flags.saddle_anaesthesia = 1"}}',
    '    r2{{"heavy: work.work_heavy_or_monotonous ≥ 6"}}',
    '    r3{{"va: flag blue.heavy AND NOT any red flag AND [old]"}}',
    '    d_old["[old] = context.age #gt; 50"]',
    '      f_red_ces[/"red.ces: Suspected #quot;CES#quot;"/]',
    '    u_emergency(["emergency"])',
    '    hold(["plan waits for the clinician"])',
    '    c_vocational_advice["vocational_advice: Vocational advice"]',
    '  r1 --> f_red_ces',
    '  r1 --> u_emergency',
    '  r1 --> c_emergency_referral',
    '  r1 --> hold',
    '  r3 -->|"VA, 2 sessions"| c_vocational_advice',
    '  f_blue_heavy -.-> r3',
    '  flags_red -.-> r3',
    '  class f_red_ces red',
  ]) {
    assert.ok(lines.includes(expected), `missing line: ${expected}\n${chart}`);
  }
  assert.ok(!lines.some((line) => line.includes('u_urgent')), 'only urgencies the rules set');
});
