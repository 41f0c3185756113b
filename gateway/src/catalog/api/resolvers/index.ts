import type { Resolvers } from '@hub/schema';
import type { CatalogApiContext } from '../context.ts';
import { AccessRequest } from './AccessRequest.ts';
import { CatalogEntry } from './CatalogEntry.ts';
import { CatalogVersion } from './CatalogVersion.ts';
import { Grant } from './Grant.ts';
import { Mutation } from './Mutation.ts';
import { OperationLogEntry } from './OperationLogEntry.ts';
import { Query } from './Query.ts';
import { DateScalar, DateTimeScalar } from './scalars.ts';

export const resolvers = {
  Date: DateScalar,
  DateTime: DateTimeScalar,
  Query,
  Mutation,
  CatalogEntry,
  CatalogVersion,
  AccessRequest,
  Grant,
  OperationLogEntry,
} as unknown as Resolvers<CatalogApiContext>;
