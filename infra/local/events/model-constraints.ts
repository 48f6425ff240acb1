import type { MemberConstraint } from './constraints.js';

/**
 * The EventBridge model's constraints for the members this emulator validates, copied from
 * botocore `data/events/2015-10-07/service-2.json` (a test checks them against that file).
 * Clients validate none of them (JS SDK v3 does no constraint checks), so the server must.
 */
export const modelConstraints = {
  RuleName: { min: 1, max: 64, pattern: '[\\.\\-_A-Za-z0-9]+' },
  EventBusName: { min: 1, max: 256, pattern: '[/\\.\\-_A-Za-z0-9]+' },
  EventBusNameOrArn: {
    min: 1,
    max: 1600,
    pattern: '(arn:aws[\\w-]*:events:[a-z]+-[a-z]+-[\\w-]+:[0-9]{12}:event-bus\\/)?[/\\.\\-_A-Za-z0-9]+',
  },
  NonPartnerEventBusNameOrArn: {
    min: 1,
    max: 1600,
    pattern: '(arn:aws[\\w-]*:events:[a-z]+-[a-z]+-[\\w-]+:[0-9]{12}:event-bus\\/)?[\\.\\-_A-Za-z0-9]+',
  },
  EventPattern: { max: 4096 },
  ScheduleExpression: { max: 256 },
  RuleDescription: { max: 512 },
  EventBusDescription: { max: 512 },
  RoleArn: { min: 1, max: 1600 },
  RuleState: { enum: ['ENABLED', 'DISABLED', 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS'] },
  NextToken: { min: 1, max: 2048 },
  LimitMax100: { min: 1, max: 100 },
  PutEventsRequestEntryList: { min: 1, max: 10 },
  EndpointId: { min: 1, max: 50, pattern: '^[A-Za-z0-9\\-]+[\\.][A-Za-z0-9\\-]+$' },
  TraceHeader: { min: 1, max: 500 },
  TargetList: { min: 1, max: 100 },
  TargetIdList: { min: 1, max: 100 },
  TargetId: { min: 1, max: 64, pattern: '[\\.\\-_A-Za-z0-9]+' },
  TargetArn: { min: 1, max: 1600 },
  TargetInput: { max: 8192 },
  TargetInputPath: { max: 256 },
  TransformerPaths: { max: 100 },
  InputTransformerPathKey: { min: 1, max: 256, pattern: '[A-Za-z0-9\\_\\-]+' },
  TransformerInput: { min: 1, max: 8192 },
  MaximumRetryAttempts: { min: 0, max: 185 },
  MaximumEventAgeInSeconds: { min: 60, max: 86400 },
  ResourceArn: { min: 1, max: 1600 },
  ArchiveName: { min: 1, max: 48, pattern: '[\\.\\-_A-Za-z0-9]+' },
  ArchiveDescription: { max: 512, pattern: '.*' },
  /** `EventBusArn` and `ArchiveArn` share this pattern in the model. */
  EventBusArn: {
    min: 1,
    max: 1600,
    pattern: '^arn:aws([a-z]|\\-)*:events:([a-z]|\\d|\\-)*:([0-9]{12})?:.+\\/.+$',
  },
  ArchiveArn: {
    min: 1,
    max: 1600,
    pattern: '^arn:aws([a-z]|\\-)*:events:([a-z]|\\d|\\-)*:([0-9]{12})?:.+\\/.+$',
  },
  RetentionDays: { min: 0 },
  KmsKeyIdentifier: { max: 2048, pattern: '^[a-zA-Z0-9_\\-/:]*$' },
  ArchiveState: { enum: ['ENABLED', 'DISABLED', 'CREATING', 'UPDATING', 'CREATE_FAILED', 'UPDATE_FAILED'] },
  ReplayName: { min: 1, max: 64, pattern: '[\\.\\-_A-Za-z0-9]+' },
  ReplayDescription: { max: 512, pattern: '.*' },
  ReplayState: { enum: ['STARTING', 'RUNNING', 'CANCELLING', 'COMPLETED', 'CANCELLED', 'FAILED'] },
  Arn: { min: 1, max: 1600 },
  TagKey: { min: 1, max: 128 },
  NonPartnerEventBusName: { min: 1, max: 256, pattern: '[\\.\\-_A-Za-z0-9]+' },
  Action: { min: 1, max: 64, pattern: 'events:[a-zA-Z]+' },
  Principal: { min: 1, max: 12, pattern: '(\\d{12}|\\*)' },
  StatementId: { min: 1, max: 64, pattern: '[a-zA-Z0-9-_]+' },
  TagValue: { min: 0, max: 256 },
} as const satisfies Record<string, MemberConstraint>;

/** A model constraint made mandatory, for members in the shape's `required` list. */
export function required(constraint: MemberConstraint): MemberConstraint {
  return { ...constraint, required: true };
}
