import type { FindingResolvers } from '../generated/resolvers.ts';

export const Finding: FindingResolvers = {
  id: (f) => String(f.id),
  type: (f) => f.type as never,
  firstRunId: (f) => (f.firstRunId === null ? null : String(f.firstRunId)),
  lastRunId: (f) => (f.lastRunId === null ? null : String(f.lastRunId)),
  events: (f, _, ctx) => ctx.loaders.eventsByFinding.load(f.id),
};
