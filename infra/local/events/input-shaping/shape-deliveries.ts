import type { DeliveryPlan } from '../router.js';
import { shapeInput } from './input-shape.js';

/** A rule's ARN from its bus's ARN: `rule/<rule>` on the default bus, `rule/<bus>/<rule>` on others. */
export function ruleArnOnBus(busArn: string, rule: string): string {
  const [prefix = '', bus = ''] = busArn.split(':event-bus/');
  return `${prefix}:rule/${bus === 'default' ? rule : `${bus}/${rule}`}`;
}

/**
 * The deliveries of one event with each shaped target's input made from it (`InputPath`,
 * `InputTransformer`), at routing time, so a delivery and its retries carry what the target
 * receives, and a replayed event is shaped as it is re-sent (with its new id and `replay-name`).
 */
export function shapeDeliveries(
  plans: readonly DeliveryPlan[],
  envelope: string,
  source: { readonly busArn: string; readonly ingestionTime: number },
): readonly DeliveryPlan[] {
  // Most targets take the event as it is: no copy then.
  if (!plans.some((plan) => plan.shape !== undefined)) return plans;
  // The envelope is parsed once per event, however many targets shape it.
  let event: Record<string, unknown> | undefined;
  const parsed = () => {
    event ??= JSON.parse(envelope) as Record<string, unknown>;
    return event;
  };
  return plans.map((plan) => {
    if (plan.shape === undefined) return plan;
    const { shape, ...rest } = plan;
    const input = shapeInput(
      shape,
      envelope,
      {
        ruleName: plan.rule,
        ruleArn: ruleArnOnBus(source.busArn, plan.rule),
        ingestionTime: source.ingestionTime,
      },
      parsed,
    );
    return { ...rest, input };
  });
}
