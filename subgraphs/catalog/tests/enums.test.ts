import { readFileSync } from 'node:fs';
import { ENTRY_STATUSES, REQUEST_STATUSES, SENSITIVITIES, SHARE_TYPES, UPDATE_CYCLES } from '@hub/schema/contracts';
import { type EnumTypeDefinitionNode, Kind, parse } from 'graphql';
import { describe, expect, it } from 'vitest';

/**
 * The catalog's enums have one definition each: the contract's lists (schema/src/contracts/catalog.ts),
 * which the catalog file, the tables and the policy use. The SDL names them for clients, and codegen
 * types the resolvers from the SDL: this keeps the two the same.
 */
const enums = new Map(
  parse(readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8'))
    .definitions.filter((d): d is EnumTypeDefinitionNode => d.kind === Kind.ENUM_TYPE_DEFINITION)
    .map((d) => [d.name.value, (d.values ?? []).map((v) => v.name.value)]),
);

describe("the catalog subgraph's enums", () => {
  it('are the contract lists, value for value and in order', () => {
    expect({
      ShareType: enums.get('ShareType'),
      UpdateCycle: enums.get('UpdateCycle'),
      EntryStatus: enums.get('EntryStatus'),
      Sensitivity: enums.get('Sensitivity'),
      AccessRequestStatus: enums.get('AccessRequestStatus'),
    }).toEqual({
      ShareType: [...SHARE_TYPES],
      UpdateCycle: [...UPDATE_CYCLES],
      EntryStatus: [...ENTRY_STATUSES],
      Sensitivity: [...SENSITIVITIES],
      AccessRequestStatus: [...REQUEST_STATUSES],
    });
  });
});
