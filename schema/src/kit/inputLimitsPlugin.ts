import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { inputLimitViolation } from './inputLimitViolation.ts';

/**
 * Refuses an operation with INPUT_TOO_LONG when an argument value exceeds the `@maxLength` /
 * `@maxItems` its schema declares: once the operation is resolved and before execution starts, so
 * no resolver runs and nothing is written. The answer is a GraphQL error with HTTP 200 (see
 * `inputLimitViolation`), which the gateway passes on to the client at the field's path.
 */
export function inputLimitsPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return; // Apollo has refused it already.
          const refusal = inputLimitViolation(schema, document, operation, request.variables);
          if (refusal) throw refusal;
        },
      };
    },
  };
}
