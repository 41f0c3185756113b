import { buildSchema, GraphQLError, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { LogEntryInput, OperationLog } from './audit/operationLog.ts';
import type { SnapshotCache } from './catalog/snapshotCache.ts';
import { filterOperation } from './enforcement/filterOperation.ts';
import { recordOperation } from './recordOperation.ts';
import type { GatewayContext } from './requestContext.ts';

/** The cases the end-to-end tests cannot stage cheaply (an office failing mid-operation), on a schema of their own. */
const schema = buildSchema(`
  type Query { unit(id: ID!): Unit }
  type Unit { name: String staff: [Person!]! }
  type Person { name: String }
  type Mutation { register(name: String!): Unit  remove(id: ID!): Unit }
`);
const snapshots = {
  current: async () => ({ byCoordinate: new Map([['Mutation.register', { providerOffice: 'staffing' }]]) }),
  refresh: async () => undefined,
} as unknown as SnapshotCache;
const context: GatewayContext = {
  viewer: { office: 'staffing', role: 'OPERATOR', sub: 'op' },
  purpose: null,
  caseNumber: null,
  audit: [],
  requestId: 'test-request',
  receivedAt: 0,
};

async function record(query: string, data: unknown, errors: GraphQLError[], variables: Record<string, unknown> = {}) {
  const entries: LogEntryInput[] = [];
  const log = { appendMany: async (e: readonly LogEntryInput[]) => void entries.push(...e) } as unknown as OperationLog;
  const operation = parse(query).definitions[0] as OperationDefinitionNode;
  const filter = filterOperation(schema, operation, () => ({ allowed: true, reason: 'TEST' }));
  await recordOperation(snapshots, log)(context, { name: null, type: operation.operation, filter, data, errors, subgraphErrors: errors, variables, schema });
  return entries.map((e) => [e.kind, e.outcome, e.coordinates, (e.detail as { code?: string }).code ?? null, (e.detail as { stage?: string }).stage ?? null]);
}
const coded = (code: string, path?: (string | number)[]) => new GraphQLError(code, { path, extensions: { code } });

describe('recordOperation', () => {
  it('logs a root field whose office failed as WRITE FAILED, and the other root as done', async () => {
    const entries = await record(`mutation { a: register(name: "x") { name } b: remove(id: "1") { name } }`, { a: null, b: { name: 'y' } }, [
      coded('SUBGRAPH_UNAVAILABLE', ['a']),
    ]);
    expect(entries).toEqual([
      ['WRITE', 'FAILED', ['Mutation.register'], 'SUBGRAPH_UNAVAILABLE', null],
      ['WRITE', 'ALLOWED', ['Mutation.remove'], null, null],
    ]);
  });

  it('after a failure with no path, counts as done only the roots that have an answer', async () => {
    const entries = await record(`mutation { a: register(name: "x") { name } b: remove(id: "1") { name } }`, { a: { name: 'x' }, b: null }, [
      coded('INTERNAL_SERVER_ERROR'),
    ]);
    expect(entries).toEqual([
      ['WRITE', 'FAILED', ['Mutation.remove'], 'INTERNAL_SERVER_ERROR', null],
      ['WRITE', 'ALLOWED', ['Mutation.register'], null, null],
    ]);
  });

  it("logs a query's variables refused by the gateway (no code yet) as a denial with BAD_USER_INPUT", async () => {
    const document = parse(`query ($id: ID!) { unit(id: $id) { name } }`);
    const variable = (document.definitions[0] as OperationDefinitionNode).variableDefinitions![0]!;
    const entries = await record(`query ($id: ID!) { unit(id: $id) { name } }`, undefined, [
      new GraphQLError('Variable "$id" of required type "ID!" was not provided.', { nodes: [variable] }),
    ]);
    expect(entries).toEqual([['DENIAL', 'DENIED', ['Query.unit'], 'BAD_USER_INPUT', 'VARIABLES']]);
  });

  it('logs rows refused below the root as one denial naming their field, and a failure there as nothing', async () => {
    const entries = await record(`{ unit(id: "1") { staff { name } } }`, { unit: { staff: [{ name: 'a' }, { name: null }, { name: null }] } }, [
      coded('FORBIDDEN', ['unit', 'staff', 1, 'name']),
      coded('FORBIDDEN', ['unit', 'staff', 2, 'name']),
      coded('SUBGRAPH_UNAVAILABLE', ['unit', 'name']),
    ]);
    expect(entries).toEqual([['DENIAL', 'DENIED', ['Person.name'], null, 'ROWS']]);
  });
});
