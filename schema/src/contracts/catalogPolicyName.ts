/**
 * The name of the Federation `@policy` that guards one field in the policy supergraph
 * (schema/supergraph.policy.graphql): `catalog:<entry code>:<Type.field>`, e.g.
 * `catalog:ZZB-01-002:Cadre.post`. One policy per field, not per entry, because a grant covers the
 * items it names (an access request may ask for some of an entry's items): a per-entry policy could
 * not say "Cadre.post yes, Cadre.rank no". The entry code is for the reader of the SDL; the decision
 * reads the coordinate against the catalog as it is now, so an item moved to another entry after
 * composition is still decided by its current entry. `UNLISTED`: a field in no entry (always refused).
 */
export function catalogPolicyName(code: string | null, coordinate: string): string {
  return `catalog:${code ?? 'UNLISTED'}:${coordinate}`;
}

const POLICY = /^catalog:([A-Z]{2,4}-\d{2}-\d{3}|UNLISTED):([_A-Za-z][_0-9A-Za-z]*\.[_A-Za-z][_0-9A-Za-z]*)$/;

/** The coordinate a catalog policy guards, or null for a name that is not one of ours. */
export function policyCoordinate(policy: string): string | null {
  return POLICY.exec(policy)?.[2] ?? null;
}
