export * from './testHub.ts';
export * from './queries.ts';
