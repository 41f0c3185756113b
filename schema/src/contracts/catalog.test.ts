import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildASTSchema, getNamedType, getNullableType, isInterfaceType, isListType, isObjectType, parse, type GraphQLObjectType } from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';
import {
  CATALOG_PATH,
  CatalogError,
  catalogCoordinates,
  fieldOwners,
  loadDefaultCatalog,
  PROVIDER_OFFICES,
  SHARE_TYPES,
  validateCatalog,
  type CatalogEntryDefinition,
} from './catalog.ts';
import { SUPERGRAPH_PATH } from './paths.ts';

const supergraphSdl = readFileSync(SUPERGRAPH_PATH, 'utf8');
const supergraph = buildASTSchema(parse(supergraphSdl), { assumeValidSDL: true });
const catalog = loadDefaultCatalog();
const items = catalog.flatMap((entry) => entry.items.map((item) => ({ entry, item })));

/** The file as JSON, to break copies of it. */
const rawCatalog = () => JSON.parse(readFileSync(CATALOG_PATH, 'utf8')) as { entries: CatalogEntryDefinition[] };
const entryOf = (json: { entries: CatalogEntryDefinition[] }, code: string) => json.entries.find((e) => e.code === code)!;

describe('the default catalog file', () => {
  it('loads and validates', () => {
    expect(catalog.map((e) => e.code)).toEqual(rawCatalog().entries.map((e) => e.code));
    expect(catalog.every((e) => e.status === 'ACTIVE')).toBe(true);
  });

  it('covers every supergraph coordinate with exactly one entry', () => {
    const counts = new Map<string, number>();
    for (const { item } of items) counts.set(item.coordinate, (counts.get(item.coordinate) ?? 0) + 1);
    const missing = catalogCoordinates(supergraphSdl).filter((c) => !counts.has(c));
    const repeated = [...counts].filter(([, n]) => n > 1).map(([c]) => c);
    expect(missing, `coordinates in no catalog entry: ${missing.join(', ')}`).toEqual([]);
    expect(repeated, `coordinates in more than one item: ${repeated.join(', ')}`).toEqual([]);
  });

  it('names only coordinates that exist in the supergraph', () => {
    const known = new Set(catalogCoordinates(supergraphSdl));
    const unknown = items.filter(({ item }) => !known.has(item.coordinate)).map(({ entry, item }) => `${entry.code}: ${item.coordinate}`);
    expect(unknown, `catalog items not in the supergraph: ${unknown.join(', ')}`).toEqual([]);
  });

  it('gives every item to an entry of the office whose subgraph resolves it', () => {
    const owners = fieldOwners(supergraphSdl);
    const allGraphs = new Set([...owners.values()].flat());
    // Entity keys and shareable types (Person.idNumber, PageInfo.*) are resolved by every subgraph: any office may list them.
    const sharedByAll = (graphs: string[]) => graphs.length === allGraphs.size;
    const wrong = items
      .filter(({ entry, item }) => {
        const graphs = owners.get(item.coordinate) ?? [];
        return !sharedByAll(graphs) && !graphs.some((g) => (PROVIDER_OFFICES[entry.providerOffice].subgraphs as readonly string[]).includes(g));
      })
      .map(({ entry, item }) => `${entry.code} (${entry.providerOffice}): ${item.coordinate} is resolved by ${owners.get(item.coordinate)?.join('+')}`);
    expect(wrong, `items whose provider office does not resolve them:\n${wrong.join('\n')}`).toEqual([]);
  });

  it('has every share type at least twice, the exceptions spread over at least three offices', () => {
    for (const shareType of SHARE_TYPES) {
      const entries = catalog.filter((e) => e.shareType === shareType);
      expect(entries.length, `${shareType} entries`).toBeGreaterThanOrEqual(2);
      expect(new Set(entries.map((e) => e.providerOffice)).size, `offices with ${shareType} entries`).toBeGreaterThanOrEqual(2);
    }
    const exceptions = catalog.filter((e) => e.shareType !== 'UNCONDITIONAL');
    expect(new Set(exceptions.map((e) => e.providerOffice)).size).toBeGreaterThanOrEqual(3);
    expect(catalog.some((e) => e.providerOffice === 'organization' && e.shareType === 'NOT_SHARED')).toBe(true);
  });

  it('opens to the public no personal data: no Person field, no record about a person, nothing that returns one', () => {
    const personal = items
      .filter(({ entry }) => entry.open)
      .filter(({ item }) => {
        const [typeName, fieldName] = item.coordinate.split('.') as [string, string];
        const parent = supergraph.getType(typeName) as GraphQLObjectType;
        const returned = getNamedType(parent.getFields()[fieldName]!.type);
        // A type with a `person` field (Cadre, LedgerEntry, PayrollRecord …) is a record about someone; the root types are not.
        const roots = [supergraph.getQueryType(), supergraph.getMutationType()];
        const aboutPerson = (t: unknown) =>
          (isObjectType(t) || isInterfaceType(t)) &&
          !roots.includes(t as GraphQLObjectType) &&
          (t.name === 'Person' || t.name === 'PersonConnection' || 'person' in t.getFields());
        return aboutPerson(parent) || aboutPerson(returned);
      })
      .map(({ entry, item }) => `${entry.code}: ${item.coordinate}`);
    expect(personal, `open entries with personal data: ${personal.join(', ')}`).toEqual([]);
    expect(catalog.filter((e) => e.open).every((e) => e.shareType === 'UNCONDITIONAL')).toBe(true);
  });

  it("states each item's data type as the supergraph types it", () => {
    const expected = (coordinate: string) => {
      const [typeName, fieldName] = coordinate.split('.') as [string, string];
      const type = (supergraph.getType(typeName) as GraphQLObjectType).getFields()[fieldName]!.type;
      const named = getNamedType(type);
      if (isListType(getNullableType(type))) return '列表 L';
      if (isObjectType(named) || isInterfaceType(named)) return '对象 O';
      return { Int: '数值型 N', Float: '数值型 N', Boolean: '布尔型 B', Date: '日期型 D' }[named.name] ?? '字符型 C';
    };
    const wrong = items
      .filter(({ item }) => item.dataType !== expected(item.coordinate))
      .map(({ item }) => `${item.coordinate}: ${item.dataType}, expected ${expected(item.coordinate)}`);
    expect(wrong).toEqual([]);
  });
});

