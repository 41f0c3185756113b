export * from './messageTables.ts';
export * from './outbox.ts';
export * from './inbox.ts';
export * from './messageRoutes.ts';
