import type { OperationLogEntry as Entry } from '../operationLog.ts';

export const OperationLogEntry = {
  detail: (entry: Entry) => JSON.stringify(entry.detail),
};
