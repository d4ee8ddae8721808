export * from './common';
export * from './health';
export * from './instruments/score-result';
export * from './api/auth';
export * from './api/patients';
export * from './api/respond';
