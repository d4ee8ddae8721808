import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Condition, Pathway, TriageResult } from '@workup/contracts';
import { TriageResultSchema } from '@workup/contracts';
import { evaluateCondition, type EvaluationContext, type Outcome } from './condition';
import { evaluatePathway, type TriageFacts } from './evaluate';
import { contentHash } from './hash';
import { loadPathway, type LoadedPathway } from './load';
import { triage } from './triage';

/** A context over fixed facts: `answers.red_flags.fever` etc.; flags from a set. */
function contextOf(
  values: Record<string, number | string | boolean | null>,
  flags: string[] = [],
): EvaluationContext {
  const context: EvaluationContext = {
    fact: (ref) => {
      const name = ref.kind === 'context' ? `context.${ref.key}` : `${ref.instrument}.${ref.key}`;
      return values[name] ?? null;
    },
    flag: (ref) => flags.some((flag) => flag === ref || flag.startsWith(`${ref}.`)),
    def: () => {
      throw new Error('no definitions here');
    },
  };
  return context;
}

const fever = (eq: number): Condition => ({ answer: 'red_flags.fever', eq });
const trauma = (eq: number): Condition => ({ answer: 'red_flags.significant_trauma', eq });
const truth = (condition: Condition, values: Record<string, number | string | null>) =>
  evaluateCondition(condition, contextOf(values)).truth;

await test('conditions: three-valued logic over missing values', async (t) => {
  await t.test('a comparison with a missing value is unknown, and so is its negation', () => {
    assert.equal(truth(fever(1), {}), 'unknown');
    assert.equal(truth({ not: fever(1) }, {}), 'unknown');
    assert.equal(truth(fever(1), { 'red_flags.fever': 1 }), true);
    assert.equal(truth({ not: fever(1) }, { 'red_flags.fever': 0 }), true);
  });

  await t.test('all: false beats unknown beats true (Kleene)', () => {
    const all = { all: [fever(1), trauma(1)] };
    assert.equal(truth(all, { 'red_flags.fever': 1, 'red_flags.significant_trauma': 1 }), true);
    assert.equal(truth(all, { 'red_flags.fever': 0 }), false);
    assert.equal(truth(all, { 'red_flags.fever': 1 }), 'unknown');
    assert.equal(truth({ all: [] }, {}), true);
  });

  await t.test('any: true beats unknown beats false (Kleene)', () => {
    const any = { any: [fever(1), trauma(1)] };
    assert.equal(truth(any, { 'red_flags.fever': 1 }), true);
    assert.equal(truth(any, { 'red_flags.fever': 0 }), 'unknown');
    assert.equal(truth(any, { 'red_flags.fever': 0, 'red_flags.significant_trauma': 0 }), false);
    assert.equal(truth({ any: [] }, {}), false);
  });

  await t.test('count: decided only when every possible count agrees', () => {
    const items = ['fever', 'iv_drug_use', 'immunosuppression'].map((item): Condition => ({
      answer: `red_flags.${item}`,
      eq: 1,
    }));
    const atLeastTwo: Condition = { count: items, gte: 2 };
    const exactlyOne: Condition = { count: items, eq: 1 };
    const values = (fv: number | null, iv: number | null, im: number | null) => ({
      'red_flags.fever': fv,
      'red_flags.iv_drug_use': iv,
      'red_flags.immunosuppression': im,
    });
    assert.equal(truth(atLeastTwo, values(1, 1, null)), true);
    assert.equal(truth(atLeastTwo, values(1, 0, null)), 'unknown');
    assert.equal(truth(atLeastTwo, values(0, 0, null)), false);
    assert.equal(truth(exactlyOne, values(1, 0, 0)), true);
    assert.equal(truth(exactlyOne, values(1, null, 0)), 'unknown');
    assert.equal(truth(exactlyOne, values(1, 1, null)), false);
  });

  await t.test('answered and scored are never unknown', () => {
    assert.equal(truth({ answered: 'red_flags.fever' }, {}), false);
    assert.equal(truth({ answered: 'red_flags.fever' }, { 'red_flags.fever': 0 }), true);
    assert.equal(truth({ scored: 'sbt.risk' }, {}), false);
    assert.equal(truth({ scored: 'sbt.risk' }, { 'sbt.risk': 'low' }), true);
  });

  await t.test('comparisons never coerce types', () => {
    const values = { 'sbt.risk': 'high', 'sbt.total': 4 };
    const check = (condition: Condition) => evaluateCondition(condition, contextOf(values)).truth;
    assert.equal(check({ score: 'sbt.risk', eq: 'high' }), true);
    assert.equal(check({ score: 'sbt.risk', in: ['medium', 'high'] }), true);
    assert.equal(check({ score: 'sbt.risk', ne: 'high' }), false);
    assert.equal(check({ score: 'sbt.total', eq: '4' }), false);
    assert.equal(check({ score: 'sbt.risk', gt: 1 }), false);
    assert.equal(check({ score: 'sbt.total', gte: 4 }), true);
    assert.equal(check({ score: 'sbt.total', gt: 4 }), false);
    assert.equal(check({ score: 'sbt.total', lt: 4 }), false);
    assert.equal(check({ score: 'sbt.total', lte: 4 }), true);
  });

  await t.test('evidence: what decided the outcome, with the value seen', () => {
    const any = { any: [fever(1), trauma(1)] };
    const outcome: Outcome = evaluateCondition(
      any,
      contextOf({ 'red_flags.fever': 0, 'red_flags.significant_trauma': 1 }),
    );
    assert.deepEqual(outcome.evidence, [
      { instrument: 'red_flags', item: 'significant_trauma', value: 1 },
    ]);
    const unknown = evaluateCondition(any, contextOf({ 'red_flags.fever': 0 }));
    assert.deepEqual(unknown.evidence, [
      { instrument: 'red_flags', item: 'significant_trauma', value: null },
    ]);
    const none = evaluateCondition(
      { not: { flag: 'red' } },
      contextOf({}, ['yellow.sbt_high_risk']),
    );
    assert.deepEqual(none, { truth: true, evidence: [{ flag: 'red', value: false }] });
  });
});

