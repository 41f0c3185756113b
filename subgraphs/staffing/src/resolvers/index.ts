import type { Resolvers } from '@hub/schema';
import type { StaffingContext } from '../context.ts';
import { Institution } from './Institution.ts';
import { LedgerEntry } from './LedgerEntry.ts';
import { Mutation } from './Mutation.ts';
import { Person } from './Person.ts';
import { Query } from './Query.ts';
import { Removal } from './Removal.ts';
import { StaffingCard } from './StaffingCard.ts';

export const resolvers = { Query, Mutation, Institution, Person, LedgerEntry, StaffingCard, Removal } as unknown as Resolvers<StaffingContext>;
