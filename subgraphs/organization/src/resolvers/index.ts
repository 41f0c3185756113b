import type { Resolvers } from '@hub/schema';
import type { OrganizationContext } from '../context.ts';
import { Cadre } from './Cadre.ts';
import { Institution } from './Institution.ts';
import { Person } from './Person.ts';
import { Query } from './Query.ts';

export const resolvers = { Query, Person, Cadre, Institution } as unknown as Resolvers<OrganizationContext>;
