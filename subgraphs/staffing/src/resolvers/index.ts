import type { Resolvers } from '../generated/resolvers.ts';
import { Institution } from './Institution.ts';
import { LedgerEntry } from './LedgerEntry.ts';
import { Mutation } from './Mutation.ts';
import { Person } from './Person.ts';
import { Query } from './Query.ts';
import { QuotaMovement } from './QuotaMovement.ts';
import { Removal } from './Removal.ts';
import { StaffingCard } from './StaffingCard.ts';
import { StaffingCardEvent } from './StaffingCardEvent.ts';

export const resolvers: Resolvers = { Query, Mutation, Institution, Person, LedgerEntry, StaffingCard, Removal, QuotaMovement, StaffingCardEvent };
