import { readFileSync } from 'node:fs';
import { buildASTSchema, Kind, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { catalogCoordinates, loadDefaultCatalog } from './catalog.ts';
import { catalogPolicyName, policyCoordinate } from './catalogPolicyName.ts';
import { composePolicySupergraph } from './composePolicySupergraph.ts';
import { POLICY_SUPERGRAPH_PATH, SUPERGRAPH_PATH } from './paths.ts';

describe('policy supergraph', () => {
  const entries = loadDefaultCatalog();
  const { supergraphSdl, hints } = composePolicySupergraph(entries);
  const schema = buildASTSchema(parse(supergraphSdl), { assumeValidSDL: true });
  /** Each field's policies, as the routers read them: an OR of AND groups. */
  const policiesOf = (coordinate: string): string[][] => {
    const [type, field] = coordinate.split('.') as [string, string];
    const named = schema.getType(type);
    const node = named && 'getFields' in named ? named.getFields()[field]?.astNode : undefined;
    const value = node?.directives?.find((d) => d.name.value === 'policy')?.arguments?.[0]?.value;
    if (value?.kind !== Kind.LIST) return [];
    return value.values.map((group) => (group.kind === Kind.LIST ? group.values.map((v) => (v.kind === Kind.STRING ? v.value : '?')) : ['?']));
  };

  it('is current: the committed file equals a fresh composition (run `pnpm compose`)', () => {
    expect(readFileSync(POLICY_SUPERGRAPH_PATH, 'utf8')).toBe(supergraphSdl);
    expect(hints.map((h) => `${h.definition.code}: ${h.message}`)).toEqual([]);
  });

  it('links the policy spec as routers expect it', () => {
    expect(supergraphSdl).toContain('@link(url: "https://specs.apollo.dev/policy/v0.1", for: SECURITY)');
    expect(supergraphSdl).toContain('directive @policy(policies: [[policy__Policy!]!]!) on FIELD_DEFINITION');
  });

  it("puts every field's catalog entry on it, and the same fields as the hub's supergraph less the gateway's own audit API", () => {
    const codeOf = new Map(entries.flatMap((e) => e.items.map((i) => [i.coordinate, e.code] as const)));
    const policed = new Set(catalogCoordinates(supergraphSdl));
    const auditOnly = catalogCoordinates(readFileSync(SUPERGRAPH_PATH, 'utf8')).filter((c) => !policed.has(c));
    expect(auditOnly.length).toBeGreaterThan(0);
    expect(auditOnly.filter((c) => !codeOf.get(c)?.startsWith('XT-'))).toEqual([]);
    const wrong = [...policed].filter((c) => policiesOf(c)[0]?.[0] !== catalogPolicyName(codeOf.get(c) ?? null, c));
    expect(wrong).toEqual([]);
    expect(policiesOf('Cadre.post')).toEqual([['catalog:ZZB-01-002:Cadre.post']]);
    expect(policyCoordinate('catalog:ZZB-01-002:Cadre.post')).toBe('Cadre.post');
    expect(policyCoordinate('admin')).toBeNull();
  });

  it('makes a field with @requires need the policies of what it requires too (Federation refuses it otherwise)', () => {
    expect(policiesOf('Institution.leadershipPostStatus')).toEqual([
      ['catalog:ZZB-01-004:Institution.leadershipPostStatus', 'catalog:BB-02-001:Institution.leadershipPostsApproved'],
    ]);
  });
});
