export * from './startHub.ts';
export type { SubgraphPorts } from './parsePorts.ts';
