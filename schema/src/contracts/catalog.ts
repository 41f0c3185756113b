import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildASTSchema, isInterfaceType, isObjectType, Kind, parse, type ConstDirectiveNode, type GraphQLField, type GraphQLSchema } from 'graphql';
import { z } from 'zod';
import { isCalendarDate } from '../kit/calendarDate.ts';

/**
 * The default shared catalog (信息数据共享目录): a reviewable file the gateway loads at first start.
 * After that the coordination group changes the catalog through the API; this file is only the seed.
 */
export const CATALOG_PATH = fileURLToPath(new URL('../../catalog.json', import.meta.url));

/** 共享类型: 无条件共享 / 有条件共享 / 不予共享 (国发〔2016〕51号). */
export const SHARE_TYPES = ['UNCONDITIONAL', 'CONDITIONAL', 'NOT_SHARED'] as const;
export type ShareType = (typeof SHARE_TYPES)[number];

/** 更新周期: 实时, 每日, 每月, 每季, 每年. */
export const UPDATE_CYCLES = ['REALTIME', 'DAILY', 'MONTHLY', 'QUARTERLY', 'YEARLY'] as const;
export type UpdateCycle = (typeof UPDATE_CYCLES)[number];

/** 状态: 草稿, 有效, 已废止. */
export const ENTRY_STATUSES = ['DRAFT', 'ACTIVE', 'DEPRECATED'] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

/** 敏感程度 of one information item. */
export const SENSITIVITIES = ['LOW', 'MEDIUM', 'HIGH'] as const;
export type Sensitivity = (typeof SENSITIVITIES)[number];