/** A small hand-made pathway; the scores are given, not computed. */
function miniPathway(overrides: Partial<Pathway> = {}): Pathway {
  return {
    format: 'workup-pathway/1',
    id: 'mini',
    version: '1.0.0',
    title: 'Mini',
    description: 'A hand-made pathway for unit tests',
    language: 'en',
    flags: [
      { colour: 'red', code: 'ces', title: 'CES' },
      { colour: 'red', code: 'cancer', title: 'Cancer' },
      { colour: 'red', code: 'not_assessed', title: 'Not assessed' },
      { colour: 'yellow', code: 'sbt_high', title: 'SBT high' },
    ],
    components: [
      { code: 'emergency_referral', title: 'Emergency' },
      { code: 'urgent_referral', title: 'Urgent' },
      { code: 'x_check', title: 'Check red flags' },
      { code: 'psych_informed_physio', title: 'PIPT' },
      { code: 'physio_exercise', title: 'Exercise' },
      { code: 'no_routine_imaging', title: 'No imaging' },
      { code: 'follow_up', title: 'Follow-up' },
    ],
    definitions: [
      { name: 'high', description: 'SBT high', when: { score: 'sbt.risk', eq: 'high' } },
    ],
    rules: [
      {
        id: 'not_assessed',
        description: 'fever not asked',
        source: 'test',
        when: { not: { answered: 'red_flags.fever' } },
        then: [{ raise: 'red.not_assessed' }, { add: 'x_check' }, { hold: true }],
      },
      {
        id: 'ces',
        description: 'CES',
        source: 'test',
        when: { answer: 'red_flags.saddle_anaesthesia', eq: 1 },
        then: [{ raise: 'red.ces' }, { urgency: 'emergency' }],
      },
      {
        id: 'cancer',
        description: 'Cancer',
        source: 'test',
        when: { answer: 'red_flags.cancer_history', eq: 1 },
        then: [{ raise: 'red.cancer' }, { urgency: 'urgent' }, { add: 'urgent_referral' }],
      },
      {
        id: 'high',
        description: 'SBT high',
        source: 'test',
        when: { def: 'high' },
        then: [
          { raise: 'yellow.sbt_high' },
          { add: 'psych_informed_physio', title: 'PIPT, 6 sessions' },
        ],
      },
      {
        id: 'high_again',
        description: 'SBT high, a second reason',
        source: 'test',
        when: { flag: 'yellow.sbt_high' },
        then: [{ add: 'psych_informed_physio' }],
      },
      {
        id: 'medium',
        description: 'SBT medium',
        source: 'test',
        when: { score: 'sbt.risk', eq: 'medium' },
        then: [{ add: 'physio_exercise' }],
      },
      {
        id: 'imaging',
        description: 'no red flag',
        source: 'test',
        when: { not: { flag: 'red' } },
        then: [{ add: 'no_routine_imaging' }],
      },
      {
        id: 'always',
        description: 'always',
        source: 'test',
        when: { all: [] },
        then: [{ add: 'follow_up' }],
      },
    ],
    ...overrides,
  };
}

