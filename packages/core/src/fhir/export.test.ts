import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { applyContentPack, paraphraseText } from '../instruments/content-pack';
import { INSTRUMENTS } from '../instruments/registry';
import { scoreSbt, sbtInstrument } from '../instruments/sbt/score';
import {
  ORDINAL_VALUE_EXTENSION,
  SDC_QUESTIONNAIRE_PROFILE,
  toFhirBundle,
  toFhirObservations,
  toFhirQuestionnaire,
  toFhirQuestionnaireResponse,
} from './export';

const OPTIONS = { base: 'https://fhir.example.org/workup/' };
const ID = '2f1c6c3e-6a8e-4a43-9d38-6b3f0b6c2a11';
const AUTHORED = '2026-11-23T10:15:00+01:00';

// R4 datatypes the exports rely on (FHIR R4 §2.24 "Data Types").
const FhirId = z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/);
const Uri = z.url();
const DateTime = z.iso.datetime({ offset: true });
const CodingSchema = z.strictObject({
  system: Uri,
  code: z.string().regex(/^[^\s]+(\s[^\s]+)*$/),
  display: z.string().optional(),
});

const medium = { '1': 1, '2': 0, '3': 1, '4': 0, '5': 1, '6': 1, '7': 0, '8': 0, '9': 3 };

describe('FHIR R4 Questionnaire (SDC)', () => {
  for (const instrument of INSTRUMENTS.values()) {
    const { definition } = instrument;
    it(`${definition.id}: items, coded answers with weights, ranges, licence`, () => {
      const questionnaire = toFhirQuestionnaire(instrument, paraphraseText(definition), OPTIONS);
      assert.equal(questionnaire.resourceType, 'Questionnaire');
      FhirId.parse(questionnaire.id);
      Uri.parse(questionnaire.url);
      assert.equal(
        questionnaire.url,
        `https://fhir.example.org/workup/Questionnaire/${definition.id}`,
      );
      assert.deepEqual(questionnaire.meta.profile, [SDC_QUESTIONNAIRE_PROFILE]);
      assert.equal(questionnaire.version, definition.version);
      assert.match(
        questionnaire.name,
        /^[A-Z]([A-Za-z0-9_]){0,254}$/,
        'R4 name is machine-friendly',
      );
      assert.equal(questionnaire.status, instrument.scorable ? 'active' : 'draft');
      assert.ok(questionnaire.copyright.includes(definition.licence.owner));
      if (!definition.licence.wordingMayBeShipped) {
        assert.match(questionnaire.copyright, /paraphrases, not the licensed wording/);
      }
      const linkIds = questionnaire.item.map((item) => item.linkId);
      assert.deepEqual(
        linkIds,
        definition.items.map((item) => item.key),
      );
      questionnaire.item.forEach((item, index) => {
        const source = definition.items[index];
        assert.ok(source);
        assert.ok(item.text.length > 0);
        if (source.kind === 'choice') {
          assert.equal(item.type, 'choice');
          const answerOptions = item.answerOption ?? [];
          assert.equal(answerOptions.length, source.options.length);
          answerOptions.forEach((option, optionIndex) => {
            CodingSchema.parse(option.valueCoding);
            const code = source.options[optionIndex]?.code;
            assert.equal(option.valueCoding.code, String(code));
            assert.deepEqual(option.extension, [
              { url: ORDINAL_VALUE_EXTENSION, valueDecimal: code },
            ]);
          });
        } else {
          assert.equal(item.type, 'integer');
          assert.equal(item.answerOption, undefined);
          assert.equal(item.extension?.[0]?.valueInteger, source.min);
        }
      });
      const loinc = instrument.loinc?.questionnaire;
      assert.deepEqual(
        questionnaire.code?.map((coding) => coding.code),
        loinc === undefined ? undefined : [loinc],
      );
    });
  }

  it("uses a site's content pack for the words, and drops the paraphrase note", () => {
    const items = Object.fromEntries(
      sbtInstrument.definition.items.map((item) => [
        item.key,
        {
          text: `Fråga ${item.key}`,
          options:
            item.kind === 'choice'
              ? Object.fromEntries(
                  item.options.map((option) => [
                    String(option.code),
                    `Svar ${String(option.code)}`,
                  ]),
                )
              : undefined,
        },
      ]),
    );
    const outcome = applyContentPack(sbtInstrument.definition, {
      format: 'workup-content-pack/1',
      instrument: 'sbt',
      instrumentVersion: '9-item',
      language: 'sv',
      title: 'Platshållare',
      licence: { holder: 'Testregionen', reference: 'avtal 1' },
      items,
    });
    assert.ok(outcome.ok);
    const questionnaire = toFhirQuestionnaire(sbtInstrument, outcome.text, OPTIONS);
    assert.equal(questionnaire.language, 'sv');
    assert.equal(questionnaire.item[0]?.text, 'Fråga 1');
    assert.equal(questionnaire.item[8]?.answerOption?.[4]?.valueCoding.display, 'Svar 4');
    assert.doesNotMatch(questionnaire.copyright, /paraphrases/);
  });
});