/** 共享申请状态: 待审核, 已同意, 已拒绝, 已撤回. */
export const REQUEST_STATUSES = ['PENDING', 'APPROVED', 'REFUSED', 'WITHDRAWN'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** 数据类型 as the national catalog guide writes them: 字符型 C, 数值型 N, 日期型 D, 布尔型 B, plus object and list. */
export const DATA_TYPES = ['字符型 C', '数值型 N', '日期型 D', '布尔型 B', '对象 O', '列表 L'] as const;
export type DataType = (typeof DATA_TYPES)[number];

/**
 * The offices that provide entries, the prefix of their resource and office codes, and the subgraphs
 * that resolve their fields. The coordination group provides the platform's own API: the catalog,
 * requests and grants (the `catalog` subgraph) and the operation log (`audit`, served by the gateway).
 */
export const PROVIDER_OFFICES = {
  organization: { prefix: 'ZZB', subgraphs: ['organization'] },
  staffing: { prefix: 'BB', subgraphs: ['staffing'] },
  hr: { prefix: 'RS', subgraphs: ['hr'] },
  finance: { prefix: 'CZ', subgraphs: ['finance'] },
  coordination: { prefix: 'XT', subgraphs: ['catalog', 'audit'] },
} as const satisfies Record<string, { prefix: string; subgraphs: readonly string[] }>;
export type ProviderOffice = keyof typeof PROVIDER_OFFICES;

/** 信息项: one field of the graph, `Type.field` exactly as in the supergraph. */
export interface CatalogItemDefinition {
  coordinate: string;
  name: string;
  dataType: DataType;
  sensitivity: Sensitivity;
}

/** 信息资源: the core metadata of the national catalog guide (2017) plus the hub's additions (§4). */
export interface CatalogEntryDefinition {
  code: string;
  classification: string;
  name: string;
  providerOffice: ProviderOffice;
  providerCode: string;
  summary: string;
  format: string;
  shareType: ShareType;
  /** Required for CONDITIONAL, absent otherwise. */
  shareConditions?: string;
  shareMethod: string;
  open: boolean;
  updateCycle: UpdateCycle;
  publishedOn: string;
  relatedCodes: string[];
  /** Legal or policy basis; required for CONDITIONAL and NOT_SHARED. */
  basis?: string;
  maintainer: string;
  status: EntryStatus;
  items: CatalogItemDefinition[];
}

/** A catalog that breaks the rules; `problems` lists every one, so a reviewer fixes them in one pass. */
export class CatalogError extends Error {
  constructor(
    readonly problems: string[],
    source: string,
  ) {
    super(`共享目录有误 / invalid shared catalog (${source}), ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'CatalogError';
  }
}

/** Reads and validates the default catalog; throws a CatalogError listing every problem. */
export function loadDefaultCatalog(path: string = CATALOG_PATH): CatalogEntryDefinition[] {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new CatalogError([`not readable as JSON: ${(error as Error).message}`], path);
  }
  return validateCatalog(json, path);
}

/**
 * The shape of each field as a zod schema; each schema's error is what the field "must be", so a
 * problem reads `entries[3] BB-01-001: "shareType" must be one of …, got "SOMETIMES"`.
 */
const text = z.string({ error: 'a non-empty string' }).refine((v) => v.trim() !== '', { error: 'a non-empty string' });
const oneOf = (values: readonly [string, ...string[]]) => z.enum(values, { error: `one of ${values.join('|')}` });
const matching = (pattern: RegExp, expected: string) => z.string({ error: expected }).regex(pattern, { error: expected });
const CLASSIFICATION = '类/项/目/细目: four non-empty levels separated by "/"';

/** Keyed by the interface (`satisfies`), so a field added to the type without a rule, or a rule for no field, fails to compile. */
const ENTRY_SCHEMA = z.strictObject({
  code: matching(/^[A-Z]{2,4}-\d{2}-\d{3}$/, 'a resource code like "BB-01-001"'),
  classification: z
    .string({ error: CLASSIFICATION })
    .refine((v) => v.split('/').length === 4 && v.split('/').every((p) => p.trim() !== ''), { error: CLASSIFICATION }),
  name: text,
  providerOffice: oneOf(Object.keys(PROVIDER_OFFICES) as [ProviderOffice, ...ProviderOffice[]]),
  providerCode: matching(/^[A-Z]{2,4}-\d{6}$/, 'an office code like "BB-410100" (prefix and division code)'),
  summary: text,
  format: text,
  shareType: oneOf(SHARE_TYPES),
  shareConditions: text.nullish(),
  shareMethod: text,
  open: z.boolean({ error: 'a boolean' }),
  updateCycle: oneOf(UPDATE_CYCLES),
  publishedOn: z.string({ error: 'a date YYYY-MM-DD' }).refine(isCalendarDate, { error: 'a date YYYY-MM-DD' }),
  relatedCodes: z.array(z.string({ error: 'an array of strings' }), { error: 'an array of strings' }),
  basis: text.nullish(),
  maintainer: text,
  status: oneOf(ENTRY_STATUSES),
  // Each item is checked on its own below, so its problems name it.
  items: z.array(z.unknown(), { error: 'a non-empty array' }).min(1, { error: 'a non-empty array' }),
} satisfies Record<keyof CatalogEntryDefinition, z.ZodType>);

const ITEM_SCHEMA = z.strictObject({
  coordinate: matching(/^[_A-Za-z][_0-9A-Za-z]*\.[_A-Za-z][_0-9A-Za-z]*$/, 'a schema coordinate "Type.field"'),
  name: text,
  dataType: oneOf(DATA_TYPES),
  sensitivity: oneOf(SENSITIVITIES),
} satisfies Record<keyof CatalogItemDefinition, z.ZodType>);

/** The file: `{ "title"?, "description"?, "entries": [...] }`. */
const FILE_SCHEMA = z.strictObject({ title: z.unknown().optional(), description: z.unknown().optional(), entries: z.array(z.unknown()) });

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * `value`'s problems by `schema`, one per field, in the schema's order, then its unknown fields: a
 * required field absent or null is "missing".
 */
function fieldProblems(schema: z.ZodType, value: Record<string, unknown>, where: string): string[] {
  const result = schema.safeParse(value);
  if (result.success) return [];
  const problems = new Map<string, string>();
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) problems.set(`unknown ${key}`, `${where}: unknown field "${key}"`);
      continue;
    }
    const key = String(issue.path[0]);
    const v = value[key];
    if (!problems.has(key))
      problems.set(key, v === undefined || v === null ? `${where}: missing "${key}"` : `${where}: "${key}" must be ${issue.message}, got ${JSON.stringify(v)}`);
  }
  return [...problems.values()];
}

/**
 * Validates a parsed catalog file `{ "entries": [...] }`: each entry and item by the schemas above,
 * then the rules of §4 that span fields and entries: codes unique and prefixed by the provider office,
 * each coordinate in one entry only, a basis for every CONDITIONAL or NOT_SHARED entry (国发〔2016〕51号
 * asks a legal basis for not sharing), conditions for every CONDITIONAL one, and open (public, no
 * account) only for unconditional, read-only entries. Those run even where a field is wrong, so a
 * reviewer sees every problem at once.
 */
export function validateCatalog(json: unknown, source = 'catalog'): CatalogEntryDefinition[] {
  if (!isRecord(json) || !Array.isArray(json.entries)) {
    throw new CatalogError(['expected an object with an "entries" array'], source);
  }
  const file = FILE_SCHEMA.safeParse(json);
  const problems = (file.error?.issues ?? []).flatMap((issue) =>
    issue.code === 'unrecognized_keys' ? issue.keys.map((key) => `unknown top-level field "${key}"`) : [],
  );
  const entryOfCode = new Map<string, string>();
  const entryOfCoordinate = new Map<string, string>();
  const related: Array<[where: string, code: unknown, relatedCodes: unknown]> = [];

  json.entries.forEach((entry: unknown, i: number) => {
    if (!isRecord(entry)) {
      problems.push(`entries[${i}]: not an object`);
      return;
    }
    const code = typeof entry.code === 'string' ? entry.code : undefined;
    const where = code ? `entries[${i}] ${code}` : `entries[${i}]`;
    problems.push(...fieldProblems(ENTRY_SCHEMA, entry, where));

    if (code) {
      const previous = entryOfCode.get(code);
      if (previous) problems.push(`${where}: duplicate code, also used by ${previous}`);
      else entryOfCode.set(code, where);
    }
    const office = PROVIDER_OFFICES[entry.providerOffice as ProviderOffice];
    if (office) {
      if (code && !code.startsWith(`${office.prefix}-`))
        problems.push(`${where}: code must start with "${office.prefix}-" for provider office ${entry.providerOffice}`);
      if (typeof entry.providerCode === 'string' && !entry.providerCode.startsWith(`${office.prefix}-`)) {
        problems.push(`${where}: providerCode must start with "${office.prefix}-" for provider office ${entry.providerOffice}`);
      }
    }
    const { shareType, open } = entry;
    if ((shareType === 'CONDITIONAL' || shareType === 'NOT_SHARED') && !entry.basis)
      problems.push(`${where}: a ${shareType} entry needs a "basis" (legal or policy basis)`);
    if (shareType === 'CONDITIONAL' && !entry.shareConditions) problems.push(`${where}: a CONDITIONAL entry needs "shareConditions"`);
    if (shareType !== 'CONDITIONAL' && entry.shareConditions) problems.push(`${where}: "shareConditions" is only for CONDITIONAL entries`);
    if (open === true && shareType === 'NOT_SHARED') problems.push(`${where}: a NOT_SHARED entry can never be open`);
    else if (open === true && shareType === 'CONDITIONAL')
      problems.push(`${where}: an open entry must be UNCONDITIONAL (the public cannot file an access request)`);
    related.push([where, code, entry.relatedCodes]);

    if (!Array.isArray(entry.items)) return;
    entry.items.forEach((item: unknown, j: number) => {
      const itemWhere = `${where} items[${j}]`;
      if (!isRecord(item)) {
        problems.push(`${itemWhere}: not an object`);
        return;
      }
      problems.push(...fieldProblems(ITEM_SCHEMA, item, itemWhere));
      const coordinate = item.coordinate;
      if (typeof coordinate !== 'string') return;
      const owner = entryOfCoordinate.get(coordinate);
      if (owner) problems.push(`${itemWhere}: coordinate ${coordinate} is already in ${owner}; a coordinate belongs to exactly one entry`);
      else entryOfCoordinate.set(coordinate, where);
      if (open === true && coordinate.startsWith('Mutation.')) problems.push(`${itemWhere}: an open entry is read-only, ${coordinate} is a write`);
    });
  });

  for (const [where, code, codes] of related) {
    if (!Array.isArray(codes)) continue;
    for (const c of codes) {
      if (c === code) problems.push(`${where}: relatedCodes lists the entry itself`);
      else if (typeof c === 'string' && !entryOfCode.has(c)) problems.push(`${where}: relatedCodes names unknown entry ${c}`);
    }
  }
  if (problems.length > 0) throw new CatalogError(problems, source);
  return json.entries as CatalogEntryDefinition[];
}

/** Federation's own machinery: never a catalog item. */
const FEDERATION_FIELDS = new Set(['Query._entities', 'Query._service']);
const isInternalType = (name: string) => name.startsWith('_') || name.startsWith('join__') || name.startsWith('link__');

/** Every field of every object and interface type the catalog governs, with its coordinate. */
function* catalogFields(schema: GraphQLSchema): Generator<[coordinate: string, field: GraphQLField<unknown, unknown>, typeGraphs: ConstDirectiveNode[]]> {
  for (const type of Object.values(schema.getTypeMap())) {
    if (isInternalType(type.name) || !(isObjectType(type) || isInterfaceType(type))) continue;
    const typeJoins = [type.astNode, ...type.extensionASTNodes].flatMap((node) => node?.directives ?? []).filter((d) => d.name.value === 'join__type');
    for (const field of Object.values(type.getFields())) {
      const coordinate = `${type.name}.${field.name}`;
      // An @inaccessible field is in no client's graph (the gateway's own internal reads).
      const inaccessible = field.astNode?.directives?.some((d) => d.name.value === 'inaccessible');
      if (!FEDERATION_FIELDS.has(coordinate) && !inaccessible) yield [coordinate, field, typeJoins];
    }
  }
}

/**
 * Every schema coordinate (`Type.field`) of the supergraph that the catalog must cover: fields of
 * object and interface types, root fields included; enums, scalars, inputs, federation internals
 * (`_entities`, `_service`, `_Service`, `join__*`, `link__*`) and @inaccessible fields excluded. Sorted.
 */
export function catalogCoordinates(supergraphSdl: string): string[] {
  const schema = buildASTSchema(parse(supergraphSdl), { assumeValidSDL: true });
  return [...catalogFields(schema)].map(([coordinate]) => coordinate).sort();
}

/**
 * The subgraphs that resolve each coordinate, from the supergraph's join directives (join spec v0.4):
 * the graphs of its `@join__field`s, leaving out external and overridden ones; a field with no
 * `@join__field` is resolved by every graph of its type's `@join__type` (so entity keys and
 * shareable types list them all). Names are the subgraph names (`@join__graph(name:)`), e.g. `hr`.
 */
export function fieldOwners(supergraphSdl: string): Map<string, string[]> {
  const schema = buildASTSchema(parse(supergraphSdl), { assumeValidSDL: true });
  const graphNames = new Map<string, string>();
  const graphEnum = schema.getType('join__Graph');
  for (const value of graphEnum && 'getValues' in graphEnum ? graphEnum.getValues() : []) {
    const name = value.astNode?.directives?.find((d) => d.name.value === 'join__graph')?.arguments?.find((a) => a.name.value === 'name')?.value;
    graphNames.set(value.name, name?.kind === Kind.STRING ? name.value : value.name.toLowerCase());
  }
  const argument = (d: ConstDirectiveNode, name: string) => d.arguments?.find((a) => a.name.value === name)?.value;
  const graphOf = (d: ConstDirectiveNode) => {
    const graph = argument(d, 'graph');
    return graph?.kind === Kind.ENUM ? (graphNames.get(graph.value) ?? graph.value.toLowerCase()) : undefined;
  };
  const isTrue = (d: ConstDirectiveNode, name: string) => {
    const value = argument(d, name);
    return value?.kind === Kind.BOOLEAN && value.value;
  };

  const owners = new Map<string, string[]>();
  for (const [coordinate, field, typeJoins] of catalogFields(schema)) {
    const fieldJoins = (field.astNode?.directives ?? []).filter((d) => d.name.value === 'join__field' && graphOf(d));
    const resolving = fieldJoins.length === 0 ? typeJoins : fieldJoins.filter((d) => !isTrue(d, 'external') && !isTrue(d, 'usedOverridden'));
    const graphs = new Set(resolving.map(graphOf).filter((g): g is string => g !== undefined));
    owners.set(coordinate, [...graphs].sort());
  }
  return owners;
}
