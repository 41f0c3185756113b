import { Kind, print, type DocumentNode } from 'graphql';
import type { ReceivedRequest } from '@hub/schema';

/**
 * A received operation printed on one line without its name (the query planner numbers its fetches
 * `Roster__hr__1`, …, in an order of its own), so a test compares what a subgraph was asked, field by
 * field, with what it expects.
 */
export function printedOperation(request: ReceivedRequest): string {
  if (!request.document) throw new Error(`the subgraph received a query that does not parse: ${request.query}`);
  const document: DocumentNode = {
    ...request.document,
    definitions: request.document.definitions.map((d) => (d.kind === Kind.OPERATION_DEFINITION ? { ...d, name: undefined } : d)),
  };
  return print(document).replace(/\s+/g, ' ').trim();
}
