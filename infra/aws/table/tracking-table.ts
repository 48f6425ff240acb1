import type { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import type { TABLE_SCHEMA } from '../../../consumers/table/index.js';

export interface TrackingTableProps {
  /** Key names, index and TTL attribute: the consumers' `TABLE_SCHEMA`. */
  readonly schema: typeof TABLE_SCHEMA;
  /** Refuse `DeleteTable` while set. */
  readonly deletionProtection: boolean;
  /** What happens to the table when it leaves the stack. */
  readonly removalPolicy: RemovalPolicy;
}

/**
 * The events table: on-demand, point-in-time recovery, TTL, GSI1, encrypted with the AWS managed key.
 * The AWS managed key (`aws/dynamodb`) lets any principal DynamoDB authorizes use it through DynamoDB,
 * so consumer roles need no KMS statement.
 */
export class TrackingTable extends Construct {
  readonly table: Table;

  constructor(scope: Construct, id: string, props: TrackingTableProps) {
    super(scope, id);
    const { schema } = props;
    this.table = new Table(this, 'Table', {
      partitionKey: { name: schema.partitionKey, type: AttributeType.STRING },
      sortKey: { name: schema.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: schema.timeToLiveAttribute,
      encryption: TableEncryption.AWS_MANAGED,
      deletionProtection: props.deletionProtection,
      removalPolicy: props.removalPolicy,
    });
    this.table.addGlobalSecondaryIndex({
      indexName: schema.gsi1.indexName,
      partitionKey: { name: schema.gsi1.partitionKey, type: AttributeType.STRING },
      sortKey: { name: schema.gsi1.sortKey, type: AttributeType.STRING },
    });
  }
}
