export * from './instruments/index';
export * from './fhir/index';
