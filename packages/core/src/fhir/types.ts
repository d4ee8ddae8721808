/**
 * The small part of FHIR R4 that workup writes: Questionnaire (SDC), QuestionnaireResponse,
 * Observation and a collection Bundle. Plain JSON shapes; no FHIR library is needed to write
 * them, and the tests check them against the R4 rules they rely on.
 */
export interface Coding {
  readonly system: string;
  readonly code: string;
  readonly display?: string;
}

export interface Extension {
  readonly url: string;
  readonly valueDecimal?: number;
  readonly valueInteger?: number;
  readonly valueString?: string;
  readonly valueCode?: string;
}

export interface QuestionnaireItem {
  readonly linkId: string;
  readonly text: string;
  readonly type: 'choice' | 'integer' | 'display';
  readonly required?: boolean;
  readonly code?: readonly Coding[];
  readonly extension?: readonly Extension[];
  readonly answerOption?: readonly {
    readonly valueCoding: Coding;
    readonly extension: readonly Extension[];
  }[];
}

export interface Questionnaire {
  readonly resourceType: 'Questionnaire';
  readonly id: string;
  readonly meta: { readonly profile: readonly string[] };
  readonly url: string;
  readonly version: string;
  readonly name: string;
  readonly title: string;
  readonly status: 'active' | 'draft';
  readonly language: string;
  readonly subjectType: readonly ['Patient'];
  readonly copyright: string;
  readonly code?: readonly Coding[];
  readonly extension?: readonly Extension[];
  readonly item: readonly QuestionnaireItem[];
}

export interface Reference {
  readonly reference: string;
}

export interface QuestionnaireResponse {
  readonly resourceType: 'QuestionnaireResponse';
  readonly id: string;
  readonly questionnaire: string;
  readonly status: 'completed' | 'in-progress';
  readonly authored: string;
  readonly subject?: Reference;
  readonly item: readonly {
    readonly linkId: string;
    readonly text: string;
    readonly answer: readonly (
      { readonly valueCoding: Coding } | { readonly valueInteger: number }
    )[];
  }[];
}

export interface Observation {
  readonly resourceType: 'Observation';
  readonly id: string;
  readonly status: 'final';
  readonly category: readonly { readonly coding: readonly Coding[] }[];
  readonly code: { readonly coding: readonly Coding[]; readonly text: string };
  readonly subject?: Reference;
  readonly effectiveDateTime: string;
  readonly derivedFrom: readonly Reference[];
  readonly valueQuantity?: { readonly value: number; readonly unit?: string };
  readonly valueString?: string;
  readonly valueBoolean?: boolean;
  readonly valueCodeableConcept?: { readonly coding: readonly Coding[]; readonly text: string };
  readonly component?: readonly {
    readonly code: { readonly coding: readonly Coding[]; readonly text: string };
    readonly valueBoolean?: boolean;
    readonly valueString?: string;
  }[];
}

export interface Bundle {
  readonly resourceType: 'Bundle';
  readonly type: 'collection';
  readonly entry: readonly {
    readonly fullUrl: string;
    readonly resource: QuestionnaireResponse | Observation;
  }[];
}
