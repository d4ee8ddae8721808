export * from './instruments/index';
export * from './fhir/index';
export * from './rtw/index';
export * from './triage/index';
export * from './followup/index';
export * from './vocational/index';
export * from './cdm/index';
