import type { CatalogVersionResolvers } from '../generated/resolvers.ts';

/** JSON of a value as stored (null for a field that had none), so every type reads back the same way. */
const json = (value: unknown) => JSON.stringify(value ?? null);

export const CatalogVersion: CatalogVersionResolvers = {
  changes: (version) => Object.entries(version.changes).map(([field, change]) => ({ field, before: json(change.before), after: json(change.after) })),
};
