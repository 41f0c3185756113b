import { readFileSync } from 'node:fs';
import { buildASTSchema, isNonNullType, isObjectType, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadDefaultCatalog } from './catalog.ts';
import { SUPERGRAPH_PATH } from './paths.ts';

const RANK = { UNCONDITIONAL: 0, CONDITIONAL: 1, NOT_SHARED: 2 } as const;

/**
 * A denied field comes back null. If it were non-null, GraphQL would null its parent instead and
 * hide fields the caller may read; so a field shared more narrowly than some sibling must be nullable:
 * by share type (another office), or by the open attribute (an anonymous caller).
 */
describe('catalog and schema together', () => {
  it('make every field that may be denied while its siblings are allowed nullable', () => {
    const schema = buildASTSchema(parse(readFileSync(SUPERGRAPH_PATH, 'utf8')), { assumeValidSDL: true });
    const shareOf = new Map<string, number>();
    const openOf = new Map<string, boolean>();
    for (const entry of loadDefaultCatalog()) {
      for (const item of entry.items) {
        shareOf.set(item.coordinate, RANK[entry.shareType]);
        openOf.set(item.coordinate, entry.open && entry.shareType !== 'NOT_SHARED');
      }
    }
    const offenders: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('_') || type.name === 'Mutation') continue;
      const fields = Object.values(type.getFields()).filter((f) => shareOf.has(`${type.name}.${f.name}`));
      const widest = Math.min(...fields.map((f) => shareOf.get(`${type.name}.${f.name}`)!));
      const someOpen = fields.some((f) => openOf.get(`${type.name}.${f.name}`));
      for (const f of fields) {
        const coordinate = `${type.name}.${f.name}`;
        const narrower = shareOf.get(coordinate)! > widest || (someOpen && !openOf.get(coordinate));
        if (narrower && isNonNullType(f.type)) offenders.push(coordinate);
      }
    }
    expect(offenders).toEqual([]);
  });
});
