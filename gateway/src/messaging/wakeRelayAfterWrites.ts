import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../requestContext.ts';
import type { MessageRelay } from './messageRelay.ts';

/**
 * After a write the relay runs at once rather than at its next poll: a write that put a message in an
 * office's outbox (a removal's stop-pay notice) has committed by the time its answer comes back. Only
 * a mutation that changed rows (the offices reported changes) can have written a message.
 */
export function wakeRelayAfterWrites(relay: MessageRelay): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ operation, contextValue }) {
          if (operation?.operation === 'mutation' && contextValue.audit?.length) relay.wake();
        },
      };
    },
  };
}
