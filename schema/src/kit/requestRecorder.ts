import type { ApolloServerPlugin, BaseContext, GraphQLRequest } from '@apollo/server';
import { getOperationAST, parse, type DocumentNode } from 'graphql';

/** One GraphQL request a subgraph accepted, as the gateway (or a test) sent it. */
export interface ReceivedRequest {
  /** The request's operation name, or the name of the document's only operation. */
  operationName: string | null;
  /** The query text as received. */
  query: string;
  /** The query parsed with graphql-js, so tests assert on selections rather than on substrings; null when it does not parse. */
  document: DocumentNode | null;
  variables: Record<string, unknown>;
}

/** The requests a subgraph received while one recording was open. */
export interface Recording {
  /** Closes the recording; returns every request received since it opened, in arrival order. */
  stop(): ReceivedRequest[];
}

export interface RequestRecorder {
  /** Opens a recording. Nothing is kept while none is open; within one, nothing is dropped. */
  record(): Recording;
  /** Installed on the subgraph's server (before it starts). */
  plugin: ApolloServerPlugin<BaseContext>;
}

/**
 * Keeps what a subgraph receives, for tests that assert what each subgraph was asked (a denied field
 * never sent, a subgraph never called, one request per fetch whatever the size). A recording belongs
 * to one test or one step: a bounded shared buffer once let a full buffer look like "nothing was asked".
 * A request refused for its credential ends before Apollo's plugins run and is not recorded.
 */
export function createRequestRecorder(): RequestRecorder {
  const open = new Set<ReceivedRequest[]>();
  return {
    plugin: {
      async requestDidStart({ request }) {
        if (open.size === 0) return;
        const received = toReceived(request);
        for (const requests of open) requests.push(received);
      },
    },
    record() {
      const requests: ReceivedRequest[] = [];
      open.add(requests);
      return {
        stop() {
          open.delete(requests);
          return requests;
        },
      };
    },
  };
}

function toReceived(request: GraphQLRequest): ReceivedRequest {
  const query = request.query ?? '';
  let document: DocumentNode | null = null;
  try {
    document = parse(query);
  } catch {
    // The subgraph answers the syntax error itself; the recording keeps the text.
  }
  const operationName = request.operationName ?? (document && getOperationAST(document)?.name?.value) ?? null;
  return { operationName, query, document, variables: { ...request.variables } };
}
