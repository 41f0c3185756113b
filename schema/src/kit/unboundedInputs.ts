import { type ConstDirectiveNode, type DocumentNode, Kind, type InputValueDefinitionNode, type TypeNode } from 'graphql';

/**
 * Scalars whose own format bounds their length (a Date is YYYY-MM-DD), and the built-in ones that
 * carry no text. Any other scalar an SDL defines counts as text and needs `@maxLength`.
 */
const BOUNDED_SCALARS = new Set(['Int', 'Float', 'Boolean', 'Date', 'DateTime']);

const has = (directives: readonly ConstDirectiveNode[] | undefined, name: string) => directives?.some((d) => d.name.value === name) ?? false;

/** Whether the type is a list anywhere, and the name of what it holds. */
function shapeOf(type: TypeNode): { list: boolean; name: string } {
  if (type.kind === Kind.NAMED_TYPE) return { list: false, name: type.name.value };
  const inner = shapeOf(type.type);
  return { list: type.kind === Kind.LIST_TYPE || inner.list, name: inner.name };
}

/**
 * Every argument and input field of an SDL that takes text or a list with no declared maximum:
 * `Type.field(arg:)` or `Input.field`, with what it lacks. Enums and input objects need no
 * `@maxLength` (an input object's own fields are checked where they are defined); lists need
 * `@maxItems` whatever they hold.
 */
export function unboundedInputs(document: DocumentNode): string[] {
  const enums = new Set(
    document.definitions.flatMap((d) => (d.kind === Kind.ENUM_TYPE_DEFINITION || d.kind === Kind.ENUM_TYPE_EXTENSION ? [d.name.value] : [])),
  );
  const inputs = new Set(
    document.definitions.flatMap((d) => (d.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION || d.kind === Kind.INPUT_OBJECT_TYPE_EXTENSION ? [d.name.value] : [])),
  );
  const lacking = (where: string, value: InputValueDefinitionNode): string[] => {
    const { list, name } = shapeOf(value.type);
    const missing = [
      ...(list && !has(value.directives, 'maxItems') ? ['@maxItems'] : []),
      ...(!BOUNDED_SCALARS.has(name) && !enums.has(name) && !inputs.has(name) && !has(value.directives, 'maxLength') ? ['@maxLength'] : []),
    ];
    return missing.length ? [`${where}: ${name}${list ? ' (list)' : ''} lacks ${missing.join(' and ')}`] : [];
  };
  return document.definitions.flatMap((d) => {
    switch (d.kind) {
      case Kind.OBJECT_TYPE_DEFINITION:
      case Kind.OBJECT_TYPE_EXTENSION:
      case Kind.INTERFACE_TYPE_DEFINITION:
      case Kind.INTERFACE_TYPE_EXTENSION:
        return (d.fields ?? []).flatMap((f) => (f.arguments ?? []).flatMap((a) => lacking(`${d.name.value}.${f.name.value}(${a.name.value}:)`, a)));
      case Kind.INPUT_OBJECT_TYPE_DEFINITION:
      case Kind.INPUT_OBJECT_TYPE_EXTENSION:
        return (d.fields ?? []).flatMap((f) => lacking(`${d.name.value}.${f.name.value}`, f));
      default:
        return [];
    }
  });
}
