/**
 * The shared conformance suite: every registered instrument passes the same checks (keys match
 * contracts.md, minimum and maximum, both sides of every cut-off, the missing-data rule,
 * out-of-range codes rejected, input not mutated, codes only, results in the contract's shape),
 * and its own hand-worked cases. A check an instrument cannot pass is skipped only with the
 * reason written in its `conformanceSkips`, and the reason shows in the test output.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  INSTRUMENT_IDS,
  INSTRUMENT_ITEM_KEYS,
  INSTRUMENT_SCORES_SCHEMAS,
  ScoreResultSchema,
} from '@workup/contracts';
import { InstrumentCasesSchema, type InstrumentCase } from './cases';
import { INSTRUMENTS } from './registry';
import type { ConformanceCheck, Instrument, ItemDefinition } from './types';

const folder = (id: string) => new URL(`./${id}/`, import.meta.url);

function loadCases(id: string): InstrumentCase[] {
  const raw: unknown = JSON.parse(readFileSync(new URL('cases.json', folder(id)), 'utf8'));
  const parsed = InstrumentCasesSchema.parse(raw);
  assert.equal(parsed.instrument, id, 'cases.json names its instrument');
  return parsed.cases;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/** Valid codes of an item (a sample for wide integer ranges). */
function validCodes(item: ItemDefinition): number[] {
  if (item.kind === 'choice') return item.options.map((option) => option.code);
  const max = item.max ?? item.min + 365;
  return [item.min, Math.floor((item.min + max) / 2), max];
}

function invalidCodes(item: ItemDefinition): unknown[] {
  if (item.kind === 'choice') {
    const codes = item.options.map((option) => option.code);
    const invalid: unknown[] = [Math.max(...codes) + 1, Math.min(...codes) - 1, 0.5];
    return invalid.filter((code) => !codes.includes(code as number));
  }
  return [item.min - 1, 1.5, ...(item.max === null ? [] : [item.max + 1])];
}

/** Asserts that scores equal the expected ones, numbers within an optional tolerance. */
function assertScores(actual: unknown, expected: unknown, tolerance: number | undefined): void {
  if (tolerance === undefined || actual === null || expected === null) {
    assert.deepEqual(actual, expected);
    return;
  }
  const a = actual as Record<string, unknown>;
  const e = expected as Record<string, unknown>;
  assert.deepEqual(Object.keys(a).sort(), Object.keys(e).sort());
  for (const [key, value] of Object.entries(e)) {
    if (typeof value === 'number' && typeof a[key] === 'number') {
      assert.ok(
        Math.abs(a[key] - value) <= tolerance,
        `${key}: ${String(a[key])} differs from ${String(value)} by more than ${String(tolerance)}`,
      );
    } else {
      assert.deepEqual(a[key], value, key);
    }
  }
}

function check(
  instrument: Instrument,
  name: ConformanceCheck,
  title: string,
  body: () => void,
): void {
  const reason = instrument.conformanceSkips?.[name];
  if (reason === undefined) it(`${name}: ${title}`, body);
  else it(`${name}: ${title}`, { skip: `${instrument.definition.id}: ${reason}` }, () => undefined);
}

describe('instrument registry', () => {
  it('registers every instrument id of contracts.md §1', () => {
    assert.deepEqual([...INSTRUMENTS.keys()].sort(), [...INSTRUMENT_IDS].sort());
  });
});

