import { Kind, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

/**
 * The chosen operation with every named fragment spread replaced by an inline fragment, so that
 * enforcement sees each field once in place (a fragment used in two places may be allowed in one
 * and denied in the other only by its position, never by its name).
 */
export function inlineFragments(document: DocumentNode, operationName: string | null | undefined): OperationDefinitionNode | null {
  const fragments = new Map<string, FragmentDefinitionNode>();
  const operations: OperationDefinitionNode[] = [];
  for (const def of document.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    if (def.kind === Kind.OPERATION_DEFINITION) operations.push(def);
  }
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
  if (!operation) return null;

  const inline = (set: SelectionSetNode): SelectionSetNode => ({
    ...set,
    selections: set.selections.map((sel) => {
      if (sel.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(sel.name.value)!;
        return { kind: Kind.INLINE_FRAGMENT, typeCondition: fragment.typeCondition, directives: sel.directives, selectionSet: inline(fragment.selectionSet) };
      }
      return sel.selectionSet ? { ...sel, selectionSet: inline(sel.selectionSet) } : sel;
    }),
  });
  return { ...operation, selectionSet: inline(operation.selectionSet) };
}
