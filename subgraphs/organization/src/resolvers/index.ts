import type { Resolvers } from '../generated/resolvers.ts';
import { Cadre } from './Cadre.ts';
import { Institution } from './Institution.ts';
import { Mutation } from './Mutation.ts';
import { PastCadrePost } from './PastCadrePost.ts';
import { Person } from './Person.ts';
import { Query } from './Query.ts';
import { LeadershipAlert } from './LeadershipAlert.ts';
import { StaffScope } from './StaffScope.ts';

export const resolvers: Resolvers = { Query, Mutation, Person, Cadre, Institution, PastCadrePost, StaffScope, LeadershipAlert };
