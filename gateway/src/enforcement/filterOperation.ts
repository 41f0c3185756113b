import {
  getNamedType,
  isAbstractType,
  isCompositeType,
  isInterfaceType,
  Kind,
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';
import { PLACEHOLDER_ALIAS, TYPENAME_ALIAS, type Decide, type Denial, type DenialStep } from './types.ts';

export interface FilterResult {
  /** The operation without the denied fields; a subgraph whose fields were all denied is not in it. */
  operation: OperationDefinitionNode;
  denials: Denial[];
  /** Every coordinate the operation reads that was allowed (for the operation log). */
  allowed: Set<string>;
}

const aliasField = (alias: string, name: string): FieldNode => ({
  kind: Kind.FIELD,
  alias: { kind: Kind.NAME, value: alias },
  name: { kind: Kind.NAME, value: name },
});

/**
 * Removes every field the viewer may not read from an operation whose fragments are inlined
 * (Apollo Router's authorization semantics): the rest of the operation runs, and the denials say
 * where to put nulls and FORBIDDEN errors afterwards.
 */
export function filterOperation(schema: GraphQLSchema, operation: OperationDefinitionNode, decide: Decide): FilterResult {
  const denials: Denial[] = [];
  const allowed = new Set<string>();
  const root = schema.getRootType(operation.operation)!;

  function filterSet(set: SelectionSetNode, parent: GraphQLCompositeType, steps: DenialStep[], onlyFor?: ReadonlySet<string>): SelectionSetNode {
    const kept: SelectionNode[] = [];
    let needsTypename = false;
    for (const sel of set.selections) {
      if (sel.kind === Kind.INLINE_FRAGMENT) {
        const type = (sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : parent) as GraphQLCompositeType;
        const narrows = type !== parent;
        const condition = narrows ? new Set(isAbstractType(type) ? schema.getPossibleTypes(type).map((t) => t.name) : [type.name]) : onlyFor;
        const before = denials.length;
        const inner = filterSet(sel.selectionSet, type, steps, condition);
        if (narrows && denials.length > before) needsTypename = true;
        kept.push({ ...sel, selectionSet: inner });
        continue;
      }
      if (sel.kind !== Kind.FIELD) continue;
      const name = sel.name.value;
      // Introspection (__schema, __type and the __Type… objects) describes the schema, not data.
      if (name.startsWith('__') || parent.name.startsWith('__')) {
        kept.push(sel);
        continue;
      }
      const field = 'getFields' in parent ? parent.getFields()[name] : undefined;
      if (!field) {
        kept.push(sel);
        continue;
      }
      const coordinate = `${parent.name}.${name}`;
      const coordinates = isInterfaceType(parent) ? [coordinate, ...schema.getPossibleTypes(parent).map((t) => `${t.name}.${name}`)] : [coordinate];
      const step: DenialStep = { key: sel.alias?.value ?? name, type: field.type, ...(onlyFor ? { onlyFor } : {}) };
      const refused = coordinates.map(decide).find((d) => !d.allowed);
      if (refused && !refused.allowed) {
        denials.push({ coordinate, decision: refused, steps: [...steps, step] });
        continue;
      }
      allowed.add(coordinate);
      const named = getNamedType(field.type);
      if (sel.selectionSet && isCompositeType(named)) {
        kept.push({ ...sel, selectionSet: filterSet(sel.selectionSet, named, [...steps, step]) });
      } else {
        kept.push(sel);
      }
    }
    if (needsTypename) kept.push(aliasField(TYPENAME_ALIAS, '__typename'));
    const hasField = (sels: readonly SelectionNode[]): boolean =>
      sels.some((s) => s.kind === Kind.FIELD || (s.kind === Kind.INLINE_FRAGMENT && hasField(s.selectionSet.selections)));
    if (!hasField(kept)) kept.push(aliasField(PLACEHOLDER_ALIAS, '__typename'));
    return { ...set, selections: kept };
  }

  return { operation: { ...operation, selectionSet: filterSet(operation.selectionSet, root, []) }, denials, allowed };
}