for (const instrument of INSTRUMENTS.values()) {
  const { definition } = instrument;
  const { id } = definition;
  const cases = existsSync(new URL('cases.json', folder(id))) ? loadCases(id) : [];
  const covered = new Set(cases.flatMap((testCase) => testCase.covers));
  const scoresSchema = INSTRUMENT_SCORES_SCHEMAS[id];
  const allMissing = Object.fromEntries(definition.items.map((item) => [item.key, null]));

  describe(`conformance: ${id} ${definition.version}`, () => {
    it('has a README.md and hand-worked cases.json, each case citing its source', () => {
      assert.ok(existsSync(new URL('README.md', folder(id))), `${id}/README.md`);
      assert.ok(cases.length > 0, `${id}/cases.json holds cases`);
    });

    it('documents its licence, recall period, missing-data rule and cut-off sources', () => {
      assert.ok(definition.licence.owner.length > 0 && definition.licence.terms.length > 0);
      assert.ok(definition.recallPeriod.length > 0);
      assert.match(instrument.missingDataRule.source, /reference\.md §\d+/);
      for (const cutOff of instrument.cutOffs) {
        assert.match(cutOff.source, /reference\.md §\d+|contracts\.md §\d+/, cutOff.name);
        assert.equal(cutOff.configurable || cutOff.verification !== 'U', true, cutOff.name);
      }
    });

    check(instrument, 'keys-match-contract', 'item keys are those of contracts.md', () => {
      assert.deepEqual(
        definition.items.map((item) => item.key),
        [...INSTRUMENT_ITEM_KEYS[id]],
      );
      for (const item of definition.items) {
        assert.ok(item.text.length > 0, `item ${item.key} has a label`);
        if (item.kind === 'choice') {
          const codes = item.options.map((option) => option.code);
          assert.equal(new Set(codes).size, codes.length, `item ${item.key}: codes are unique`);
          for (const code of codes) assert.ok(Number.isInteger(code), `item ${item.key}: ${code}`);
        }
      }
    });

    for (const testCase of cases) {
      it(`case ${testCase.id} (${testCase.source})`, () => {
        const outcome = instrument.score(testCase.answers, testCase.options ?? {});
        assert.ok(outcome.ok, `answers should validate: ${JSON.stringify(outcome)}`);
        const { result } = outcome;
        assert.equal(result.instrument, id);
        assert.equal(result.version, definition.version);
        assert.equal(result.complete, testCase.expected.complete, 'complete');
        assert.deepEqual(result.missing, testCase.expected.missing, 'missing');
        assertScores(result.scores, testCase.expected.scores, testCase.tolerance);
        if (testCase.expected.reason !== undefined) {
          assert.ok(result.reason?.includes(testCase.expected.reason), result.reason);
        }
      });
    }

    check(instrument, 'minimum-and-maximum', 'cases cover the minimum and the maximum', () => {
      assert.ok(covered.has('minimum'), 'a case covers "minimum"');
      assert.ok(covered.has('maximum'), 'a case covers "maximum"');
    });

    check(instrument, 'cut-offs-both-sides', 'cases cover both sides of every cut-off', () => {
      for (const cutOff of instrument.cutOffs) {
        for (const side of ['below', 'above']) {
          const tag = `cutoff:${cutOff.name}:${side}`;
          assert.ok(covered.has(tag), `a case covers "${tag}"`);
        }
      }
      for (const valueSet of instrument.valueSets) {
        assert.ok(
          covered.has(`value-set:${valueSet.id}`),
          `a case covers "value-set:${valueSet.id}"`,
        );
      }
    });

    check(instrument, 'cut-offs-both-sides', 'only unverified cut-offs can be overridden', () => {
      for (const cutOff of instrument.cutOffs) {
        const outcome = instrument.score(allMissing, { cutOffs: { [cutOff.name]: cutOff.value } });
        assert.equal(outcome.ok, cutOff.configurable, cutOff.name);
      }
      const unknown = instrument.score(allMissing, { cutOffs: { NO_SUCH_CUT_OFF: 1 } });
      assert.equal(unknown.ok, false);
    });

    check(instrument, 'missing-data-rule', 'applies its missing-data rule', () => {
      assert.ok(
        covered.has('missing-scored') || covered.has('missing-not-scored'),
        'a case covers "missing-scored" or "missing-not-scored"',
      );
      for (const empty of [{}, allMissing]) {
        const outcome = instrument.score(empty);
        assert.ok(outcome.ok);
        assert.equal(outcome.result.complete, false);
        assert.deepEqual(
          outcome.result.missing,
          definition.items.map((item) => item.key),
        );
        if (outcome.result.scores === null) assert.ok((outcome.result.reason ?? '').length > 0);
      }
    });

    check(
      instrument,
      'out-of-range-rejected',
      'rejects codes outside each item, never clamps',
      () => {
        for (const item of definition.items) {
          for (const code of invalidCodes(item)) {
            const outcome = instrument.score({ [item.key]: code });
            assert.ok(!outcome.ok, `item ${item.key} = ${String(code)} must be rejected`);
            assert.deepEqual(outcome.issues[0]?.path, [item.key]);
          }
        }
        const unknownKey = instrument.score({ no_such_item: 1 });
        assert.equal(unknownKey.ok, false, 'an unknown item key is rejected');
        assert.equal(instrument.score(null).ok, false, 'null is rejected');
        assert.equal(instrument.score([]).ok, false, 'an array is rejected');
        assert.equal(instrument.score({}, { valueSet: 'no_such_set' }).ok, false);
      },
    );

    check(instrument, 'codes-only', 'accepts stored codes only, never display text', () => {
      for (const item of definition.items) {
        const texts: unknown[] =
          item.kind === 'choice' ? item.options.map((option) => option.label) : [];
        texts.push(String(validCodes(item)[0]), true);
        for (const text of texts) {
          const outcome = instrument.score({ [item.key]: text });
          assert.equal(outcome.ok, false, `item ${item.key} = ${JSON.stringify(text)}`);
        }
      }
    });

    check(instrument, 'input-not-mutated', 'never mutates its input', () => {
      for (const testCase of cases) {
        const copy = structuredClone(testCase.answers);
        const frozen = deepFreeze(structuredClone(testCase.answers));
        instrument.score(frozen, testCase.options ?? {});
        assert.deepEqual(frozen, copy);
      }
    });

    check(
      instrument,
      'result-matches-contract',
      "every valid response gives a result of the contract's shape",
      () => {
        const answerArb = fc.record(
          Object.fromEntries(
            definition.items.map((item) => [
              item.key,
              fc.option(fc.constantFrom(...validCodes(item)), { nil: null }),
            ]),
          ),
        );
        fc.assert(
          fc.property(answerArb, (answers) => {
            const outcome = instrument.score(answers);
            assert.ok(outcome.ok, JSON.stringify(outcome));
            ScoreResultSchema.parse(outcome.result);
            if (outcome.result.scores !== null) scoresSchema.parse(outcome.result.scores);
            else assert.ok((outcome.result.reason ?? '').length > 0);
            assert.deepEqual(instrument.score(answers), outcome, 'scoring is deterministic');
          }),
        );
      },
    );
  });
}
