export * from './hub.ts';
export * from './testHub.ts';
