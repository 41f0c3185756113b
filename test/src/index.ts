export * from './testHub.ts';