function load(pathway: Pathway): LoadedPathway {
  const outcome = loadPathway(pathway);
  if (!outcome.ok) assert.fail(JSON.stringify(outcome.issues));
  return outcome.pathway;
}

const facts = (
  redFlags: Record<string, number | null>,
  risk: string | null,
  context: TriageFacts['context'] = {},
): TriageFacts => ({
  answers: { red_flags: redFlags },
  scores: risk === null ? {} : { sbt: { risk } },
  context,
});

const codes = (result: { plan: { code: string }[] }) => result.plan.map((item) => item.code);

await test('evaluatePathway on a hand-made pathway', async (t) => {
  const pathway = load(miniPathway());

  await t.test('no red flag: plan in the pathway order, all proposed, no urgency', () => {
    const result = evaluatePathway(
      pathway,
      facts({ fever: 0, saddle_anaesthesia: 0, cancer_history: 0 }, 'medium'),
    );
    assert.equal(result.urgency, 'none');
    assert.deepEqual(codes(result), ['physio_exercise', 'no_routine_imaging', 'follow_up']);
    assert.ok(result.plan.every((item) => item.status === 'proposed'));
    assert.deepEqual(result.flags.red, []);
  });

  await t.test('the most pressing urgency wins; the referral leads and the rest waits', () => {
    const result = evaluatePathway(
      pathway,
      facts({ fever: 0, saddle_anaesthesia: 1, cancer_history: 1 }, 'high'),
    );
    assert.equal(result.urgency, 'emergency');
    // emergency_referral is added by triage (rule "ces" sets emergency without adding it).
    assert.deepEqual(codes(result), [
      'emergency_referral',
      'urgent_referral',
      'psych_informed_physio',
      'follow_up',
    ]);
    assert.deepEqual(
      result.plan.map((item) => item.status),
      ['proposed', 'proposed', 'waiting_for_clinician', 'waiting_for_clinician'],
    );
    assert.deepEqual(result.plan[0]?.because, [
      {
        rule: 'ces',
        evidence: [{ instrument: 'red_flags', item: 'saddle_anaesthesia', value: 1 }],
      },
    ]);
    assert.deepEqual(
      result.flags.red.map((flag) => flag.code),
      ['ces', 'cancer'],
    );
  });

  await t.test('urgent: the urgent referral leads', () => {
    const result = evaluatePathway(
      pathway,
      facts({ fever: 0, saddle_anaesthesia: 0, cancer_history: 1 }, 'low'),
    );
    assert.equal(result.urgency, 'urgent');
    assert.deepEqual(codes(result), ['urgent_referral', 'follow_up']);
    assert.equal(result.plan[1]?.status, 'waiting_for_clinician');
  });

  await t.test('a hold makes the plan wait without setting urgency', () => {
    const result = evaluatePathway(
      pathway,
      facts({ saddle_anaesthesia: 0, cancer_history: 0 }, 'medium'),
    );
    assert.equal(result.urgency, 'none');
    assert.deepEqual(codes(result), ['x_check', 'physio_exercise', 'follow_up']);
    assert.ok(result.plan.every((item) => item.status === 'waiting_for_clinician'));
    assert.deepEqual(
      result.flags.red.map((flag) => flag.code),
      ['not_assessed'],
    );
  });

  await t.test('a component added by two rules keeps the first title and both reasons', () => {
    const result = evaluatePathway(
      pathway,
      facts({ fever: 0, saddle_anaesthesia: 0, cancer_history: 0 }, 'high'),
    );
    const pipt = result.plan.find((item) => item.code === 'psych_informed_physio');
    assert.ok(pipt !== undefined);
    assert.equal(pipt.title, 'PIPT, 6 sessions');
    assert.deepEqual(
      pipt.because.map((because) => because.rule),
      ['high', 'high_again'],
    );
    assert.deepEqual(pipt.because[1]?.evidence, [{ flag: 'yellow.sbt_high', value: true }]);
  });

  await t.test('rules that need missing facts do not fire and are listed as undetermined', () => {
    const result = evaluatePathway(pathway, facts({ fever: 0 }, null));
    assert.deepEqual(result.undetermined, [
      {
        rule: 'ces',
        missing: [{ instrument: 'red_flags', item: 'saddle_anaesthesia', value: null }],
      },
      {
        rule: 'cancer',
        missing: [{ instrument: 'red_flags', item: 'cancer_history', value: null }],
      },
      { rule: 'high', missing: [{ instrument: 'sbt', score: 'risk', value: null }] },
      { rule: 'medium', missing: [{ instrument: 'sbt', score: 'risk', value: null }] },
    ]);
    assert.deepEqual(codes(result), ['no_routine_imaging', 'follow_up']);
  });

  await t.test('a rule sees only the flags of rules before it', () => {
    const reordered = miniPathway();
    const [first, ...rest] = reordered.rules;
    assert.ok(first !== undefined);
    // "imaging" first: it no longer sees the red flags raised after it.
    const imaging = rest.find((rule) => rule.id === 'imaging');
    assert.ok(imaging !== undefined);
    const loaded = load({
      ...reordered,
      rules: [imaging, first, ...rest.filter((r) => r !== imaging)],
    });
    const result = evaluatePathway(loaded, facts({ fever: 0, saddle_anaesthesia: 1 }, 'low'));
    assert.ok(codes(result).includes('no_routine_imaging'));
  });
});

