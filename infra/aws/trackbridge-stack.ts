import { Aspects, CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { TABLE_SCHEMA } from '../../consumers/table/index.js';
import type { CatalogEntry } from '../../rules/catalog/index.js';
import { unroutedPattern } from '../../rules/catalog/unrouted-pattern.js';
import { UNROUTED_ROUTE } from '../../rules/catalog/unrouted-route.js';
import { AlarmActionCheck } from './alarm/alarm-action-check.js';
import { AlarmTopic } from './alarm/alarm-topic.js';
import { DefaultBusForwarding } from './bus/default-bus-forwarding.js';
import { TrackingBus } from './bus/tracking-bus.js';
import { archiveNameOf, checkCatalogForAws } from './catalog/check-catalog-for-aws.js';
import type { DeploymentConfig } from './config/deployment-config.js';
import { CatalogRoute } from './consumer/catalog-route.js';
import { type RouteEntry, routeEntryOf } from './consumer/route-entry.js';
import { routeNames } from './consumer/route-names.js';
import { TrackingDashboard } from './dashboard/tracking-dashboard.js';
import { StackKey } from './key/stack-key.js';
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
 * catalog entry a rule, a consumer Lambda, its dead-letter and on-failure queues and its alarms; the
 * unrouted catch-all route; default-bus forwarding of AWS-service types; the stack's KMS key, the
 * alarm topic and the dashboard.
 */
export class TrackbridgeStack extends Stack {
  readonly bus: TrackingBus;
  readonly table: TrackingTable;
  readonly routes: readonly CatalogRoute[];
  readonly unrouted: CatalogRoute;

  constructor(scope: Construct, id: string, props: TrackbridgeStackProps) {
    super(scope, id, props);
    checkCatalogForAws(props.catalog);
    const { config, catalog } = props;
    const busName = catalog[0]?.busName ?? '';
    const namePrefix = `${busName}-`;
    this.bus = new TrackingBus(this, 'Events', {
      busName,
      archiveName: archiveNameOf(busName),
      archiveRetentionDays: config.archiveRetentionDays,
      organizationId: config.organizationId,
      putEventsPrincipals: config.putEventsPrincipals,
    });
    new SchemaRegistry(this, 'Schemas', { registryName: busName, entries: catalog });
    this.table = new TrackingTable(this, 'Table', {
      schema: props.table,
      deletionProtection: config.tableDeletionProtection,
      removalPolicy: config.tableRemovalPolicy,
    });
    const { key } = new StackKey(this, 'Key', { namePrefix, removalPolicy: config.logRemovalPolicy });
    const alarmTopic = config.alarmTopic
      ? new AlarmTopic(this, 'Alarms', { key, alarmNamePrefix: namePrefix, email: config.alarmEmail })
      : undefined;
    const route = (entry: RouteEntry, id: string) =>
      new CatalogRoute(this, id, {
        entry,
        names: routeNames(entry),
        bus: this.bus.bus,
        table: this.table.table,
        tableActions: consumerTableActions,
        logRetention: config.logRetentionDays,
        logEncryptionKey: key,
        logRemovalPolicy: config.logRemovalPolicy,
        alarmAction: alarmTopic?.action,
      });
    this.routes = catalog.map((entry) => route(routeEntryOf(entry), entry.consumer.name));
    this.unrouted = route(
      {
        ...UNROUTED_ROUTE,
        busName,
        eventPattern: unroutedPattern(catalog),
        description: `Events whose source and detail-type are no catalog type's, to quarantine (reason unrouted)`,
      },
      'Unrouted',
    );
    const awsServiceTypes = catalog.filter((entry) => entry.origin === 'aws-service');
    const forwarding =
      awsServiceTypes.length > 0
        ? new DefaultBusForwarding(this, 'DefaultBus', {
            entries: awsServiceTypes,
            trackingBus: this.bus.bus,
          })
        : undefined;
    this.dashboard(busName, forwarding);
    Aspects.of(this).add(new AlarmActionCheck());
    this.outputs(alarmTopic);
  }

  private dashboard(busName: string, forwarding: DefaultBusForwarding | undefined): void {
    const routes = [...this.routes, this.unrouted];
    new TrackingDashboard(this, 'Dashboard', {
      busName,
      routes: routes.map((route) => ({
        ruleName: route.entry.ruleName,
        consumerName: route.entry.consumer.name,
        function: route.consumer.function,
      })),
      queues: routes.flatMap((route) => [
        ...(route.deadLetterQueue ? [route.deadLetterQueue] : []),
        route.failureQueue,
      ]),
      forwardRuleNames: forwarding?.rules.map((rule) => String(rule.name)) ?? [],
    });
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
