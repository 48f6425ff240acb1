import type { BusRecord } from '../store/bus-store.js';
import { type ArnScope, busArn } from './arns.js';

/** A bus in AWS's wire shape; times are epoch seconds (§2.2). */
export function busOutput(scope: ArnScope, bus: BusRecord): object {
  return {
    Name: bus.name,
    Arn: busArn(scope, bus.name),
    ...(bus.description === undefined ? {} : { Description: bus.description }),
    CreationTime: bus.createdAt / 1000,
    LastModifiedTime: bus.modifiedAt / 1000,
    ...(bus.policy === undefined ? {} : { Policy: bus.policy }),
  };
}
