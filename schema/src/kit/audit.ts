import type { ApolloServerPlugin, BaseContext } from '@apollo/server';

/**
 * One row a write changed, as the owner subgraph saw it: the operation log keeps who, when, before
 * and after (DESIGN §3.9). Subgraphs return these in the response's `extensions.audit`, which only the
 * gateway reads; it does not pass subgraph extensions on to clients.
 */
export interface AuditRecord {
  entity: string;
  key: string;
  before: unknown;
  after: unknown;
  /** What was done (`REQUEST_ACCESS`, `REVOKE_GRANT` …), where the entity alone does not say. */
  action?: string;
  /** The schema coordinates the change concerns (a request's or a grant's items). */
  coordinates?: string[];
  /** Why, and under which case, where the change itself records it (an access request). */
  purpose?: string | null;
  caseNumber?: string | null;
}

export interface AuditingContext extends BaseContext {
  audit: AuditRecord[];
}

/** Adds the request's audit records to the response's extensions. */
export function auditExtensionPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          const audit = (contextValue as Partial<AuditingContext>).audit;
          if (!audit?.length || response.body.kind !== 'single') return;
          response.body.singleResult.extensions = { ...response.body.singleResult.extensions, audit };
        },
      };
    },
  };
}
