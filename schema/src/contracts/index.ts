export * from './catalog.ts';
export * from './catalogSnapshot.ts';
export * from './compose.ts';
export * from './paths.ts';
export * from './subgraphs.ts';
export * from './messages.ts';
export * from './catalogPolicyName.ts';
export * from './composePolicySupergraph.ts';
