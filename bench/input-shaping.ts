import { loadavg } from 'node:os';
import { buildEnvelope } from '../infra/local/events/build-envelope.js';
import { inputShapeOf } from '../infra/local/events/input-shaping/input-shape.js';
import { shapeDeliveries } from '../infra/local/events/input-shaping/shape-deliveries.js';
import type { DeliveryPlan } from '../infra/local/events/router.js';

/**
 * What input shaping adds to routing one event: building its envelope and its delivery plans
 * with no shaping, with `InputPath`, and with a JSON `InputTransformer`. Prints ns per event and
 * each variant's time as a ratio of the unshaped one, all measured in this run.
 */
const events = 20_000;
const rounds = 5;
const busArn = 'arn:aws:events:us-east-1:000000000000:event-bus/trackbridge';

function plan(spec: Record<string, unknown>): DeliveryPlan {
  const shape = inputShapeOf(spec);
  return {
    rule: 'r',
    targetId: 't',
    targetArn: 'arn:aws:lambda:us-east-1:000000000000:function:f',
    maximumRetryAttempts: 185,
    maximumEventAgeInSeconds: 86_400,
    deadLetter: false,
    ...(shape === undefined ? {} : { shape }),
  };
}

const variants: Record<string, readonly DeliveryPlan[]> = {
  unshaped: [plan({})],
  'InputPath $.detail': [plan({ InputPath: '$.detail' })],
  'InputTransformer (3 paths, JSON)': [
    plan({
      InputTransformer: {
        InputPathsMap: { user: '$.detail.userId', ip: '$.detail.ip', type: '$.detail-type' },
        InputTemplate:
          '{"user": <user>, "from": "<ip>", "what": "<type> by <user>", "rule": <aws.events.rule-name>}',
      },
    }),
  ],
};

const detailText = JSON.stringify({
  eventId: '0f8e7c1a-2b3d-4e5f-8a9b-0c1d2e3f4a5b',
  occurredAt: '2026-11-25T09:00:00.000Z',
  userId: 'u-1001',
  method: 'password',
  success: true,
  ip: '203.0.113.7',
  userAgent: 'bench',
});

function once(plans: readonly DeliveryPlan[]): number {
  const started = process.hrtime.bigint();
  let sink = 0;
  for (let i = 0; i < events; i++) {
    const envelope = buildEnvelope({
      id: `id-${i}`,
      detailType: 'User Logged In',
      source: 'app.auth',
      account: '000000000000',
      time: 1_764_000_000_000 + i,
      region: 'us-east-1',
      resources: [],
      detailText,
    });
    sink +=
      shapeDeliveries(plans, envelope, { busArn, ingestionTime: 1_764_000_000_000 })[0]?.input?.length ?? 1;
  }
  if (sink === 0) throw new Error('nothing shaped');
  return Number(process.hrtime.bigint() - started) / events;
}

export function run(): void {
  console.log(`Input shaping: ns per event (envelope + plans), best of ${rounds} rounds of ${events} events`);
  console.log(`Load average before: ${loadavg()[0]?.toFixed(1)} (shared machine: figures are noisy)`);
  const best: Record<string, number> = {};
  for (let round = 0; round < rounds; round++) {
    for (const [name, plans] of Object.entries(variants))
      best[name] = Math.min(best[name] ?? Infinity, once(plans));
  }
  const base = best.unshaped ?? 1;
  for (const [name, ns] of Object.entries(best)) {
    console.log(`  ${name.padEnd(34)} ${ns.toFixed(0).padStart(7)} ns   ${(ns / base).toFixed(2)}× unshaped`);
  }
  console.log(`Load average after: ${loadavg()[0]?.toFixed(1)}`);
}
