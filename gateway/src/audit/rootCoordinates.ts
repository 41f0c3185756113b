import { getOperationAST, Kind, type DocumentNode } from 'graphql';

/**
 * The coordinates (`Mutation.registerInstitution`) of the root fields an operation asks for directly,
 * when the document names one operation; at most `max` of them (a refused document may be large).
 */
export function rootCoordinates(document: DocumentNode | undefined, operationName: string | null | undefined, max = 20): string[] {
  const operation = document && getOperationAST(document, operationName);
  if (!operation) return [];
  const type = operation.operation === 'mutation' ? 'Mutation' : operation.operation === 'subscription' ? 'Subscription' : 'Query';
  const fields = operation.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [`${type}.${s.name.value}`] : []));
  return [...new Set(fields)].slice(0, max);
}
