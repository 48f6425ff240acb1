import { ArnFormat, Stack } from 'aws-cdk-lib';
import { CfnRule, type IEventBus } from 'aws-cdk-lib/aws-events';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import type { CatalogEntry } from '../../../rules/catalog/catalog-entry.js';
import { forwardRuleName } from '../../../rules/catalog/forward-rule-name.js';

export { forwardRuleName };

export interface DefaultBusForwardingProps {
  /** The catalog's `aws-service` types: AWS services emit them on the default bus. */
  readonly entries: readonly CatalogEntry[];
  /** Where the types' own rules route them. */
  readonly trackingBus: IEventBus;
}

/**
 * Brings AWS-service events into the tracking bus: per `aws-service` catalog type, a rule on the
 * account's default bus with the type's own pattern (so exactly what its rule on the tracking bus
 * routes is forwarded, and nothing lands there unrouted), targeting the tracking bus with one role
 * that may only put events on it. EventBridge assumes the role on behalf of these rules alone.
 */
export class DefaultBusForwarding extends Construct {
  readonly role: Role;
  readonly rules: readonly CfnRule[];

  constructor(scope: Construct, id: string, props: DefaultBusForwardingProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const first = props.entries[0];
    // Default-bus rule ARNs have no bus segment: arn:…:events:<region>:<account>:rule/<name>.
    const ruleArns = stack.formatArn({
      service: 'events',
      resource: 'rule',
      resourceName: first === undefined ? '*' : `${forwardRuleName({ ...first, ruleName: '' })}*`,
      arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
    });
    this.role = new Role(this, 'Role', {
      description: 'EventBridge forwards AWS-service events from the default bus to the tracking bus.',
      assumedBy: new ServicePrincipal('events.amazonaws.com').withConditions({
        StringEquals: { 'aws:SourceAccount': stack.account },
        ArnLike: { 'aws:SourceArn': ruleArns },
      }),
    });
    this.role.addToPolicy(
      new PolicyStatement({ actions: ['events:PutEvents'], resources: [props.trackingBus.eventBusArn] }),
    );
    this.rules = props.entries.map((entry) => {
      const rule = new CfnRule(this, entry.ruleName, {
        name: forwardRuleName(entry),
        description: `${entry.detailType} from ${entry.source} on the default bus to ${entry.busName}`,
        // No EventBusName: the rule lives on the account's default bus, where AWS services send.
        state: 'ENABLED',
        targets: [{ id: 'tracking-bus', arn: props.trackingBus.eventBusArn, roleArn: this.role.roleArn }],
      });
      // The catalog's text itself, as for the type's own rule (see CatalogRoute).
      rule.addPropertyOverride('EventPattern', entry.eventPattern);
      return rule;
    });
  }
}