describe('FHIR R4 QuestionnaireResponse, Observations and Bundle', () => {
  const outcome = scoreSbt(medium);
  assert.ok(outcome.ok);
  const text = paraphraseText(sbtInstrument.definition);
  const context = { ...OPTIONS, id: ID, authored: AUTHORED, subject: 'Patient/p-1' };
  const response = toFhirQuestionnaireResponse(sbtInstrument, text, medium, context);
  const observations = toFhirObservations(sbtInstrument, outcome.result, context);

  it('the response carries each answer as the stored code with its label', () => {
    assert.equal(response.status, 'completed');
    assert.equal(
      response.questionnaire,
      'https://fhir.example.org/workup/Questionnaire/sbt|9-item',
    );
    DateTime.parse(response.authored);
    assert.equal(response.item.length, 9);
    const nine = response.item[8]?.answer[0];
    assert.ok(nine && 'valueCoding' in nine);
    assert.equal(nine.valueCoding.code, '3');
    assert.equal(nine.valueCoding.display, 'Very much');
  });

  it('an incomplete response is in progress and lists only the answered items', () => {
    const partial = toFhirQuestionnaireResponse(
      sbtInstrument,
      text,
      { '1': 1, '2': null },
      context,
    );
    assert.equal(partial.status, 'in-progress');
    assert.deepEqual(
      partial.item.map((item) => item.linkId),
      ['1'],
    );
  });

  it('one Observation per score, derived from the response, with the score as its value', () => {
    assert.deepEqual(
      observations.map((observation) => observation.code.coding.at(-1)?.code),
      ['sbt.total', 'sbt.psychosocial', 'sbt.risk'],
    );
    assert.equal(observations[0]?.valueQuantity?.value, 5);
    assert.equal(observations[1]?.valueQuantity?.value, 3);
    assert.equal(observations[2]?.valueCodeableConcept?.coding[0]?.code, 'medium');
    for (const observation of observations) {
      FhirId.parse(observation.id);
      assert.equal(observation.status, 'final');
      assert.equal(observation.category[0]?.coding[0]?.code, 'survey');
      assert.deepEqual(observation.derivedFrom, [{ reference: `QuestionnaireResponse/${ID}` }]);
      assert.deepEqual(observation.subject, { reference: 'Patient/p-1' });
      assert.equal(observation.effectiveDateTime, AUTHORED);
    }
  });

  it('an unscored response gives no Observations', () => {
    const unscored = scoreSbt({ '1': 1 });
    assert.ok(unscored.ok);
    assert.deepEqual(toFhirObservations(sbtInstrument, unscored.result, context), []);
  });

  it('the Bundle holds the response and its Observations, and every reference resolves inside it', () => {
    const bundle = toFhirBundle(response, observations, OPTIONS);
    assert.equal(bundle.type, 'collection');
    const urls = bundle.entry.map((entry) => entry.fullUrl);
    assert.equal(new Set(urls).size, urls.length);
    for (const observation of observations) {
      for (const reference of observation.derivedFrom) {
        assert.ok(urls.includes(`https://fhir.example.org/workup/${reference.reference}`));
      }
    }
  });
});
