import { type GraphQLDataSource, RemoteGraphQLDataSource, type ServiceEndpointDefinition } from '@apollo/gateway';
import { signSubgraphRequest } from '@hub/schema';

type BuildService = (definition: ServiceEndpointDefinition) => GraphQLDataSource;

/**
 * The gateway's `buildService` with every HTTP data source it builds signing its requests (README,
 * "How the gateway vouches for a request"); an in-process one (the operation log's `audit`) sends
 * nothing over HTTP and is left as it is.
 */
export function signingServices(secret: string, build: BuildService): BuildService {
  return (definition) => {
    const service = build(definition);
    if (service instanceof RemoteGraphQLDataSource) signRequests(service, secret, definition.name);
    return service;
  };
}

/**
 * RemoteGraphQLDataSource serialises the body itself, so the signature is made in its fetcher, over
 * the exact string that goes on the wire. Wraps whatever fetcher the data source has; one that
 * retries must do so outside this one (a resent signature is refused as a replay). The viewer header
 * is set in `willSendRequest`, where the request's context is known, and is covered here.
 */
// biome-ignore lint/suspicious/noExplicitAny: a data source of any context type; only its fetcher is touched
function signRequests(source: RemoteGraphQLDataSource<any>, secret: string, subgraph: string): void {
  const send = source.fetcher;
  source.fetcher = async (url, init = {}) => {
    if (typeof init.body !== 'string') throw new Error(`a request to ${subgraph} without a string body cannot be signed`);
    const headers = await signSubgraphRequest(secret, subgraph, { method: init.method ?? 'POST', url, headers: { ...init.headers }, body: init.body });
    return send(url, { ...init, headers });
  };
}
