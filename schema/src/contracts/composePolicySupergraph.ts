import { readFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { Kind, parse, print, visit, type ConstDirectiveNode, type DocumentNode, type FieldDefinitionNode, type SelectionNode, type TypeNode } from 'graphql';
import { subgraphTypeDefs } from '../kit/inputLimits.ts';
import type { CatalogEntryDefinition } from './catalog.ts';
import { catalogPolicyName } from './catalogPolicyName.ts';
import type { Composition } from './compose.ts';
import { REPO_ROOT } from './paths.ts';
import { defaultSubgraphUrl, SERVICE_SUBGRAPHS } from './subgraphs.ts';

const FEDERATION_LINK = 'https://specs.apollo.dev/federation/';

/**
 * The supergraph a standard router enforces (README, "Putting a standard router in front"): the
 * services' SDL with every field carrying the Federation `@policy` of its catalog item
 * (`@policy(policies: [["catalog:ZZB-01-002:Cadre.post"]])`), composed by Apollo's composition like the
 * hub's own, so the directive is linked as routers expect it (`@link(url: "https://specs.apollo.dev/policy/v0.1", for: SECURITY)`).
 * `audit` (the operation log API) is left out: it runs inside the hub's gateway, which a router cannot call.
 */
export function composePolicySupergraph(entries: readonly CatalogEntryDefinition[]): Composition {
  const codeOf = new Map<string, string>();
  for (const entry of entries) for (const item of entry.items) codeOf.set(item.coordinate, entry.code);
  const result = composeServices(
    SERVICE_SUBGRAPHS.map((s) => ({
      name: s.name,
      url: defaultSubgraphUrl(s.name),
      typeDefs: withPolicies(subgraphTypeDefs(readFileSync(REPO_ROOT + s.sdl, 'utf8')), codeOf),
    })),
  );
  if (result.errors?.length || !result.supergraphSdl) {
    throw new Error(`policy composition failed:\n${(result.errors ?? []).map((e) => `- ${e.message}`).join('\n')}`);
  }
  return { supergraphSdl: result.supergraphSdl, hints: result.hints ?? [] };
}

const name = (value: string) => ({ kind: Kind.NAME, value }) as const;

/** One `@policy` whose one group requires every policy named (AND). */
function policyDirective(policies: readonly string[]): ConstDirectiveNode {
  const list = (values: readonly unknown[]) => ({ kind: Kind.LIST, values }) as never;
  return {
    kind: Kind.DIRECTIVE,
    name: name('policy'),
    arguments: [{ kind: Kind.ARGUMENT, name: name('policies'), value: list([list(policies.map((value) => ({ kind: Kind.STRING, value })))]) }],
  };
}

/** The named type under a field's list and non-null wrappers. */
function namedType(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type);
}

/**
 * Every coordinate a `@requires(fields: "…")` reads, nested selections included
 * (`leadershipPostsApproved { creditCode approved }` reads the list and both fields of its element type).
 */
function requiredCoordinates(document: DocumentNode, typeName: string, field: FieldDefinitionNode): string[] {
  const requires = field.directives?.find((d) => d.name.value === 'requires')?.arguments?.find((a) => a.name.value === 'fields')?.value;
  if (requires?.kind !== Kind.STRING) return [];
  const operation = parse(`{ ${requires.value} }`).definitions[0];
  if (operation?.kind !== Kind.OPERATION_DEFINITION) return [];
  const fieldOf = (type: string, fieldName: string) =>
    document.definitions
      .flatMap((d) => ((d.kind === Kind.OBJECT_TYPE_DEFINITION || d.kind === Kind.OBJECT_TYPE_EXTENSION) && d.name.value === type ? (d.fields ?? []) : []))
      .find((f) => f.name.value === fieldName);
  const walk = (type: string, selections: readonly SelectionNode[]): string[] =>
    selections.flatMap((s) => {
      if (s.kind !== Kind.FIELD) return [];
      const coordinate = `${type}.${s.name.value}`;
      const definition = fieldOf(type, s.name.value);
      const nested = s.selectionSet && definition ? walk(namedType(definition.type), s.selectionSet.selections) : [];
      return [coordinate, ...nested];
    });
  return walk(typeName, operation.selectionSet.selections);
}

/**
 * The subgraph's SDL with `@policy` imported from its federation link and put on each field it
 * resolves, keys and shareable fields included (composition merges the same policy from each).
 */
function withPolicies(document: DocumentNode, codeOf: ReadonlyMap<string, string>): DocumentNode {
  const policed = (typeName: string) => (field: FieldDefinitionNode) => {
    const coordinate = `${typeName}.${field.name.value}`;
    // An external field is resolved elsewhere (its own subgraph carries the policy); _entities and _service are federation's.
    if (field.directives?.some((d) => d.name.value === 'external' || d.name.value === 'inaccessible')) return field;
    // Federation asks a field with @requires to carry the policies of the fields it requires as well (AND).
    const policies = [coordinate, ...requiredCoordinates(document, typeName, field)].map((c) => catalogPolicyName(codeOf.get(c) ?? null, c));
    return { ...field, directives: [...(field.directives ?? []), policyDirective(policies)] };
  };
  return visit(document, {
    SchemaExtension(node) {
      return print(node).includes(FEDERATION_LINK) ? importPolicy(node) : undefined;
    },
    ObjectTypeDefinition: (node) => ({ ...node, fields: node.fields?.map(policed(node.name.value)) }),
    ObjectTypeExtension: (node) => ({ ...node, fields: node.fields?.map(policed(node.name.value)) }),
    InterfaceTypeDefinition: (node) => ({ ...node, fields: node.fields?.map(policed(node.name.value)) }),
    InterfaceTypeExtension: (node) => ({ ...node, fields: node.fields?.map(policed(node.name.value)) }),
  });
}

/** `extend schema @link(url: ".../federation/v2.7", import: [...])` with "@policy" added to the import list. */
function importPolicy<T extends { directives?: readonly ConstDirectiveNode[] | undefined }>(node: T): T {
  return {
    ...node,
    directives: node.directives?.map((d) => {
      if (d.name.value !== 'link') return d;
      return {
        ...d,
        arguments: d.arguments?.map((a) =>
          a.name.value === 'import' && a.value.kind === Kind.LIST
            ? { ...a, value: { ...a.value, values: [...a.value.values, { kind: Kind.STRING, value: '@policy' }] } }
            : a,
        ),
      };
    }),
  } as T;
}
