import type { ScoreResult, ScoreValue } from '@workup/contracts';
import type { Answers } from '../instruments/answers';
import type { QuestionnaireText } from '../instruments/content-pack';
import type { Instrument } from '../instruments/types';
import type {
  Bundle,
  Coding,
  Extension,
  Observation,
  Questionnaire,
  QuestionnaireItem,
  QuestionnaireResponse,
  Reference,
} from './types';

export const LOINC = 'http://loinc.org';
/** SDC's Questionnaire profile (SDC 3.0 on FHIR R4). */
export const SDC_QUESTIONNAIRE_PROFILE =
  'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire';
/** R4's extension for an answer's numeric weight (SDC uses it for scoring). */
export const ORDINAL_VALUE_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/ordinalValue';
export const MIN_VALUE_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/minValue';
export const MAX_VALUE_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/maxValue';
export const OBSERVATION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';

/** Where workup's own code systems and canonical URLs live (`<base>/Questionnaire/<id>`). */
export interface FhirOptions {
  readonly base: string;
}

const trimBase = (base: string) => base.replace(/\/+$/, '');
export const questionnaireUrl = (options: FhirOptions, id: string) =>
  `${trimBase(options.base)}/Questionnaire/${id}`;
const answerSystem = (options: FhirOptions, id: string) =>
  `${trimBase(options.base)}/CodeSystem/${id}-answers`;
const scoreSystem = (options: FhirOptions) => `${trimBase(options.base)}/CodeSystem/scores`;

/** A FHIR id: letters, digits, '-' and '.', at most 64 characters. */
const fhirId = (value: string) => value.replace(/[^A-Za-z0-9\-.]/g, '-').slice(0, 64);

/**
 * An instrument as a FHIR R4 Questionnaire following the SDC profile: one item per question
 * (linkId = item key), coded answers with their weights (`ordinalValue`), ranges on numeric
 * items, LOINC codes only where reference.md confirms them, and the licence as `copyright`.
 * The words come from `text`: our paraphrases or a site's content pack.
 */
export function toFhirQuestionnaire(
  instrument: Instrument,
  text: QuestionnaireText,
  options: FhirOptions,
): Questionnaire {
  const { definition, loinc } = instrument;
  const items: QuestionnaireItem[] = definition.items.map((item, index) => {
    const worded = text.items[index];
    const itemText = worded?.text ?? item.text;
    const itemLoinc = loinc?.items?.[item.key];
    const code = itemLoinc === undefined ? {} : { code: [{ system: LOINC, code: itemLoinc }] };
    if (item.kind === 'choice') {
      return {
        linkId: item.key,
        text: itemText,
        type: 'choice',
        ...code,
        answerOption: item.options.map((option, optionIndex) => ({
          valueCoding: {
            system: answerSystem(options, definition.id),
            code: String(option.code),
            display: worded?.options[optionIndex]?.label ?? option.label,
          },
          extension: [{ url: ORDINAL_VALUE_EXTENSION, valueDecimal: option.code }],
        })),
      };
    }
    const extension: Extension[] = [{ url: MIN_VALUE_EXTENSION, valueInteger: item.min }];
    if (item.max !== null) extension.push({ url: MAX_VALUE_EXTENSION, valueInteger: item.max });
    return { linkId: item.key, text: itemText, type: 'integer', ...code, extension };
  });
  return {
    resourceType: 'Questionnaire',
    id: fhirId(`${definition.id}-${definition.version}`),
    meta: { profile: [SDC_QUESTIONNAIRE_PROFILE] },
    url: questionnaireUrl(options, definition.id),
    version: definition.version,
    name: definition.id.replace(/[^A-Za-z0-9]/g, '_').toUpperCase(),
    title: text.title,
    status: instrument.scorable ? 'active' : 'draft',
    language: text.language,
    subjectType: ['Patient'],
    copyright: `${definition.licence.owner}. ${definition.licence.terms}${
      text.wording === 'paraphrase'
        ? ' Item texts are workup paraphrases, not the licensed wording.'
        : ''
    }`,
    ...(loinc?.questionnaire === undefined
      ? {}
      : { code: [{ system: LOINC, code: loinc.questionnaire, display: definition.title }] }),
    item: items,
  };
}

export interface ResponseContext extends FhirOptions {
  /** The QuestionnaireResponse's id (e.g. the stored response's UUID). */
  readonly id: string;
  /** When the answers were submitted, ISO 8601 with offset. */
  readonly authored: string;
  /** e.g. `Patient/<id>`; left out for anonymous exports. */
  readonly subject?: string;
}