describe('loadDefaultCatalog on a broken copy', () => {
  const dir = mkdtempSync(join(tmpdir(), 'catalog-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('rejects it, listing every problem: a duplicate coordinate and a missing basis', () => {
    const broken = rawCatalog();
    const at = (code: string) => `entries[${broken.entries.findIndex((e) => e.code === code)}] ${code}`;
    delete entryOf(broken, 'ZZB-01-002').basis;
    const payroll = entryOf(broken, 'CZ-02-001');
    payroll.items.push({ coordinate: 'Institution.name', name: '机构名称', dataType: '字符型 C', sensitivity: 'LOW' });
    const path = join(dir, 'catalog.json');
    writeFileSync(path, JSON.stringify(broken, null, 2));

    let error: unknown;
    try {
      loadDefaultCatalog(path);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CatalogError);
    expect((error as CatalogError).problems).toEqual([
      `${at('ZZB-01-002')}: a CONDITIONAL entry needs a "basis" (legal or policy basis)`,
      `${at('CZ-02-001')} items[${payroll.items.length - 1}]: coordinate Institution.name is already in ${at('BB-01-002')}; a coordinate belongs to exactly one entry`,
    ]);
    expect((error as CatalogError).message).toContain(path);
  });

  it('rejects a file that is not JSON', () => {
    const path = join(dir, 'not-json.json');
    writeFileSync(path, '{ "entries": [');
    expect(() => loadDefaultCatalog(path)).toThrow(/not readable as JSON/);
  });
});

