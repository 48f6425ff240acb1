import type { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import type { TableDefinition } from './table-definition.js';

export interface TrackingTableProps {
  /** Key names, index and TTL attribute. */
  readonly definition: TableDefinition;
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
    const { definition } = props;
    this.table = new Table(this, 'Table', {
      partitionKey: { name: definition.partitionKey, type: AttributeType.STRING },
      sortKey: { name: definition.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: definition.timeToLiveAttribute,
      encryption: TableEncryption.AWS_MANAGED,
      deletionProtection: props.deletionProtection,
      removalPolicy: props.removalPolicy,
    });
    this.table.addGlobalSecondaryIndex({
      indexName: definition.gsi1.indexName,
      partitionKey: { name: definition.gsi1.partitionKey, type: AttributeType.STRING },
      sortKey: { name: definition.gsi1.sortKey, type: AttributeType.STRING },
    });
  }
}
