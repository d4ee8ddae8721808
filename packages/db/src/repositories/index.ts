export * from './audit';
export * from './patients';
export * from './staff';
