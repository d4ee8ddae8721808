export * from './audit';
export * from './consents';
export * from './episodes';
export * from './patients';
export * from './plans';
export * from './protocol';
export * from './staff';
