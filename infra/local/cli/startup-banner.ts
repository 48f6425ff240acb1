/** What `trackbridge start` prints once the stack is serving: where it is, and how to use it. */
export function startupBanner(facts: {
  endpoint: string;
  region: string;
  dataDir: string | undefined;
  busName: string;
  tableName: string;
  ruleCount: number;
}): string {
  const detail = JSON.stringify({
    eventId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
    occurredAt: '2026-11-25T09:15:02.123Z',
    userId: 'u-1001',
    method: 'password',
    success: true,
    ip: '203.0.113.7',
    userAgent: 'curl/8.0',
  });
  const entries = JSON.stringify([
    { EventBusName: facts.busName, Source: 'app.auth', DetailType: 'User Logged In', Detail: detail },
  ]);
  return [
    `trackbridge local stack listening on ${facts.endpoint}`,
    `  EventBridge API and DynamoDB API on that one endpoint; status at GET ${facts.endpoint}/`,
    `  state: ${facts.dataDir ?? 'in memory (--memory): nothing is kept after exit'}`,
    `  bus: ${facts.busName} (and default) · catalog rules: ${facts.ruleCount} · table: ${facts.tableName}`,
    '',
    'Point the AWS SDK and CLI at it:',
    `  export AWS_ENDPOINT_URL=${facts.endpoint} AWS_REGION=${facts.region} AWS_DEFAULT_REGION=${facts.region} AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local`,
    `  aws events put-events --entries '${entries}'`,
    `  aws dynamodb scan --table-name ${facts.tableName}`,
    '',
    'Ctrl-C stops it cleanly.',
  ].join('\n');
}
