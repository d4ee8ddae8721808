import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyContentPack, paraphraseText } from './content-pack';
import { sbtDefinition } from './sbt/definition';

/** A made-up pack in the shape a licensed site would load (placeholder words, not Keele's). */
function pack(): Record<string, unknown> {
  const items: Record<string, unknown> = {};
  for (const item of sbtDefinition.items) {
    const options =
      item.kind === 'choice'
        ? Object.fromEntries(
            item.options.map((option) => [String(option.code), `svar ${String(option.code)}`]),
          )
        : undefined;
    items[item.key] = { text: `Platshållare för fråga ${item.key}`, options };
  }
  return {
    format: 'workup-content-pack/1',
    instrument: 'sbt',
    instrumentVersion: '9-item',
    language: 'sv',
    title: 'Platshållare',
    licence: { holder: 'Testregionen', reference: 'avtal 2026-17' },
    items,
  };
}

describe('content packs', () => {
  it('without a pack, our English paraphrases are used and say so', () => {
    const text = paraphraseText(sbtDefinition);
    assert.equal(text.wording, 'paraphrase');
    assert.equal(text.language, 'en');
    assert.equal(text.items.length, 9);
    assert.equal(text.items[8]?.options.length, 5);
  });

  it('a complete pack replaces every text and label and records the licence', () => {
    const outcome = applyContentPack(sbtDefinition, pack());
    assert.ok(outcome.ok, JSON.stringify(outcome));
    assert.equal(outcome.text.wording, 'content-pack');
    assert.equal(outcome.text.language, 'sv');
    assert.equal(outcome.text.items[0]?.text, 'Platshållare för fråga 1');
    assert.deepEqual(
      outcome.text.items[8]?.options.map((option) => option.label),
      ['svar 0', 'svar 1', 'svar 2', 'svar 3', 'svar 4'],
    );
    assert.deepEqual(outcome.text.licence, { holder: 'Testregionen', reference: 'avtal 2026-17' });
    assert.equal(outcome.text.recallPeriod, sbtDefinition.recallPeriod);
  });

  const broken: [string, (input: Record<string, unknown>) => void, (string | number)[]][] = [
    [
      'an item left out',
      (input) => delete (input.items as Record<string, unknown>)['4'],
      ['items', '4'],
    ],
    [
      'an unknown item',
      (input) => ((input.items as Record<string, unknown>)['10'] = { text: 'x' }),
      ['items', '10'],
    ],
    [
      'a label for a code the item does not have',
      (input) => {
        const item = (input.items as Record<string, { options: Record<string, string> }>)['1'];
        if (item) item.options['2'] = 'kanske';
      },
      ['items', '1', 'options', '2'],
    ],
    [
      'a missing label',
      (input) => {
        const item = (input.items as Record<string, { options: Record<string, string> }>)['9'];
        if (item) delete item.options['4'];
      },
      ['items', '9', 'options', '4'],
    ],
    ['another version', (input) => (input.instrumentVersion = '6-item'), ['instrumentVersion']],
    ['another instrument', (input) => (input.instrument = 'odi'), ['instrument']],
    ['no licence', (input) => delete input.licence, ['licence']],
    ['a bad language tag', (input) => (input.language = 'Swedish'), ['language']],
    ['an unknown format', (input) => (input.format = 'other/2'), ['format']],
  ];
  for (const [name, breakIt, path] of broken) {
    it(`rejects a pack with ${name}, naming the field`, () => {
      const input = pack();
      breakIt(input);
      const outcome = applyContentPack(sbtDefinition, input);
      assert.ok(!outcome.ok);
      assert.ok(
        outcome.issues.some((issue) => JSON.stringify(issue.path) === JSON.stringify(path)),
        JSON.stringify(outcome.issues),
      );
    });
  }
});
