export type * from './types';
export {
  LOINC,
  ORDINAL_VALUE_EXTENSION,
  questionnaireUrl,
  SDC_QUESTIONNAIRE_PROFILE,
  toFhirBundle,
  toFhirObservations,
  toFhirQuestionnaire,
  toFhirQuestionnaireResponse,
  type FhirOptions,
  type ResponseContext,
} from './export';
