import { App, Aspects } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { TABLE_SCHEMA } from '../../consumers/table/index.js';
import { loadCatalog } from '../../rules/catalog/index.js';
import { readDeploymentConfig } from './config/read-deployment-config.js';
import { TrackbridgeStack } from './trackbridge-stack.js';

// The CDK app named in cdk.json: the catalog and the table layout in, one stack out, checked by
// cdk-nag (an AwsSolutions error fails `cdk synth`).
const app = new App();
const config = readDeploymentConfig((key) => app.node.tryGetContext(key));
new TrackbridgeStack(app, config.stackName, {
  catalog: loadCatalog(),
  table: TABLE_SCHEMA,
  config,
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
});
Aspects.of(app).add(new AwsSolutionsChecks({ verbose: true }));
