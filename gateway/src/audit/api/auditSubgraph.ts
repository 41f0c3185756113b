import { readFileSync } from 'node:fs';
import { LocalGraphQLDataSource } from '@apollo/gateway';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { parse } from 'graphql';
import { DateTimeScalar } from '@hub/schema';
import type { GatewayContext } from '../../requestContext.ts';
import type { OperationLog } from '../operationLog.ts';
import { OperationLogEntry } from './OperationLogEntry.ts';
import { operationLog, verifyOperationLog, type OperationLogArgs } from './operationLog.ts';

const sdl = readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8');

/**
 * The operation log's query API: a subgraph of the gateway's own, because the log is the gateway's
 * evidence (as an X-Road security server keeps its message log) and lives in the gateway's database;
 * no office, the coordination group included, holds the tables it could be asked to account for.
 * It runs inside the gateway's process (no port, no HTTP), behind the same enforcement as any subgraph.
 */
export function auditDataSource(log: OperationLog): LocalGraphQLDataSource<GatewayContext> {
  const resolvers = {
    DateTime: DateTimeScalar,
    Query: {
      operationLog: (_: unknown, args: OperationLogArgs, ctx: GatewayContext) => operationLog(log, ctx.viewer, args),
      verifyOperationLog: (_: unknown, __: unknown, ctx: GatewayContext) => verifyOperationLog(log, ctx.viewer),
    },
    OperationLogEntry,
  };
  return new LocalGraphQLDataSource(buildSubgraphSchema([{ typeDefs: parse(sdl), resolvers: resolvers as unknown as GraphQLResolverMap<unknown> }]));
}
