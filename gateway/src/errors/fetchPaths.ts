import { type DocumentNode, type FragmentDefinitionNode, Kind, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

export type ResponsePath = (string | number)[];

/** Response keys a selection set fills for an object of `typename` (every type when null), through fragments; `__typename` left out. */
function responseKeys(set: SelectionSetNode, typename: string | null, fragments: Map<string, FragmentDefinitionNode>, keys = new Set<string>()): Set<string> {
  const applies = (condition: string | undefined) => typename === null || condition === undefined || condition === typename;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value !== '__typename') keys.add(selection.alias?.value ?? selection.name.value);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      if (applies(selection.typeCondition?.name.value)) responseKeys(selection.selectionSet, typename, fragments, keys);
    } else {
      const fragment = fragments.get(selection.name.value);
      if (fragment && applies(fragment.typeCondition.name.value)) responseKeys(fragment.selectionSet, typename, fragments, keys);
    }
  }
  return keys;
}

/**
 * The paths in a subgraph's answer that one fetch of the query plan would have filled, so that an
 * office's failure is reported at its own fields: each root field's key, or for an entity fetch
 * (`_entities(representations: …)`) `['_entities', i, key]` for each field asked of representation
 * i, which @apollo/gateway moves to that entity's place in the client's answer.
 */
export function fetchPaths(document: DocumentNode, variables: Record<string, unknown> | undefined): ResponsePath[] {
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (!operation) return [];
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const [first] = operation.selectionSet.selections;
  if (operation.selectionSet.selections.length === 1 && first?.kind === Kind.FIELD && first.name.value === '_entities' && first.selectionSet) {
    const representations = Array.isArray(variables?.representations) ? (variables.representations as { __typename?: unknown }[]) : [];
    return representations.flatMap((representation, i) => {
      const typename = typeof representation?.__typename === 'string' ? representation.__typename : null;
      return [...responseKeys(first.selectionSet!, typename, fragments)].map((key) => ['_entities', i, key]);
    });
  }
  return [...responseKeys(operation.selectionSet, null, fragments)].map((key) => [key]);
}
