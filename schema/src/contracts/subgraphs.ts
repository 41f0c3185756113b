/**
 * The subgraphs of the graph: the one list the composer, the gateway and the launcher read. The four
 * offices and the coordination group (`catalog`: 信息数据共享目录, requests, grants) each run their own
 * service with its own database; `audit` is the gateway's own operation-log API, which the gateway
 * executes in its own process (no port). Ports are the defaults of a one-machine run.
 */
export const SUBGRAPHS = [
  { name: 'organization', office: '组织部', officeEn: 'Organization Department', port: 4001, sdl: 'subgraphs/organization/schema.graphql' },
  { name: 'staffing', office: '编办', officeEn: 'Staffing Office', port: 4002, sdl: 'subgraphs/staffing/schema.graphql' },
  { name: 'hr', office: '人社局', officeEn: 'Human Resources and Social Security', port: 4003, sdl: 'subgraphs/hr/schema.graphql' },
  { name: 'finance', office: '财政局', officeEn: 'Finance', port: 4004, sdl: 'subgraphs/finance/schema.graphql' },
  { name: 'catalog', office: '协调小组', officeEn: 'Coordination Group', port: 4005, sdl: 'subgraphs/catalog/schema.graphql' },
  { name: 'audit', office: '网关', officeEn: 'Gateway', port: null, sdl: 'gateway/src/audit/schema.graphql' },
] as const;

export type SubgraphName = (typeof SUBGRAPHS)[number]['name'];
/** The four offices that own data, each with its own subgraph and database. */
export type OfficeName = Exclude<SubgraphName, 'catalog' | 'audit'>;
/** The subgraphs that run as services of their own (the offices and the catalog). */
export type ServiceName = Exclude<SubgraphName, 'audit'>;

/** The URL a subgraph has in the committed supergraph (the gateway may be told others; `audit` runs in the gateway). */
export function defaultSubgraphUrl(name: SubgraphName): string {
  const subgraph = SUBGRAPHS.find((s) => s.name === name)!;
  return subgraph.port === null ? 'local://gateway/audit' : `http://127.0.0.1:${subgraph.port}/graphql`;
}

/** The subgraphs that listen on a port of their own: every one but the gateway's in-process `audit`. */
export const SERVICE_SUBGRAPHS = SUBGRAPHS.filter((s): s is Extract<(typeof SUBGRAPHS)[number], { name: ServiceName }> => s.port !== null);
