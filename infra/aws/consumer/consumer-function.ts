import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import { type CfnPolicy, type Policy, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Architecture, type CfnFunction, LoggingFormat, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { resolveCatalogPath } from '../../../rules/catalog/index.js';

export interface ConsumerFunctionProps {
  /** Lambda function name (also names the log group). */
  readonly functionName: string;
  /** Handler module path relative to the repository root (a catalog path); it exports `handler`. */
  readonly entry: string;
  /** Environment variables the handler reads (`TABLE_NAME`, …). */
  readonly environment: Readonly<Record<string, string>>;
  readonly logRetention: RetentionDays;
  /** The stack's key; its policy lets CloudWatch Logs use it for this group. */
  readonly logEncryptionKey: IKey;
  /** What happens to the log group when it leaves the stack. */
  readonly logRemovalPolicy: RemovalPolicy;
  /** Concurrent executions reserved for the function (the catalog's `reservedConcurrency`). */
  readonly reservedConcurrency: number;
}

/**
 * One consumer Lambda: arm64 on the current Node.js runtime, bundled by the locally installed esbuild
 * (no Docker), minified with source maps, AWS SDK v3 left to the runtime, reserved concurrency, an
 * explicit log group (retention, the stack's key, retained by default), and a role that starts with
 * nothing but the right to write that log group.
 */
export class ConsumerFunction extends Construct {
  readonly function: NodejsFunction;
  readonly role: Role;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: ConsumerFunctionProps) {
    super(scope, id);
    this.logGroup = new LogGroup(this, 'Logs', {
      logGroupName: `/aws/lambda/${props.functionName}`,
      retention: props.logRetention,
      encryptionKey: props.logEncryptionKey,
      // Kept by default: the logs are the record of what each event became. The name stays fixed,
      // where Lambda users and `trackbridge trace --aws` look, so a retained group must go before
      // the stack is deployed again after a delete (DeploymentConfig `logRemovalPolicy`).
      removalPolicy: props.logRemovalPolicy,
    });
    // No AWSLambdaBasicExecutionRole: its logs:* statements cover every log group of the account.
    this.role = new Role(this, 'Role', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    this.role.addToPolicy(
      new PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        // The LogGroup `Arn` attribute already ends in `:*`, which covers the group's log streams.
        resources: [this.logGroup.logGroupArn],
      }),
    );
    this.function = new NodejsFunction(this, 'Function', {
      functionName: props.functionName,
      entry: resolveCatalogPath(props.entry),
      handler: 'handler',
      projectRoot: resolveCatalogPath('.'),
      depsLockFilePath: resolveCatalogPath('package-lock.json'),
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: 256,
      timeout: Duration.seconds(10),
      reservedConcurrentExecutions: props.reservedConcurrency,
      role: this.role,
      logGroup: this.logGroup,
      loggingFormat: LoggingFormat.JSON,
      environment: { ...props.environment, NODE_OPTIONS: '--enable-source-maps' },
      bundling: {
        forceDockerBundling: false,
        format: OutputFormat.ESM,
        target: 'node24',
        minify: true,
        sourceMap: true,
        sourcesContent: false,
        // The Node.js runtimes ship AWS SDK v3; bundling it would only add size.
        externalModules: ['@aws-sdk/*'],
        mainFields: ['module', 'main'],
        // CommonJS dependencies bundled into an ES module still call require() for Node built-ins.
        banner: "import{createRequire}from'node:module';const require=createRequire(import.meta.url);",
      },
    });
    this.dependOnPolicyOnly();
  }

  /**
   * CDK makes the function depend on its role and the role's policy. The role is already referenced
   * (`Role: Fn::GetAtt`), so naming it in DependsOn is redundant (cfn-lint W3005); the policy must
   * stay, or the first invocations could run before the function may write its log group.
   */
  private dependOnPolicyOnly(): void {
    const policy = this.role.node.tryFindChild('DefaultPolicy') as Policy | undefined;
    const cfnPolicy = policy?.node.defaultChild as CfnPolicy | undefined;
    if (cfnPolicy === undefined) return;
    (this.function.node.defaultChild as CfnFunction).addOverride('DependsOn', [cfnPolicy.logicalId]);
  }
}
