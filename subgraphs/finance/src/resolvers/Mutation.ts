import type { MutationResolvers } from '../generated/resolvers.ts';
import { addToPayroll } from './addToPayroll.ts';

export const Mutation: MutationResolvers = {
  addToPayroll,
};
