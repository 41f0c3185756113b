import { readFileSync } from 'node:fs';
import { type ConstDirectiveNode, type FieldDefinitionNode, Kind, parse, print } from 'graphql';
import { describe, expect, it } from 'vitest';
import { SUPERGRAPH_PATH } from './paths.ts';

const argument = (directive: ConstDirectiveNode, name: string) => {
  const value = directive.arguments?.find((a) => a.name.value === name)?.value;
  return value && (value.kind === Kind.ENUM || value.kind === Kind.BOOLEAN) ? value.value : undefined;
};

/** The subgraphs that resolve `field` of a type that `typeGraphs` define (no @join__field: all of them). */
function resolvingGraphs(field: FieldDefinitionNode, typeGraphs: Set<unknown>): Set<unknown> {
  const joins = (field.directives ?? []).filter((d) => d.name.value === 'join__field' && argument(d, 'graph') && argument(d, 'external') !== true);
  return joins.length ? new Set(joins.map((d) => argument(d, 'graph'))) : typeGraphs;
}

/**
 * Every field of a type several subgraphs share (an entity such as Institution or Person, and Query
 * and Mutation) that only some of them resolve, with its type, as the committed supergraph says.
 */
function fieldsFromSomeOffices() {
  const fields: { coordinate: string; type: string; nonNull: boolean }[] = [];
  for (const def of parse(readFileSync(SUPERGRAPH_PATH, 'utf8')).definitions) {
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
    const graphs = new Set((def.directives ?? []).filter((d) => d.name.value === 'join__type').map((d) => argument(d, 'graph')));
    if (graphs.size < 2) continue;
    for (const field of def.fields ?? []) {
      // An @inaccessible field is in no client's graph (the gateway's own `_catalogSnapshot`).
      if (field.directives?.some((d) => d.name.value === 'inaccessible')) continue;
      if (resolvingGraphs(field, graphs).size === graphs.size) continue;
      fields.push({ coordinate: `${def.name.value}.${field.name.value}`, type: print(field.type), nonNull: field.type.kind === Kind.NON_NULL_TYPE });
    }
  }
  return fields;
}

/**
 * An office that fails (stopped, hung, past the deadline) leaves null where its fields were. Were one
 * of them non-null, GraphQL would null its parent instead, which another office served: a failed
 * Staffing Office would take away HR's employment record above an institution's name, a failed HR a
 * whole answer's `data` above `registerPerson`. So a field that not every office sharing its type
 * resolves is nullable, and one office's failure nulls only its own fields.
 */
describe('one office failing', () => {
  const fields = fieldsFromSomeOffices();

  it('finds the fields one office contributes to a shared type (entities, Query, Mutation)', () => {
    const coordinates = fields.map((f) => f.coordinate);
    for (const known of [
      'Institution.name',
      'Institution.workforce',
      'Institution.budgetUnit',
      'Person.name',
      'Person.staffingCards',
      'Query.institutions',
      'Mutation.registerPerson',
    ]) {
      expect(coordinates).toContain(known);
    }
  });

  it('nulls only its own fields: every field from some offices of a shared type is nullable', () => {
    expect(fields.filter((f) => f.nonNull).map((f) => `${f.coordinate}: ${f.type}`)).toEqual([]);
  });
});
