import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../requestContext.ts';
import type { MessageRelay } from './messageRelay.ts';

/**
 * After a mutation the relay runs at once rather than at its next poll: a write that put a message in
 * an office's outbox (a removal's stop-pay notice) has committed by the time its answer comes back.
 */
export function wakeRelayAfterWrites(relay: MessageRelay): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ operation }) {
          if (operation?.operation === 'mutation') relay.wake();
        },
      };
    },
  };
}
