import * as sdk from '@aws-sdk/client-eventbridge';
import {
  CreateArchiveCommand,
  type EventBridgeClient,
  TagResourceCommand,
} from '@aws-sdk/client-eventbridge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventsOperations } from '../../infra/local/events/events-operations.js';
import { awsCli, awsCliAvailable } from './support/aws-cli.js';
import { startTestStack, type TestStack } from './support/start-test-stack.js';

const hasAws = await awsCliAvailable();
if (!hasAws)
  console.warn('SKIPPED: the AWS CLI (`aws`) is not installed, so its list-connections test does not run.');

type AnyCommand = new (input: object) => Parameters<EventBridgeClient['send']>[0];

/** Every operation of the real SDK client, by its name: `CreateConnectionCommand` → `CreateConnection`. */
const sdkOperations = Object.entries(sdk)
  .filter(([name, value]) => /^[A-Z]\w+Command$/.test(name) && typeof value === 'function')
  .map(([name, value]) => ({
    name: name.slice(0, -'Command'.length),
    command: value as unknown as AnyCommand,
  }));
const served = sdkOperations.filter((operation) => Object.hasOwn(eventsOperations, operation.name));
const refused = sdkOperations.filter((operation) => !Object.hasOwn(eventsOperations, operation.name));

let test: TestStack;
beforeAll(async () => {
  test = await startTestStack();
});
afterAll(() => test?.close());

const unknownOperation = {
  name: 'UnknownOperationException',
  message: 'The requested operation is not recognized by the service.',
};

describe('what the local EventBridge does not emulate', () => {
  it('leaves connections, API destinations, partner event sources, endpoints and UpdateEventBus unserved', () => {
    expect(served.map((operation) => operation.name).sort()).toEqual(Object.keys(eventsOperations).sort());
    expect(refused.map((operation) => operation.name).sort()).toEqual([
      'ActivateEventSource',
      'CreateApiDestination',
      'CreateConnection',
      'CreateEndpoint',
      'CreatePartnerEventSource',
      'DeactivateEventSource',
      'DeauthorizeConnection',
      'DeleteApiDestination',
      'DeleteConnection',
      'DeleteEndpoint',
      'DeletePartnerEventSource',
      'DescribeApiDestination',
      'DescribeConnection',
      'DescribeEndpoint',
      'DescribeEventSource',
      'DescribePartnerEventSource',
      'ListApiDestinations',
      'ListConnections',
      'ListEndpoints',
      'ListEventSources',
      'ListPartnerEventSourceAccounts',
      'ListPartnerEventSources',
      'PutPartnerEvents',
      'UpdateApiDestination',
      'UpdateConnection',
      'UpdateEndpoint',
      'UpdateEventBus',
    ]);
  });

  it.each(refused.map((operation) => [operation.name, operation.command] as const))(
    'answers %s from the real SDK with UnknownOperationException',
    async (_name, Command) => {
      await expect(test.events.send(new Command({}))).rejects.toMatchObject(unknownOperation);
    },
  );

  it.each(served.map((operation) => [operation.name, operation.command] as const))(
    'serves %s: an empty request is checked, not refused as unknown',
    async (_name, Command) => {
      const answer = await test.events.send(new Command({})).catch((error: Error) => error);
      expect(answer).not.toMatchObject({ name: 'UnknownOperationException' });
    },
  );

  it.skipIf(!hasAws)('answers aws events list-connections with UnknownOperationException', async () => {
    await expect(awsCli(test.stack.endpoint, ['events', 'list-connections'])).rejects.toMatchObject({
      stderr: expect.stringContaining('(UnknownOperationException)'),
    });
  });

  it('refuses tags on an archive: in EventBridge only rules and event buses can be tagged (model)', async () => {
    const { ArchiveArn } = await test.events.send(
      new CreateArchiveCommand({
        ArchiveName: 'untaggable',
        EventSourceArn: 'arn:aws:events:us-east-1:000000000000:event-bus/default',
      }),
    );
    await expect(
      test.events.send(new TagResourceCommand({ ResourceARN: ArchiveArn, Tags: [{ Key: 'k', Value: 'v' }] })),
    ).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: `Resource ${ArchiveArn} does not exist.`,
    });
  });
});
