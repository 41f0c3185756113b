import { ConfigError, portNumber, readEnv, setting } from '@hub/schema';
import { SERVICE_SUBGRAPHS, type ServiceName } from '@hub/schema/contracts';
import { z } from 'zod';

export type SubgraphPorts = Readonly<Record<ServiceName, number>>;

const NAMES = SERVICE_SUBGRAPHS.map((s) => s.name);
const FORMAT_ZH = `应为 0（全部使用空闲端口），或 名称=端口,…（名称为 ${NAMES.join('、')}，端口 0–65535）`;
const FORMAT_EN = `expected 0 (free ports for all), or name=port,… (names ${NAMES.join(', ')}; ports 0–65535)`;

/** A TCP port as written by a user (the kit's port setting): a whole number 0–65535 (0: the system picks a free one); `fallback` when unset. */
export function parsePort(variable: string, raw: string | undefined, fallback: number): number {
  return readEnv({ [variable]: setting.port(fallback) }, { [variable]: raw })[variable]!;
}

/** One `name=port` of SUBGRAPH_PORTS, split at `=`: exactly a subgraph's name and a port. */
const PAIR = z.tuple([z.enum(NAMES as [ServiceName, ...ServiceName[]]), portNumber]);

/**
 * SUBGRAPH_PORTS: where the subgraphs (the catalog's included) listen. Unset: the defaults of
 * schema/src/subgraphs.ts; `0`: free ports for all; `hr=4203,catalog=0`: those named, the others at
 * their defaults. A port given twice (among the subgraphs or with the gateway's `gatewayPort`) is refused
 * here rather than as an EADDRINUSE halfway through the start.
 */
export function parseSubgraphPorts(raw: string | undefined, gatewayPort: number): SubgraphPorts {
  const ports = Object.fromEntries(SERVICE_SUBGRAPHS.map((s) => [s.name, s.port])) as Record<ServiceName, number>;
  const text = raw?.trim() ?? '';
  if (text === '0') for (const name of NAMES) ports[name] = 0;
  else if (text !== '') {
    const seen = new Set<string>();
    for (const pair of text.split(',')) {
      const parsed = PAIR.safeParse(pair.split('=').map((part) => part.trim()));
      if (!parsed.success) throw new ConfigError('SUBGRAPH_PORTS', `无法识别 "${pair}"，${FORMAT_ZH}`, `cannot read "${pair}", ${FORMAT_EN}`);
      const [name, port] = parsed.data;
      if (seen.has(name)) throw new ConfigError('SUBGRAPH_PORTS', `${name} 出现了两次`, `${name} is given twice`);
      seen.add(name);
      ports[name] = port;
    }
  }
  const owners = new Map<number, { zh: string; en: string }>(gatewayPort === 0 ? [] : [[gatewayPort, { zh: '网关 (PORT)', en: 'the gateway (PORT)' }]]);
  for (const name of NAMES) {
    const port = ports[name];
    if (port === 0) continue;
    const other = owners.get(port);
    if (other)
      throw new ConfigError('SUBGRAPH_PORTS', `端口 ${port} 同时分给了 ${other.zh} 和 ${name}`, `port ${port} is given to both ${other.en} and ${name}`);
    owners.set(port, { zh: name, en: name });
  }
  return Object.freeze(ports);
}
