import type { MutationResolvers } from '../generated/resolvers.ts';
import { endCadrePost } from './endCadrePost.ts';

export const Mutation: MutationResolvers = {
  endCadrePost,
};
