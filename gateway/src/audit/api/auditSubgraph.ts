import { readFileSync } from 'node:fs';
import { LocalGraphQLDataSource } from '@apollo/gateway';
import { buildSubgraphSchemaOf, DateTimeScalar, requestInputLimitViolation } from '@hub/schema';
import type { GatewayContext } from '../../requestContext.ts';
import type { Resolvers } from '../generated/resolvers.ts';
import type { OperationLog } from '../operationLog.ts';
import { OperationLogEntry } from './OperationLogEntry.ts';
import { operationLog, verifyOperationLog } from './operationLog.ts';

const sdl = readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8');

/** Runs the log's API in process, its input limits checked first as every subgraph server checks them. */
class AuditDataSource extends LocalGraphQLDataSource<GatewayContext> {
  override async process(options: Parameters<LocalGraphQLDataSource<GatewayContext>['process']>[0]) {
    const refusal = requestInputLimitViolation(this.schema, options.request);
    return refusal ? { errors: [refusal] } : super.process(options);
  }
}

/**
 * The operation log's query API: a subgraph of the gateway's own, because the log is the gateway's
 * evidence (as an X-Road security server keeps its message log) and lives in the gateway's database;
 * no office, the coordination group included, holds the tables it could be asked to account for.
 * It runs inside the gateway's process (no port, no HTTP), behind the same enforcement as any subgraph.
 */
export function auditDataSource(log: OperationLog): LocalGraphQLDataSource<GatewayContext> {
  const resolvers: Resolvers = {
    DateTime: DateTimeScalar,
    Query: {
      operationLog: (_, args, ctx) => operationLog(log, ctx.viewer, args),
      verifyOperationLog: (_, __, ctx) => verifyOperationLog(log, ctx.viewer),
    },
    OperationLogEntry,
  };
  return new AuditDataSource(buildSubgraphSchemaOf(sdl, resolvers));
}
