import type { Resolvers } from '../generated/resolvers.ts';
import { Employment } from './Employment.ts';
import { Hire } from './Hire.ts';
import { Institution } from './Institution.ts';
import { Mutation } from './Mutation.ts';
import { Person } from './Person.ts';
import { Query } from './Query.ts';
import { StructureAlert } from './StructureAlert.ts';
import { StaffScope } from './StaffScope.ts';

export const resolvers: Resolvers = { Query, Mutation, Person, Employment, Institution, Hire, StaffScope, StructureAlert };
