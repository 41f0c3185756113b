import {
  getNamedType,
  isObjectType,
  isInterfaceType,
  Kind,
  type FieldNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** A field of `set` answered under `key`, looked up through inline fragments, with the type that declares it. */
function fieldAt(schema: GraphQLSchema, set: SelectionSetNode, type: GraphQLNamedType, key: string): { field: FieldNode; parent: GraphQLNamedType } | null {
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD && (sel.alias?.value ?? sel.name.value) === key) return { field: sel, parent: type };
    if (sel.kind === Kind.INLINE_FRAGMENT) {
      const found = fieldAt(schema, sel.selectionSet, (sel.typeCondition && schema.getType(sel.typeCondition.name.value)) || type, key);
      if (found) return found;
    }
  }
  return null;
}

/**
 * The schema coordinate (`Type.field`) that an answer's path names in an operation whose fragments are
 * inlined: `['institution', 'workforce', 'nodes', 3, 'person']` → `Employment.person`. List indexes are
 * skipped; null when the path leaves the operation.
 */
export function coordinateAt(schema: GraphQLSchema, operation: OperationDefinitionNode, path: readonly (string | number)[]): string | null {
  let type: GraphQLNamedType | undefined = schema.getRootType(operation.operation) ?? undefined;
  let set: SelectionSetNode | undefined = operation.selectionSet;
  let coordinate: string | null = null;
  for (const segment of path) {
    if (typeof segment === 'number') continue;
    if (!type || !set) return null;
    const found = fieldAt(schema, set, type, segment);
    if (!found) return null;
    const name = found.field.name.value;
    coordinate = `${found.parent.name}.${name}`;
    const definition = isObjectType(found.parent) || isInterfaceType(found.parent) ? found.parent.getFields()[name] : undefined;
    type = definition ? getNamedType(definition.type) : undefined;
    set = found.field.selectionSet;
  }
  return coordinate;
}
