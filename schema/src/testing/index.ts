export * from './freshDatabase.ts';
export * from './openTestDatabase.ts';
export * from './runOperation.ts';
export * from './testConfig.ts';
export * from './postSigned.ts';
export * from './captureLogs.ts';
