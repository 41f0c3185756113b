import type { Resolvers } from '@hub/schema';
import type { HrContext } from '../context.ts';
import { Employment } from './Employment.ts';
import { Institution } from './Institution.ts';
import { Mutation } from './Mutation.ts';
import { Person } from './Person.ts';
import { Query } from './Query.ts';

export const resolvers = { Query, Mutation, Person, Employment, Institution } as unknown as Resolvers<HrContext>;
