import { logError, MESSAGE_ROUTES } from '@hub/schema';
import { MESSAGE_SENDERS, type ServiceName } from '@hub/schema/contracts';
import { Gauge, type Registry } from 'prom-client';
import { postToSubgraph } from '../messaging/postToSubgraph.ts';

/** How long a scrape waits for one office's outbox summary. */
const SUMMARY_TIMEOUT_MS = 2000;

interface Summary {
  topics: { topic: string; waiting: number; oldest: string | null }[];
}

/**
 * Gauges of each sending office's outbox, read from the office when Prometheus scrapes (its signed
 * `/_hub/messages/summary`): messages not yet delivered and the age of the oldest, per office and
 * topic, and whether the office answered. A stop-pay notice that waits shows here before anyone misses it.
 */
export function outboxGauges(registry: Registry, options: { secret: string; urls: Record<ServiceName, string>; now: () => Date }): void {
  const registers = [registry];
  // The three gauges are filled by one reading of the offices per scrape: whichever the registry
  // collects first reads them, the others reuse it (a reading younger than a second).
  let reading: { at: number; done: Promise<void> } | null = null;
  const collect = () => {
    if (!reading || performance.now() - reading.at > 1000) reading = { at: performance.now(), done: readOutboxes() };
    return reading.done;
  };
  const up = new Gauge({
    name: 'hub_outbox_summary_up',
    help: 'Whether the office answered the scrape’s outbox summary (1) or not (0)',
    labelNames: ['office'] as const,
    registers,
    collect,
  });
  const waiting = new Gauge({
    name: 'hub_outbox_undelivered_messages',
    help: 'Messages in an office’s outbox not yet delivered, by sending office and topic',
    labelNames: ['office', 'topic'] as const,
    registers,
    collect,
  });
  const age = new Gauge({
    name: 'hub_outbox_oldest_undelivered_age_seconds',
    help: 'Age of the oldest undelivered message in an office’s outbox, by sending office and topic',
    labelNames: ['office', 'topic'] as const,
    registers,
    collect,
  });

  async function readOutboxes() {
    const read = await Promise.all(
      MESSAGE_SENDERS.map(async (office) => {
        try {
          const answer = await postToSubgraph(options.secret, office, options.urls[office], MESSAGE_ROUTES.summary, '{}', {
            viewer: null,
            timeoutMs: SUMMARY_TIMEOUT_MS,
          });
          if (answer.status !== 200) throw new Error(`${office} answered ${answer.status}`);
          return { office, summary: JSON.parse(answer.body.toString('utf8')) as Summary };
        } catch (error) {
          logError({ source: `metrics: outbox summary of ${office}` }, error, 'warn');
          return { office, summary: null };
        }
      }),
    );
    // Set all at once, after every office answered, so that no scrape sees half a reading.
    waiting.reset();
    age.reset();
    for (const { office, summary } of read) {
      up.set({ office }, summary ? 1 : 0);
      for (const { topic, waiting: count, oldest } of summary?.topics ?? []) {
        waiting.set({ office, topic }, count);
        if (oldest) age.set({ office, topic }, Math.max(0, (options.now().getTime() - Date.parse(oldest)) / 1000));
      }
    }
  }
}
