import type { OperationLogEntry } from '../operationLog.ts';

/** What the operation log's resolvers receive as their parent: stored entries (see the root codegen.ts). */
export type OperationLogEntryParent = OperationLogEntry;
export type OperationLogConnectionParent = { nodes: OperationLogEntry[]; totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
