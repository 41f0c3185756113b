import { DateTimeScalar } from '@hub/schema';
import type { Resolvers } from '../generated/resolvers.ts';
import { BudgetUnit } from './BudgetUnit.ts';
import { Institution } from './Institution.ts';
import { Mutation } from './Mutation.ts';
import { PayrollRecord } from './PayrollRecord.ts';
import { Person } from './Person.ts';
import { Query } from './Query.ts';
import { ReceivedStopPayNotice } from './ReceivedStopPayNotice.ts';

export const resolvers: Resolvers = { DateTime: DateTimeScalar, Query, Mutation, Person, PayrollRecord, BudgetUnit, Institution, ReceivedStopPayNotice };
