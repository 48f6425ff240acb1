import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { TABLE_SCHEMA } from '../../consumers/table/index.js';
import type { CatalogEntry } from '../../rules/catalog/index.js';
import { AlarmTopic } from './alarm/alarm-topic.js';
import { TrackingBus } from './bus/tracking-bus.js';
import { archiveNameOf, checkCatalogForAws } from './catalog/check-catalog-for-aws.js';
import type { DeploymentConfig } from './config/deployment-config.js';
import { CatalogRoute } from './consumer/catalog-route.js';
import { routeNames } from './consumer/route-names.js';
import { SchemaRegistry } from './schema/schema-registry.js';
import { TrackingTable } from './table/tracking-table.js';

export interface TrackbridgeStackProps extends StackProps {
  /** The event types to deploy, as `loadCatalog()` returns them. */
  readonly catalog: readonly CatalogEntry[];
  /** Keys, index and TTL attribute of the table the consumers write (`TABLE_SCHEMA`). */
  readonly table: typeof TABLE_SCHEMA;
  readonly config: DeploymentConfig;
}

// The consumers write with conditional PutItems (consumers/pipeline/put-item-once.ts), for stored
// and quarantined events alike, and read an idempotency key's claim on a resend (claim-event-id.ts).
const consumerTableActions = ['dynamodb:PutItem', 'dynamodb:GetItem'];

/**
 * trackbridge on AWS: the bus (with its policy and archive), the schema registry, the table, and per
 * catalog entry a rule, a consumer Lambda, its dead-letter and on-failure queues and its alarms.
 */
export class TrackbridgeStack extends Stack {
  readonly bus: TrackingBus;
  readonly table: TrackingTable;
  readonly routes: readonly CatalogRoute[];

  constructor(scope: Construct, id: string, props: TrackbridgeStackProps) {
    super(scope, id, props);
    checkCatalogForAws(props.catalog);
    const { config } = props;
    const busName = props.catalog[0]?.busName ?? '';
    this.bus = new TrackingBus(this, 'Events', {
      busName,
      archiveName: archiveNameOf(busName),
      archiveRetentionDays: config.archiveRetentionDays,
      organizationId: config.organizationId,
      putEventsPrincipals: config.putEventsPrincipals,
    });
    new SchemaRegistry(this, 'Schemas', { registryName: busName, entries: props.catalog });
    this.table = new TrackingTable(this, 'Table', {
      schema: props.table,
      deletionProtection: config.tableDeletionProtection,
      removalPolicy: config.tableRemovalPolicy,
    });
    const alarmTopic = config.alarmTopic
      ? new AlarmTopic(this, 'Alarms', { email: config.alarmEmail })
      : undefined;
    this.routes = props.catalog.map(
      (entry) =>
        new CatalogRoute(this, entry.consumer.name, {
          entry,
          names: routeNames(entry),
          bus: this.bus.bus,
          table: this.table.table,
          tableActions: consumerTableActions,
          logRetention: config.logRetentionDays,
          alarmAction: alarmTopic?.action,
        }),
    );
    this.outputs(alarmTopic);
  }

  private outputs(alarmTopic: AlarmTopic | undefined): void {
    new CfnOutput(this, 'EventBusName', { value: this.bus.bus.eventBusName });
    new CfnOutput(this, 'EventBusArn', { value: this.bus.bus.eventBusArn });
    new CfnOutput(this, 'ArchiveName', { value: this.bus.archive.ref });
    new CfnOutput(this, 'ArchiveArn', { value: this.bus.archive.attrArn });
    new CfnOutput(this, 'TableName', { value: this.table.table.tableName });
    if (alarmTopic) new CfnOutput(this, 'AlarmTopicArn', { value: alarmTopic.topic.topicArn });
  }
}