describe('validateCatalog', () => {
  const entry = (overrides: Partial<CatalogEntryDefinition> = {}): CatalogEntryDefinition => ({
    ...entryOf(rawCatalog(), 'CZ-02-002'),
    ...overrides,
  });
  const problems = (json: unknown) => {
    try {
      validateCatalog(json);
      return [];
    } catch (e) {
      return (e as CatalogError).problems;
    }
  };

  it('accepts a valid entry', () => {
    expect(problems({ entries: [entry({ relatedCodes: [] })] })).toEqual([]);
  });

  it('names a wrong enum, a missing field, an unknown field and a wrong prefix', () => {
    const { maintainer: _, ...withoutMaintainer } = entry({ relatedCodes: [] });
    expect(problems({ entries: [{ ...withoutMaintainer, shareType: 'SOMETIMES', providerOffice: 'hr', shareCondition: 'x' }] })).toEqual([
      'entries[0] CZ-02-002: "shareType" must be one of UNCONDITIONAL|CONDITIONAL|NOT_SHARED, got "SOMETIMES"',
      'entries[0] CZ-02-002: missing "maintainer"',
      'entries[0] CZ-02-002: unknown field "shareCondition"',
      'entries[0] CZ-02-002: code must start with "RS-" for provider office hr',
      'entries[0] CZ-02-002: providerCode must start with "RS-" for provider office hr',
      'entries[0] CZ-02-002: "shareConditions" is only for CONDITIONAL entries',
    ]);
  });

  it('takes as publishedOn only a day that exists', () => {
    const published = ['2024-02-29', '2023-02-29', '2026-13-01', '2026-1-01'].map((publishedOn) =>
      problems({ entries: [entry({ relatedCodes: [], publishedOn })] }),
    );
    expect(published).toEqual([
      [],
      ['entries[0] CZ-02-002: "publishedOn" must be a date YYYY-MM-DD, got "2023-02-29"'],
      ['entries[0] CZ-02-002: "publishedOn" must be a date YYYY-MM-DD, got "2026-13-01"'],
      ['entries[0] CZ-02-002: "publishedOn" must be a date YYYY-MM-DD, got "2026-1-01"'],
    ]);
  });

  it('keeps NOT_SHARED entries closed, conditions on CONDITIONAL ones, and codes unique and resolvable', () => {
    const notShared = entry({ code: 'CZ-02-009', shareType: 'NOT_SHARED', open: true, relatedCodes: ['CZ-09-999'], items: [] });
    delete notShared.shareConditions;
    const conditional = entry({ relatedCodes: [] });
    delete conditional.shareConditions;
    expect(problems({ entries: [conditional, notShared, entry({ relatedCodes: [], items: [] })] })).toEqual([
      'entries[0] CZ-02-002: a CONDITIONAL entry needs "shareConditions"',
      'entries[1] CZ-02-009: "items" must be a non-empty array, got []',
      'entries[1] CZ-02-009: a NOT_SHARED entry can never be open',
      'entries[2] CZ-02-002: "items" must be a non-empty array, got []',
      'entries[2] CZ-02-002: duplicate code, also used by entries[0] CZ-02-002',
      'entries[1] CZ-02-009: relatedCodes names unknown entry CZ-09-999',
    ]);
  });
});

describe('catalogCoordinates and fieldOwners', () => {
  it('list object and interface fields, leaving out federation internals, enums, scalars and inputs', () => {
    const sdl = /* GraphQL */ `
      type Query { a: Int _entities(representations: [String!]!): [String]! _service: _Service! }
      type _Service { sdl: String }
      interface Node { id: ID! }
      input Filter { x: Int }
      enum join__Graph { A }
      scalar link__Import
    `;
    expect(catalogCoordinates(sdl)).toEqual(['Node.id', 'Query.a']);
  });

  it('read the owner subgraphs from the join directives', () => {
    const owners = fieldOwners(supergraphSdl);
    const all = ['finance', 'hr', 'organization', 'staffing'];
    expect(
      Object.fromEntries(
        [
          'Person.name',
          'Person.ledgerEntry',
          'Person.cadre',
          'Person.payroll',
          'Institution.workforce',
          'Institution.budgetUnit',
          'Person.idNumber',
          'PageInfo.hasNextPage',
          'Quota.vacant',
          'Mutation.registerPerson',
        ].map((c) => [c, owners.get(c)]),
      ),
    ).toEqual({
      'Person.name': ['hr'],
      'Person.ledgerEntry': ['staffing'],
      'Person.cadre': ['organization'],
      'Person.payroll': ['finance'],
      'Institution.workforce': ['hr'],
      'Institution.budgetUnit': ['finance'],
      'Person.idNumber': all,
      'PageInfo.hasNextPage': [...all, 'audit'].sort(),
      'Quota.vacant': ['staffing'],
      'Mutation.registerPerson': ['hr'],
    });
    expect([...owners.keys()].sort()).toEqual(catalogCoordinates(supergraphSdl));
  });
});
