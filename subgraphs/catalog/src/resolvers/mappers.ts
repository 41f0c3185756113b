import type { Entry, GrantRow, ItemRow, RequestRow, VersionRow } from '../db/queries.ts';

/**
 * What the resolvers of each GraphQL type receive as their parent (codegen's mappers, read by the root
 * codegen.ts: `<Type>Parent` maps type `<Type>`): the catalog's own rows.
 */
export type CatalogEntryParent = Entry;
export type CatalogItemParent = ItemRow;
export type CatalogVersionParent = VersionRow;
export type AccessRequestParent = RequestRow;
export type GrantParent = GrantRow;
export type VerificationRunParent = import('../db/runQueries.ts').RunRow;
export type FindingParent = import('../db/findingQueries.ts').FindingRow;
export type FindingEventParent = import('../db/findingQueries.ts').FindingEventRow;
