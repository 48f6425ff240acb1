import { randomUUID } from 'node:crypto';
import { busTargetOf } from './bus-target.js';
import type { EventsContext } from './events-context.js';

/** What became of an event sent to an event bus target. */
export type ForwardResult = 'forwarded' | 'no-bus';

/** The envelope's head as `buildEnvelope` writes it: `{"version":"0","id":"<id>",...`. */
const envelopeHead = /^\{"version":"0","id":"[^"]*"/;

/**
 * Puts an event delivered to an event bus target onto that bus, as EventBridge does: the target
 * bus applies its own rules (with their own retries and dead letters) and archives. The event keeps
 * every envelope field (`source`, `account`, `region`, `time`, `resources`, `detail`) and gets a
 * new `id`: AWS does not document whether the id is kept, and the local log keys events by id.
 * EventBridge does not route an event received from another bus to a third bus (User Guide,
 * "Sending events between event buses in the same account and Region"), so the forwarded copy
 * skips event bus targets.
 */
export async function forwardToBus(
  context: EventsContext,
  targetArn: string,
  envelope: string,
): Promise<ForwardResult> {
  const target = busTargetOf(targetArn);
  if (target === undefined || context.buses.get(target.bus) === undefined) return 'no-bus';
  const id = randomUUID();
  const forwarded = envelope.replace(envelopeHead, `{"version":"0","id":${JSON.stringify(id)}`);
  const parsed = JSON.parse(forwarded) as { time?: unknown; 'replay-name'?: unknown };
  const routed = context.router.route(target.bus, forwarded) ?? [];
  const deliveries = routed.filter((plan) => busTargetOf(plan.targetArn) === undefined);
  const receivedAt = context.clock.now();
  const time = typeof parsed.time === 'string' ? Date.parse(parsed.time) : receivedAt;
  const replayName = typeof parsed['replay-name'] === 'string' ? parsed['replay-name'] : undefined;
  await context.eventLog.append([
    {
      id,
      bus: target.bus,
      time,
      receivedAt,
      envelope: forwarded,
      deliveries,
      // A replayed event is never archived again (§5.3), wherever it goes.
      archives: replayName === undefined ? context.router.archivesFor(target.bus, forwarded) : [],
      ...(replayName === undefined ? {} : { replayName }),
    },
  ]);
  return 'forwarded';
}
