import { isGrantLive } from '@hub/schema/contracts';
import type { GrantResolvers } from '../generated/resolvers.ts';

export const Grant: GrantResolvers = {
  live: (grant, _, ctx) => isGrantLive(grant, ctx.now()),
};
