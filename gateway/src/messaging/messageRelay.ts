import { type AuditRecord, type DeliveryReceipt, logError, MESSAGE_ROUTES } from '@hub/schema';
import { MESSAGE_SENDERS, type OfficeMessage, type ServiceName } from '@hub/schema/contracts';
import type { LogEntryInput, OperationLog } from '../audit/operationLog.ts';
import { postToSubgraph } from './postToSubgraph.ts';

/** How often the outboxes are polled when no write wakes the relay. */
export const DEFAULT_MESSAGE_POLL_MS = 1000;

/** Who the log names for a delivery: the hub's relay, on behalf of the sending office. */
export const RELAY_SUBJECT = 'hub:message-relay';

export interface MessageRelayOptions {
  secret: string;
  /** Where each office's subgraph listens (its GraphQL URL). */
  urls: Record<ServiceName, string>;
  log: OperationLog;
  now: () => Date;
  /** How often the outboxes are polled when nothing wakes the relay (MESSAGE_POLL_MS, 1 s). */
  pollMs: number;
  /** Messages claimed per office per round. */
  batch?: number;
  /** How long one call to an office may take. */
  timeoutMs?: number;
}

/** What one round (or a drain) did. */
export interface RelayReport {
  claimed: number;
  applied: number;
  duplicates: number;
  failed: number;
}

export interface MessageRelay {
  /** Runs a round soon (the gateway calls it after every mutation, so a message rarely waits for the poll). */
  wake(): void;
  /** Runs rounds until one finds nothing due (messages waiting out a retry delay are left); tests and the CLI wait with it. */
  drain(): Promise<RelayReport>;
  start(): void;
  stop(): Promise<void>;
}

/**
 * 消息中转: carries messages from each sending office's outbox to the recipient's inbox (DESIGN §5).
 * A round claims each sender's due messages, delivers each to its recipient and tells the sender what
 * came of it. Delivery is at least once (a lost answer is retried after the delay the claim set, with
 * 2^n backoff up to 5 min); the recipient's inbox makes it take effect once. The relay holds no state:
 * several gateways may run one each (claims skip each other's rows). Every applied message is an
 * operation-log entry with what the recipient changed.
 */
export function createMessageRelay(options: MessageRelayOptions): MessageRelay {
  const batch = options.batch ?? 50;
  const timeoutMs = options.timeoutMs ?? 10_000;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  let current: Promise<RelayReport> | null = null;
  let again = false;

  const call = async (office: ServiceName, path: string, body: unknown) => {
    const answer = await postToSubgraph(options.secret, office, options.urls[office], path, JSON.stringify(body), { viewer: null, timeoutMs });
    const text = answer.body.toString('utf8');
    if (answer.status !== 200) throw new Error(`${office} ${path} answered ${answer.status}: ${text.slice(0, 300)}`);
    return JSON.parse(text) as unknown;
  };

  const deliverOne = async (message: OfficeMessage, report: RelayReport, entries: LogEntryInput[]) => {
    let receipt: DeliveryReceipt;
    try {
      receipt = (await call(message.to, MESSAGE_ROUTES.deliver, { message })) as DeliveryReceipt;
    } catch (error) {
      report.failed++;
      logError({ source: `message relay: ${message.topic} to ${message.to} failed` }, error);
      await call(message.from, MESSAGE_ROUTES.settle, { id: message.id, delivered: false, error: String((error as Error).message ?? error) }).catch(() => {});
      return;
    }
    const deliveredAt = options.now().toISOString();
    if (receipt.status === 'APPLIED') report.applied++;
    else report.duplicates++;
    entries.push(deliveryEntry(message, receipt));
    // If this fails the message is delivered again after its delay, and the inbox answers DUPLICATE.
    await call(message.from, MESSAGE_ROUTES.settle, {
      id: message.id,
      delivered: true,
      deliveredAt,
      appliedAt: receipt.appliedAt,
      result: receipt.result,
    }).catch((error) => logError({ source: `message relay: settling ${message.topic} with ${message.from} failed` }, error));
  };

  const round = async (): Promise<RelayReport> => {
    const report: RelayReport = { claimed: 0, applied: 0, duplicates: 0, failed: 0 };
    const entries: LogEntryInput[] = [];
    for (const sender of MESSAGE_SENDERS) {
      let messages: OfficeMessage[];
      try {
        messages = ((await call(sender, MESSAGE_ROUTES.claim, { limit: batch })) as { messages: OfficeMessage[] }).messages;
      } catch (error) {
        // An office that is down sends nothing now; its outbox keeps the messages.
        logError({ source: `message relay: claiming from ${sender} failed` }, error);
        continue;
      }
      report.claimed += messages.length;
      for (const message of messages) await deliverOne(message, report, entries);
    }
    if (entries.length) await options.log.appendMany(entries);
    return report;
  };

  /** One round at a time; a wake during a round runs one more after it. */
  const runRound = (): Promise<RelayReport> => {
    if (current) {
      again = true;
      return current;
    }
    current = round().finally(() => {
      current = null;
      if (again && !stopped) {
        again = false;
        void runRound().catch((error) => logError({ source: 'message relay: round failed' }, error));
      }
    });
    return current;
  };

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(async () => {
      await runRound().catch((error) => logError({ source: 'message relay: round failed' }, error));
      schedule();
    }, options.pollMs);
    timer.unref();
  };

  return {
    wake() {
      if (!stopped) void runRound().catch((error) => logError({ source: 'message relay: round failed' }, error));
    },
    async drain() {
      const total: RelayReport = { claimed: 0, applied: 0, duplicates: 0, failed: 0 };
      for (let i = 0; i < 100; i++) {
        if (current) await current.catch(() => {});
        const report = await runRound();
        for (const key of Object.keys(total) as (keyof RelayReport)[]) total[key] += report[key];
        if (report.claimed === 0) break;
      }
      return total;
    },
    start() {
      if (!timer && !stopped) schedule();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await current?.catch(() => {});
    },
  };
}

/** The log's entry for one delivery: what the recipient changed, under the sending office's name. */
function deliveryEntry(message: OfficeMessage, receipt: DeliveryReceipt): LogEntryInput {
  return {
    kind: 'WRITE',
    outcome: receipt.status === 'APPLIED' ? 'ALLOWED' : 'REPLAYED',
    actor: { office: message.from, sub: RELAY_SUBJECT },
    operationName: `message:${message.topic}`,
    coordinates: [],
    detail: {
      messageId: message.id,
      topic: message.topic,
      from: message.from,
      to: message.to,
      createdAt: message.createdAt,
      payload: message.payload,
      changes: receipt.audit as AuditRecord[],
      result: receipt.result,
    },
  };
}
