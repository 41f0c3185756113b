import type { OperationLogEntry as Entry } from '../../../audit/operationLog.ts';

export const OperationLogEntry = {
  detail: (entry: Entry) => JSON.stringify(entry.detail),
};
