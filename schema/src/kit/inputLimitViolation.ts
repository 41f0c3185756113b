import {
  getArgumentValues,
  getNamedType,
  getNullableType,
  getOperationAST,
  getVariableValues,
  type DocumentNode,
  type FieldNode,
  type GraphQLField,
  type GraphQLError,
  type GraphQLInputType,
  type GraphQLNamedType,
  isInputObjectType,
  isListType,
  Kind,
  type OperationDefinitionNode,
  parse,
  type GraphQLSchema,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { ErrorCode, hubError } from './errors.ts';
import { inputLimitOf, type InputLimit } from './inputLimits.ts';

/** Characters as a reader counts them (code points: 𠀀 is one, not two UTF-16 units). */
function charCount(text: string, limit: number): number {
  // A string of no more UTF-16 units than the limit has no more code points either: no need to count.
  return text.length <= limit ? text.length : [...text].length;
}

interface Excess {
  /** The argument path as the client wrote it: `input.name`, `input.coordinates[3]`. */
  path: string;
  unit: 'chars' | 'items';
  limit: number;
  actual: number;
}

/** The first value under `value` (of `type`, bounded by `limit`) that is longer than it may be. */
function excessIn(schema: GraphQLSchema, value: unknown, type: GraphQLInputType, limit: InputLimit | null, path: string): Excess | null {
  if (value === null || value === undefined) return null;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    if (!Array.isArray(value)) return excessIn(schema, value, nullable.ofType, limit, path);
    if (limit?.items != null && value.length > limit.items) return { path, unit: 'items', limit: limit.items, actual: value.length };
    for (const [i, element] of value.entries()) {
      const found = excessIn(schema, element, nullable.ofType, limit, `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (isInputObjectType(nullable)) {
    for (const field of Object.values(nullable.getFields())) {
      const found = excessIn(schema, (value as Record<string, unknown>)[field.name], field.type, inputLimitOf(schema, field), `${path}.${field.name}`);
      if (found) return found;
    }
    return null;
  }
  if (typeof value === 'string' && limit?.chars != null) {
    const actual = charCount(value, limit.chars);
    if (actual > limit.chars) return { path, unit: 'chars', limit: limit.chars, actual };
  }
  return null;
}

/** The first excess over the operation's limited sites, in document order, with the field it is an argument of. */
function firstExcess(schema: GraphQLSchema, sites: readonly LimitedSite[], variables: Record<string, unknown>): (Excess & { fieldName: string }) | null {
  for (const { field, node } of sites) {
    let args: Record<string, unknown>;
    try {
      args = getArgumentValues(field, node, variables);
    } catch {
      continue; // Execution refuses it with graphql-js's own error.
    }
    for (const arg of field.args) {
      const found = excessIn(schema, args[arg.name], arg.type, inputLimitOf(schema, arg), arg.name);
      if (found) return { ...found, fieldName: field.name };
    }
  }
  return null;
}

/** Whether a value of this input type can hold a limited value (an input object with a limited field, at any depth). */
const holdsLimits = new WeakMap<GraphQLNamedType, boolean>();
function typeHoldsLimits(schema: GraphQLSchema, type: GraphQLInputType): boolean {
  const named = getNamedType(type);
  if (!isInputObjectType(named)) return false;
  let known = holdsLimits.get(named);
  if (known === undefined) {
    holdsLimits.set(named, false); // a type that refers to itself adds nothing it does not already hold
    known = Object.values(named.getFields()).some((field) => inputLimitOf(schema, field) !== null || typeHoldsLimits(schema, field.type));
    holdsLimits.set(named, known);
  }
  return known;
}

/** A field of the document with arguments of which one is limited, itself or inside its input objects. */
interface LimitedSite {
  field: GraphQLField<unknown, unknown>;
  node: FieldNode;
}

/**
 * The fields of the operation (with its fragments, in document order) that write an argument declared
 * with a limit, itself or inside its input objects: when there are none, no value can exceed one, and
 * the variables need not be coerced (the gateway's `_entities` fetches send a Roster's 808
 * representations, under an argument without limits); when there are, only they are read on each
 * request. Found once per parsed document, which Apollo reuses for the same text, not walked again
 * with a TypeInfo on every request.
 */
const limitedDocuments = new WeakMap<DocumentNode, WeakMap<OperationDefinitionNode, readonly LimitedSite[]>>();
function limitedSites(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): readonly LimitedSite[] {
  let perOperation = limitedDocuments.get(document);
  if (!perOperation) {
    perOperation = new WeakMap();
    limitedDocuments.set(document, perOperation);
  }
  const known = perOperation.get(operation);
  if (known !== undefined) return known;
  const typeInfo = new TypeInfo(schema);
  const sites: LimitedSite[] = [];
  const visitor = visitWithTypeInfo(typeInfo, {
    Field(fieldNode) {
      const field = typeInfo.getFieldDef();
      if (!field?.args.length || !fieldNode.arguments?.length) return;
      if (field.args.some((arg) => inputLimitOf(schema, arg) !== null || typeHoldsLimits(schema, arg.type)))
        sites.push({ field: field as GraphQLField<unknown, unknown>, node: fieldNode });
    },
  });
  for (const node of [operation, ...document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)]) visit(node, visitor);
  perOperation.set(operation, sites);
  return sites;
}

/**
 * The refusal for the first argument value of `operation` (literal or variable, as the resolvers
 * would receive it, through input objects and lists) longer than its schema declares with
 * `@maxLength` / `@maxItems`; null when every value is within bounds. Variables that do not coerce
 * are left to execution, which reports them as it always does.
 */
export function inputLimitViolation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): GraphQLError | null {
  const sites = limitedSites(schema, document, operation);
  if (sites.length === 0) return null;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {});
  if (coerced.errors) return null;
  const excess = firstExcess(schema, sites, coerced.coerced);
  if (!excess) return null;
  const { path, unit, limit, actual, fieldName } = excess;
  const [zhUnit, enUnit] = unit === 'chars' ? ['个字符', 'characters'] : ['项', 'items'];
  return hubError(
    ErrorCode.INPUT_TOO_LONG,
    path,
    `${fieldName} 的 ${path} 超过 ${limit} ${zhUnit}（实为 ${actual}）`,
    `${path} of ${fieldName} is longer than ${limit} ${enUnit} (${actual})`,
    // 200: Apollo answers an error thrown before execution with 500 unless told, and the gateway
    // reads a non-2xx answer as a failed office instead of passing the coded error on.
    { limit, unit, actual, operationField: fieldName, http: { status: 200 } },
  );
}

/** `inputLimitViolation` for a request as it arrives (text, operation name, variables): for a schema executed without Apollo Server. */
export function requestInputLimitViolation(
  schema: GraphQLSchema,
  request: { query?: string | undefined; operationName?: string | null | undefined; variables?: Record<string, unknown> | undefined },
): GraphQLError | null {
  let document: DocumentNode;
  try {
    document = parse(request.query ?? '');
  } catch {
    return null; // Execution refuses it with the parser's own error.
  }
  const operation = getOperationAST(document, request.operationName ?? undefined);
  return operation ? inputLimitViolation(schema, document, operation, request.variables) : null;
}
