import type { OperationLogEntryResolvers } from '../generated/resolvers.ts';

export const OperationLogEntry: OperationLogEntryResolvers = {
  detail: (entry) => JSON.stringify(entry.detail),
};
