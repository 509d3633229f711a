export * from './auth';
export * from './groups';
export * from './incidents';
export * from './operations';
export * from './reference';
export * from './rollups';
export * from './stream';
export * from './alerts';
