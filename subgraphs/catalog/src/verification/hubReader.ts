/**
 * How a run reads the offices: one GraphQL operation through the hub's gateway as the coordination
 * group's identity, returning `data` (or throwing on errors). The launcher gives the worker one.
 */
export type HubReader = (query: string, variables?: Record<string, unknown>) => Promise<Record<string, unknown>>;
