export * from './testHub.ts';
export * from './queries.ts';
export * from './accessMatrix.ts';
export * from './verificationRun.ts';