await test('loadPathway refuses what would silently never fire', async (t) => {
  const withRule = (when: Condition): Pathway =>
    miniPathway({
      rules: [{ id: 'r', description: 'd', source: 's', when, then: [{ add: 'follow_up' }] }],
    });
  const cases: [string, Pathway, RegExp][] = [
    ['an unknown instrument', withRule({ answer: 'nope.1', eq: 1 }), /unknown instrument "nope"/],
    ['an unknown item', withRule({ answer: 'sbt.10', eq: 1 }), /sbt has no item "10"/],
    [
      'an unknown score',
      withRule({ score: 'sbt.risk_group', eq: 'high' }),
      /sbt has no score "risk_group"/,
    ],
    ['a list-valued score', withRule({ score: 'work.blue', eq: 'x' }), /list or a record/],
    [
      'a misspelt value',
      withRule({ score: 'sbt.risk', eq: 'hihg' }),
      /"hihg" is not a value of sbt.risk/,
    ],
    ['an ordered enum', withRule({ score: 'sbt.risk', gt: 1 }), /sbt.risk has no order/],
    ['text for a number', withRule({ score: 'sbt.total', eq: '4' }), /sbt.total is a number/],
    [
      'a boolean for an answer',
      withRule({ answer: 'sbt.1', eq: true }),
      /not a value of sbt.1|is a number/,
    ],
    ['an unknown context key', withRule({ context: 'income', gt: 1 }), /context "income"/],
    [
      'a wrong context type',
      withRule({ context: 'employed', eq: 1 }),
      /1 is not a value of context.employed/,
    ],
    ['an undeclared flag', withRule({ flag: 'blue.nope' }), /flag "blue.nope" is not declared/],
    ['an unknown definition', withRule({ def: 'nope' }), /definition "nope" is not declared/],
  ];
  for (const [name, pathway, message] of cases) {
    await t.test(name, () => {
      const outcome = loadPathway(pathway);
      assert.equal(outcome.ok, false);
      assert.ok(!outcome.ok);
      assert.match(outcome.issues.map((issue) => issue.message).join('\n'), message);
      assert.deepEqual(outcome.issues[0]?.path.slice(0, 3), ['rules', 0, 'when']);
    });
  }

  await t.test('duplicates, undeclared actions, a missing referral, later definitions', () => {
    const base = miniPathway();
    const outcome = loadPathway({
      ...base,
      rules: [
        ...base.rules,
        {
          id: 'always',
          description: 'again',
          source: 's',
          when: { all: [] },
          then: [{ add: 'mdt_assessment' }],
        },
        {
          id: 'x',
          description: 'x',
          source: 's',
          when: { all: [] },
          then: [{ raise: 'black.none' }],
        },
      ],
      components: base.components.filter((component) => component.code !== 'emergency_referral'),
      definitions: [
        { name: 'a', description: 'a', when: { def: 'b' } },
        { name: 'b', description: 'b', when: { all: [] } },
      ],
    });
    assert.ok(!outcome.ok);
    const text = outcome.issues
      .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
      .join('\n');
    assert.match(text, /rules\.8\.id: rule id "always" is used more than once/);
    assert.match(text, /component "mdt_assessment" is not declared/);
    assert.match(text, /flag "black.none" is not declared/);
    assert.match(
      text,
      /urgency "emergency" leads the plan with "emergency_referral", which is not declared/,
    );
    assert.match(text, /definitions\.0\.when\.def: definition "b" is declared after this one/);
  });

  await t.test('schema errors point into the file, not at a union', () => {
    const outcome = loadPathway({
      ...miniPathway(),
      rules: [
        {
          id: 'r',
          description: 'd',
          source: 's',
          when: { any: [{ answer: 'sbt.1', eq: 1, gt: 0 }] },
          then: [],
        },
      ],
    });
    assert.ok(!outcome.ok);
    const text = outcome.issues
      .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
      .join('\n');
    assert.match(text, /rules\.0\.when\.any\.0: use exactly one of eq/);
    assert.match(text, /rules\.0\.then: /);
  });

  await t.test('instrument options a scorer would refuse', () => {
    const outcome = loadPathway(
      miniPathway({ instrumentOptions: { sbt: { cutOffs: { SBT_LOW_RISK_MAX_TOTAL: 4 } } } }),
    );
    assert.ok(!outcome.ok);
    assert.match(outcome.issues[0]?.message ?? '', /verified .* cannot be changed/);
  });

  await t.test('the hash is the sha256 of the canonical JSON, whatever the layout', () => {
    const pathway = miniPathway();
    const loaded = load(pathway);
    assert.equal(loaded.hash, contentHash(pathway));
    assert.match(loaded.hash, /^sha256:[0-9a-f]{64}$/);
    const reordered = JSON.parse(JSON.stringify(pathway, Object.keys(pathway).sort())) as Pathway;
    assert.equal(load({ ...reordered, ...pathway }).hash, loaded.hash);
    assert.notEqual(load({ ...pathway, version: '1.0.1' }).hash, loaded.hash);
  });
});

