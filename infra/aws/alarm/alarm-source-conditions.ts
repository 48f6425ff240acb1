import { ArnFormat, type Stack } from 'aws-cdk-lib';

/** `aws:SourceAccount` / `aws:SourceArn` limiting CloudWatch to this account's alarms of the stack. */
export function alarmSourceConditions(stack: Stack, namePrefix: string): Record<string, unknown> {
  return {
    StringEquals: { 'aws:SourceAccount': stack.account },
    ArnLike: {
      'aws:SourceArn': stack.formatArn({
        service: 'cloudwatch',
        resource: 'alarm',
        resourceName: `${namePrefix}*`,
        arnFormat: ArnFormat.COLON_RESOURCE_NAME,
      }),
    },
  };
}
