import { envelopeTime } from '../build-envelope.js';
import type { TemplateValue } from './input-template.js';

/**
 * Variables EventBridge defines for every template; "reserved, and you can't create variables with
 * these names" ("Amazon EventBridge input transformation", Predefined variables).
 */
export const reservedVariables = [
  'aws.events.rule-arn',
  'aws.events.rule-name',
  'aws.events.event.ingestion-time',
  'aws.events.event',
  'aws.events.event.json',
] as const;

export interface ShapingContext {
  readonly ruleName: string;
  readonly ruleArn: string;
  /** When the event was received (epoch ms): PutEvents' acceptance, or the replay's re-send. */
  readonly ingestionTime: number;
}

function stringValue(text: string): TemplateValue {
  return { json: JSON.stringify(text), text };
}

/**
 * `<aws.events.event>`: the event without `detail`. Its keys are as AWS delivered them in a
 * recorded run (localstack `test_events_inputs` snapshot, `originalEvent`): `detail-type` becomes
 * `detailType`, in this order.
 */
function eventWithoutDetail(event: Record<string, unknown>): string {
  return JSON.stringify({
    id: event.id,
    account: event.account,
    detailType: event['detail-type'],
    time: event.time,
    source: event.source,
    region: event.region,
    resources: event.resources,
    version: event.version,
  });
}

/** The value of a reserved variable, or undefined when `name` is not one. */
export function reservedValue(
  name: string,
  event: Record<string, unknown>,
  envelopeText: string,
  context: ShapingContext,
): TemplateValue | undefined {
  switch (name) {
    case 'aws.events.rule-arn':
      return stringValue(context.ruleArn);
    case 'aws.events.rule-name':
      return stringValue(context.ruleName);
    case 'aws.events.event.ingestion-time':
      // ISO 8601 as the docs say; the precision (whole seconds, as `time`) is not documented.
      return stringValue(envelopeTime(context.ingestionTime));
    case 'aws.events.event': {
      const json = eventWithoutDetail(event);
      return { json, text: json };
    }
    case 'aws.events.event.json':
      // The envelope text itself, so `detail` stays byte for byte as the producer sent it.
      return { json: envelopeText, text: envelopeText };
    default:
      return undefined;
  }
}
