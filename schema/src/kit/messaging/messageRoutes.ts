import { z } from 'zod';
import { MESSAGE_TOPICS, type OfficeMessage } from '../../contracts/messages.ts';
import type { ServiceName } from '../../contracts/subgraphs.ts';
import type { Db } from '../db.ts';
import { ErrorCode, hubError } from '../errors.ts';
import { HUB_ROUTE_PREFIX, jsonResponse, parseJsonBody, type SubgraphRoute } from '../subgraphRoutes.ts';
import { receiveMessage, type MessageHandler } from './inbox.ts';
import type { MessageTables } from './messageTables.ts';
import { claimDueMessages, settleMessage, toOfficeMessage, undeliveredSummary } from './outbox.ts';

/** The relay's three calls on an office (gateway/src/messaging/messageRelay.ts makes them). */
export const MESSAGE_ROUTES = {
  claim: `${HUB_ROUTE_PREFIX}messages/claim`,
  settle: `${HUB_ROUTE_PREFIX}messages/settle`,
  deliver: `${HUB_ROUTE_PREFIX}messages/deliver`,
  /** What waits in the outbox, per topic: how many and since when (the gateway's metrics read it). */
  summary: `${HUB_ROUTE_PREFIX}messages/summary`,
} as const;

/** The most messages one claim hands out. */
export const MAX_CLAIM = 100;

/** What an office that takes part in messaging declares: its two tables and a handler per topic it receives. */
// biome-ignore lint/suspicious/noExplicitAny: each office's own drizzle database
export interface OfficeMessaging<TDb = any> {
  tables: MessageTables;
  handlers: Partial<Record<string, MessageHandler<TDb>>>;
}

const claimBody = z.object({ limit: z.number().int().min(1).max(MAX_CLAIM) });
const settleBody = z.union([
  z.object({ id: z.string().max(64), delivered: z.literal(true), deliveredAt: z.iso.datetime(), appliedAt: z.iso.datetime().nullable(), result: z.unknown() }),
  z.object({ id: z.string().max(64), delivered: z.literal(false), error: z.string().max(2000) }),
]);
const deliverBody = z.object({
  message: z.object({
    id: z.string().min(1).max(64),
    topic: z.string().max(100),
    from: z.string().max(32),
    to: z.string().max(32),
    payload: z.unknown(),
    createdAt: z.iso.datetime(),
  }),
});

function parse<T>(schema: z.ZodType<T>, body: Buffer): T {
  const parsed = schema.safeParse(parseJsonBody(body));
  if (!parsed.success)
    throw hubError(ErrorCode.BAD_REQUEST, null, '消息接口的请求体格式不符', 'the message request is not in the expected shape', { http: { status: 400 } });
  return parsed.data;
}

/**
 * An office's message endpoints: its outbox as the relay claims and settles it, its inbox as the relay
 * delivers to it. Only the gateway's relay calls these (the signature proves the gateway; the gateway
 * builds these paths only in its relay), so the viewer is not consulted.
 */
// biome-ignore lint/suspicious/noExplicitAny: any office's drizzle database
export function messageRoutes<TCaller>(office: ServiceName, db: Db<any>, messaging: OfficeMessaging, now: () => Date): SubgraphRoute<TCaller>[] {
  const { outboxMessages, inboxMessages } = messaging.tables;
  return [
    {
      path: MESSAGE_ROUTES.claim,
      async handle({ body }) {
        const { limit } = parse(claimBody, body);
        const rows = await claimDueMessages(db, outboxMessages, now(), limit);
        return jsonResponse(200, { messages: rows.map((row) => toOfficeMessage(row, office)) });
      },
    },
    {
      path: MESSAGE_ROUTES.settle,
      async handle({ body }) {
        const settled = parse(settleBody, body);
        await settleMessage(
          db,
          outboxMessages,
          settled.id,
          settled.delivered
            ? {
                delivered: true,
                deliveredAt: new Date(settled.deliveredAt),
                appliedAt: settled.appliedAt ? new Date(settled.appliedAt) : null,
                result: settled.result,
              }
            : { delivered: false, error: settled.error },
        );
        return jsonResponse(200, { ok: true });
      },
    },
    {
      path: MESSAGE_ROUTES.summary,
      async handle() {
        const rows = await undeliveredSummary(db, outboxMessages);
        return jsonResponse(200, {
          topics: rows.map((row) => ({ topic: row.topic, waiting: row.waiting, oldest: row.oldest ? new Date(row.oldest).toISOString() : null })),
        });
      },
    },
    {
      path: MESSAGE_ROUTES.deliver,
      async handle({ body }) {
        const { message } = parse(deliverBody, body);
        const topic = (MESSAGE_TOPICS as Record<string, { from: string; to: readonly string[] }>)[message.topic];
        const handler = messaging.handlers[message.topic];
        if (!topic || !handler || message.to !== office || topic.from !== message.from || !topic.to.includes(office))
          throw hubError(ErrorCode.BAD_REQUEST, null, '本办不接收此类消息', `${office} does not receive ${message.topic} from ${message.from}`, {
            reason: 'UNKNOWN_TOPIC',
            http: { status: 422 },
          });
        const receipt = await receiveMessage(db, inboxMessages, message as OfficeMessage, handler, now());
        return jsonResponse(200, receipt);
      },
    },
  ];
}
