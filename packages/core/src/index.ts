export * from './instruments/index';
