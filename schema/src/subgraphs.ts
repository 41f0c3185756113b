/**
 * The offices' subgraphs: the one list the composer, the gateway and the test kit read.
 * Ports are the defaults of a one-machine run; the gateway may be told other URLs.
 */
export const SUBGRAPHS = [
  { name: 'organization', office: '组织部', officeEn: 'Organization Department', port: 4001 },
  { name: 'staffing', office: '编办', officeEn: 'Staffing Office', port: 4002 },
  { name: 'hr', office: '人社局', officeEn: 'Human Resources and Social Security', port: 4003 },
  { name: 'finance', office: '财政局', officeEn: 'Finance', port: 4004 },
] as const;

export type SubgraphName = (typeof SUBGRAPHS)[number]['name'];

export function defaultSubgraphUrl(name: SubgraphName): string {
  const subgraph = SUBGRAPHS.find((s) => s.name === name)!;
  return `http://127.0.0.1:${subgraph.port}/graphql`;
}
