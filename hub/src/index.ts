export * from './startHub.ts';
export type { SubgraphPorts } from './parsePorts.ts';
export { gatewayReader, VERIFICATION_VIEWER } from './gatewayReader.ts';
