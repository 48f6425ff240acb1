import type { TypeSpec } from 'dynalite/validations/index.js';

// The members and constraints of the botocore model (dynamodb 2012-08-10), in dynalite's spec form.
// TableName is checked as dynalite checks it for DescribeTimeToLive and every other operation (a
// name, 3-255 of [a-zA-Z0-9_.-]): dynalite does not take table ARNs, which the model also allows.
const TABLE_NAME: TypeSpec = { type: 'String', required: true, tableName: true, regex: '[a-zA-Z0-9_.-]+' };

/** DescribeTimeToLive's input. */
export const DESCRIBE_TIME_TO_LIVE_TYPES: Readonly<Record<string, TypeSpec>> = { TableName: TABLE_NAME };

/** UpdateTimeToLive's input: TimeToLiveSpecification { Enabled, AttributeName 1-255 }, both required. */
export const UPDATE_TIME_TO_LIVE_TYPES: Readonly<Record<string, TypeSpec>> = {
  TableName: TABLE_NAME,
  TimeToLiveSpecification: {
    type: 'FieldStruct<TimeToLiveSpecification>',
    notNull: true,
    children: {
      AttributeName: {
        type: 'String',
        notNull: true,
        lengthGreaterThanOrEqual: 1,
        lengthLessThanOrEqual: 255,
      },
      Enabled: { type: 'Boolean', notNull: true },
    },
  },
};

/** UpdateTimeToLive's input once checked. */
export interface UpdateTimeToLiveInput {
  readonly TableName: string;
  readonly TimeToLiveSpecification: { readonly AttributeName: string; readonly Enabled: boolean };
}
