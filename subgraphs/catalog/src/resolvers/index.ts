import type { Resolvers } from '../generated/resolvers.ts';
import { AccessRequest } from './AccessRequest.ts';
import { CatalogEntry } from './CatalogEntry.ts';
import { CatalogVersion } from './CatalogVersion.ts';
import { Grant } from './Grant.ts';
import { Mutation } from './Mutation.ts';
import { Query } from './Query.ts';
import { Finding } from './Finding.ts';
import { FindingEvent } from './FindingEvent.ts';
import { VerificationRun } from './VerificationRun.ts';
import { DateScalar, DateTimeScalar } from '@hub/schema';

export const resolvers: Resolvers = {
  Date: DateScalar,
  DateTime: DateTimeScalar,
  Query,
  Mutation,
  CatalogEntry,
  CatalogVersion,
  AccessRequest,
  Grant,
  VerificationRun,
  Finding,
  FindingEvent,
};