const SBT_HIGH = { '1': 1, '2': 1, '3': 1, '4': 1, '5': 1, '6': 1, '7': 1, '8': 1, '9': 4 };
const SBT_MEDIUM = { '1': 1, '2': 0, '3': 1, '4': 0, '5': 1, '6': 1, '7': 0, '8': 0, '9': 3 };

await test('triage scores the responses, then runs the pathway', async (t) => {
  const scoresOnly = miniPathway().rules.filter((rule) =>
    ['high', 'high_again', 'medium', 'always'].includes(rule.id),
  );
  const pathway = load(miniPathway({ rules: scoresOnly }));

  await t.test('result shape (contracts.md §4) with scores as workup score writes them', () => {
    const outcome = triage({ responses: { sbt: SBT_MEDIUM }, context: { age: 40 } }, pathway);
    assert.ok(outcome.ok);
    const result: TriageResult = TriageResultSchema.parse(outcome.result);
    assert.deepEqual(result.pathway, { id: 'mini', version: '1.0.0', hash: pathway.hash });
    assert.deepEqual(result.scores.sbt?.scores, { total: 5, psychosocial: 3, risk: 'medium' });
    assert.equal(result.motivation, null);
    assert.equal(result.urgency, 'none');
    assert.deepEqual(codes(result), ['physio_exercise', 'follow_up']);
    assert.deepEqual(result.plan[0]?.because, [
      { rule: 'medium', evidence: [{ instrument: 'sbt', score: 'risk', value: 'medium' }] },
    ]);
  });

  await t.test('a code out of range is an issue with its path, never clamped', () => {
    const outcome = triage({ responses: { sbt: { ...SBT_HIGH, '9': 5 } } }, pathway);
    assert.ok(!outcome.ok);
    assert.deepEqual(outcome.issues[0]?.path, ['responses', 'sbt', '9']);
  });

  await t.test('an incomplete response is scored as its rule allows; rules needing it wait', () => {
    const { '9': _omitted, ...eight } = SBT_HIGH;
    const outcome = triage({ responses: { sbt: eight } }, pathway);
    assert.ok(outcome.ok);
    assert.equal(outcome.result.scores.sbt?.scores, null);
    assert.deepEqual(
      outcome.result.undetermined.map((entry) => entry.rule),
      ['high', 'medium'],
    );
  });

  await t.test('a structure-only instrument: its answers are checked and kept, no scores', () => {
    const outcome = triage({ responses: { startmsk: { '1': 3 } } }, pathway);
    assert.ok(outcome.ok);
    assert.equal(outcome.result.scores.startmsk?.scores, null);
    const bad = triage({ responses: { startmsk: { '1': 11 } } }, pathway);
    assert.ok(!bad.ok);
    assert.deepEqual(bad.issues[0]?.path, ['responses', 'startmsk', '1']);
  });

  await t.test('the input is not mutated', () => {
    const input = { responses: { sbt: { ...SBT_HIGH } }, context: { employed: true } };
    const copy = structuredClone(input);
    triage(input, pathway);
    assert.deepEqual(input, copy);
  });
});
