/**
 * The subgraphs of the graph: the one list the composer, the gateway and the test kit read. The four
 * offices each run their own; `catalog` is the coordination group's API (信息数据共享目录), served by the
 * gateway itself. Ports are the defaults of a one-machine run; the gateway may be told other URLs.
 */
export const SUBGRAPHS = [
  { name: 'organization', office: '组织部', officeEn: 'Organization Department', port: 4001, sdl: 'subgraphs/organization/schema.graphql' },
  { name: 'staffing', office: '编办', officeEn: 'Staffing Office', port: 4002, sdl: 'subgraphs/staffing/schema.graphql' },
  { name: 'hr', office: '人社局', officeEn: 'Human Resources and Social Security', port: 4003, sdl: 'subgraphs/hr/schema.graphql' },
  { name: 'finance', office: '财政局', officeEn: 'Finance', port: 4004, sdl: 'subgraphs/finance/schema.graphql' },
  { name: 'catalog', office: '协调小组', officeEn: 'Coordination Group', port: 4005, sdl: 'gateway/src/catalog/schema.graphql' },
] as const;

export type SubgraphName = (typeof SUBGRAPHS)[number]['name'];
/** The four offices that own data, each with its own subgraph and database. */
export type OfficeName = Exclude<SubgraphName, 'catalog'>;

export function defaultSubgraphUrl(name: SubgraphName): string {
  const subgraph = SUBGRAPHS.find((s) => s.name === name)!;
  return `http://127.0.0.1:${subgraph.port}/graphql`;
}
