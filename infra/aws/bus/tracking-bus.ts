import { CfnArchive, EventBus } from 'aws-cdk-lib/aws-events';
import {
  AccountPrincipal,
  AnyPrincipal,
  ArnPrincipal,
  type IPrincipal,
  PolicyStatement,
} from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';

export interface TrackingBusProps {
  readonly busName: string;
  readonly archiveName: string;
  /** `0` keeps archived events forever. */
  readonly archiveRetentionDays: number;
  /** Accounts of this organization may call PutEvents. */
  readonly organizationId?: string;
  /** Account ids or IAM ARNs that may call PutEvents. */
  readonly putEventsPrincipals: readonly string[];
}

/**
 * The custom bus producers send to, with a resource policy naming who may call PutEvents, and an
 * archive of every event on it.
 */
export class TrackingBus extends Construct {
  readonly bus: EventBus;
  readonly archive: CfnArchive;

  constructor(scope: Construct, id: string, props: TrackingBusProps) {
    super(scope, id);
    this.bus = new EventBus(this, 'Bus', { eventBusName: props.busName });
    this.allowPutEvents('AllowAccountPutEvents', new AccountPrincipal(this.bus.stack.account));
    if (props.organizationId !== undefined) {
      this.allowPutEvents('AllowOrganizationPutEvents', new AnyPrincipal(), {
        StringEquals: { 'aws:PrincipalOrgID': props.organizationId },
      });
    }
    props.putEventsPrincipals.forEach((principal, index) => {
      const grantee = /^\d{12}$/.test(principal)
        ? new AccountPrincipal(principal)
        : new ArnPrincipal(principal);
      this.allowPutEvents(`AllowPrincipal${index + 1}PutEvents`, grantee);
    });
    this.archive = new CfnArchive(this, 'Archive', {
      archiveName: props.archiveName,
      sourceArn: this.bus.eventBusArn,
      description: `Every event sent to ${props.busName}, for replay.`,
      // No EventPattern: an archive without one keeps every event of the bus (CreateArchive doc).
      retentionDays: props.archiveRetentionDays,
    });
  }

  private allowPutEvents(sid: string, principal: IPrincipal, conditions?: Record<string, unknown>): void {
    this.bus.addToResourcePolicy(
      new PolicyStatement({
        sid,
        principals: [principal],
        actions: ['events:PutEvents'],
        resources: [this.bus.eventBusArn],
        conditions,
      }),
    );
  }
}
