import { buildASTSchema, isInterfaceType, isObjectType, Kind, parse } from 'graphql';
import { catalogPolicyName, policyCoordinate } from '@hub/schema/contracts';

/**
 * Each field's own policy in a policy supergraph (the first name of its `@policy` whose coordinate is
 * the field itself): the one the hub's decision reads for that coordinate. A field without one gets
 * the UNLISTED policy, which the decision service refuses.
 */
export function policyOfCoordinate(policySupergraphSdl: string): (coordinate: string) => string {
  const schema = buildASTSchema(parse(policySupergraphSdl), { assumeValidSDL: true });
  const policies = new Map<string, string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) && !isInterfaceType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const coordinate = `${type.name}.${field.name}`;
      const groups = field.astNode?.directives?.find((d) => d.name.value === 'policy')?.arguments?.[0]?.value;
      if (groups?.kind !== Kind.LIST) continue;
      for (const group of groups.values) {
        if (group.kind !== Kind.LIST) continue;
        const own = group.values.find((v) => v.kind === Kind.STRING && policyCoordinate(v.value) === coordinate);
        if (own?.kind === Kind.STRING) policies.set(coordinate, own.value);
      }
    }
  }
  return (coordinate) => policies.get(coordinate) ?? catalogPolicyName(null, coordinate);
}
