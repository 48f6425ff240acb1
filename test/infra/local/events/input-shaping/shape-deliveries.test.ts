import { describe, expect, it } from 'vitest';
import { inputShapeOf } from '../../../../../infra/local/events/input-shaping/input-shape.js';
import {
  ruleArnOnBus,
  shapeDeliveries,
} from '../../../../../infra/local/events/input-shaping/shape-deliveries.js';
import type { DeliveryPlan } from '../../../../../infra/local/events/router.js';

const busArn = 'arn:aws:events:eu-west-1:111122223333:event-bus/orders';
const plan = (rule: string, spec: Record<string, unknown> = {}): DeliveryPlan => {
  const shape = inputShapeOf(spec);
  return {
    rule,
    targetId: 't',
    targetArn: 'arn:aws:lambda:eu-west-1:111122223333:function:f',
    maximumRetryAttempts: 185,
    maximumEventAgeInSeconds: 86_400,
    deadLetter: false,
    ...(shape === undefined ? {} : { shape }),
  };
};
const envelope =
  '{"version":"0","id":"e-1","detail-type":"T","source":"s","account":"111122223333","time":"2026-01-01T00:00:00Z","region":"eu-west-1","resources":[],"detail":{"n":1}}';

describe('ruleArnOnBus', () => {
  it('names a default-bus rule without the bus, others with it', () => {
    expect(ruleArnOnBus('arn:aws:events:us-east-1:000000000000:event-bus/default', 'r')).toBe(
      'arn:aws:events:us-east-1:000000000000:rule/r',
    );
    expect(ruleArnOnBus(busArn, 'r')).toBe('arn:aws:events:eu-west-1:111122223333:rule/orders/r');
  });
});

describe('shapeDeliveries', () => {
  it('returns the plans unchanged when no target shapes its input', () => {
    const plans = [plan('a'), plan('b')];
    expect(shapeDeliveries(plans, envelope, { busArn, ingestionTime: 0 })).toBe(plans);
  });

  it('gives each shaped plan its input for this event and keeps the others as they are', () => {
    const plain = plan('plain');
    const [first, second, third] = shapeDeliveries(
      [
        plain,
        plan('path', { InputPath: '$.detail' }),
        plan('template', {
          InputTransformer: {
            InputPathsMap: { id: '$.id' },
            InputTemplate:
              '{"id": <id>, "rule": "<aws.events.rule-arn>", "at": "<aws.events.event.ingestion-time>"}',
          },
        }),
      ],
      envelope,
      { busArn, ingestionTime: Date.parse('2026-01-01T00:00:05.250Z') },
    );
    expect(first).toBe(plain);
    expect(second?.input).toBe('{"n":1}');
    expect(second?.shape).toBeUndefined();
    expect(JSON.parse(third?.input ?? '')).toEqual({
      id: 'e-1',
      rule: 'arn:aws:events:eu-west-1:111122223333:rule/orders/template',
      at: '2026-01-01T00:00:05Z',
    });
  });
});