/** A response as a FHIR QuestionnaireResponse: answered items only, codes with their labels. */
export function toFhirQuestionnaireResponse(
  instrument: Instrument,
  text: QuestionnaireText,
  answers: Answers,
  context: ResponseContext,
): QuestionnaireResponse {
  const { definition } = instrument;
  const missing = definition.items.some(
    (item) => answers[item.key] === undefined || answers[item.key] === null,
  );
  const item: QuestionnaireResponse['item'][number][] = [];
  definition.items.forEach((definitionItem, index) => {
    const value = answers[definitionItem.key];
    if (value === undefined || value === null) return;
    const worded = text.items[index];
    if (definitionItem.kind === 'choice') {
      const optionIndex = definitionItem.options.findIndex((option) => option.code === value);
      const label =
        worded?.options[optionIndex]?.label ?? definitionItem.options[optionIndex]?.label;
      item.push({
        linkId: definitionItem.key,
        text: worded?.text ?? definitionItem.text,
        answer: [
          {
            valueCoding: {
              system: answerSystem(context, definition.id),
              code: String(value),
              ...(label === undefined ? {} : { display: label }),
            },
          },
        ],
      });
    } else {
      item.push({
        linkId: definitionItem.key,
        text: worded?.text ?? definitionItem.text,
        answer: [{ valueInteger: value }],
      });
    }
  });
  return {
    resourceType: 'QuestionnaireResponse',
    id: fhirId(context.id),
    questionnaire: `${questionnaireUrl(context, definition.id)}|${definition.version}`,
    status: missing ? 'in-progress' : 'completed',
    authored: context.authored,
    ...(context.subject === undefined ? {} : { subject: { reference: context.subject } }),
    item,
  };
}

function scoreValue(value: ScoreValue, system: string): Partial<Observation> {
  if (typeof value === 'number') return { valueQuantity: { value } };
  if (typeof value === 'boolean') return { valueBoolean: value };
  if (typeof value === 'string') {
    return { valueCodeableConcept: { coding: [{ system, code: value }], text: value } };
  }
  if (Array.isArray(value)) return { valueString: value.join(', ') };
  return {};
}

/**
 * A scored response as one Observation per score, each derived from the QuestionnaireResponse.
 * Scores without a confirmed LOINC code use workup's score code system (`<instrument>.<key>`).
 * A record-valued score (e.g. red-flag suspicion per condition) becomes components.
 */
export function toFhirObservations(
  instrument: Instrument,
  result: ScoreResult,
  context: ResponseContext,
): Observation[] {
  if (result.scores === null) return [];
  const system = scoreSystem(context);
  const responseRef: Reference = { reference: `QuestionnaireResponse/${fhirId(context.id)}` };
  return Object.entries(result.scores)
    .filter(([, value]) => value !== null)
    .map(([key, value]) => {
      const loinc = instrument.loinc?.scores?.[key];
      const coding: Coding[] = [{ system, code: `${result.instrument}.${key}` }];
      if (loinc !== undefined) coding.unshift({ system: LOINC, code: loinc });
      const isRecord = value !== null && typeof value === 'object' && !Array.isArray(value);
      const component = isRecord
        ? Object.entries(value).map(([part, partValue]) => ({
            code: {
              coding: [{ system, code: `${result.instrument}.${key}.${part}` }],
              text: `${key}: ${part}`,
            },
            ...(typeof partValue === 'boolean'
              ? { valueBoolean: partValue }
              : { valueString: String(partValue) }),
          }))
        : undefined;
      return {
        resourceType: 'Observation' as const,
        id: fhirId(`${context.id}-${key}`),
        status: 'final' as const,
        category: [{ coding: [{ system: OBSERVATION_CATEGORY, code: 'survey' }] }],
        code: { coding, text: `${instrument.definition.title}: ${key}` },
        ...(context.subject === undefined ? {} : { subject: { reference: context.subject } }),
        effectiveDateTime: context.authored,
        derivedFrom: [responseRef],
        ...(component === undefined ? scoreValue(value, system) : { component }),
      };
    });
}

/**
 * The response and its Observations as one FHIR collection Bundle; full URLs sit under
 * `options.base`, so the Observations' relative `derivedFrom` references resolve inside it.
 */
export function toFhirBundle(
  response: QuestionnaireResponse,
  observations: readonly Observation[],
  options: FhirOptions,
): Bundle {
  return {
    resourceType: 'Bundle',
    type: 'collection',
    entry: [response, ...observations].map((resource) => ({
      fullUrl: `${trimBase(options.base)}/${resource.resourceType}/${resource.id}`,
      resource,
    })),
  };
}
