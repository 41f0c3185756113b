import { BREAK, visit } from 'graphql';
import type { ReceivedRequest } from '@hub/schema';

/**
 * Whether a request a subgraph received selects a field of this name anywhere, aliased or not, read
 * from its parsed document (a substring of the text would also match arguments, aliases and names
 * that merely contain it). A request that does not parse counts as selecting it: nobody can tell.
 */
export function selectsField(request: ReceivedRequest, field: string): boolean {
  if (!request.document) return true;
  let found = false;
  visit(request.document, {
    Field(node) {
      if (node.name.value !== field) return undefined;
      found = true;
      return BREAK;
    },
  });
  return found;
}
