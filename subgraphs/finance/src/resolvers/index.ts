import type { Resolvers } from '@hub/schema';
import type { FinanceContext } from '../context.ts';
import { BudgetUnit } from './BudgetUnit.ts';
import { Institution } from './Institution.ts';
import { PayrollRecord } from './PayrollRecord.ts';
import { Person } from './Person.ts';
import { Query } from './Query.ts';

export const resolvers = { Query, Person, PayrollRecord, BudgetUnit, Institution } as unknown as Resolvers<FinanceContext>;
