import { request } from 'node:http';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { ListEventBusesCommand } from '@aws-sdk/client-eventbridge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from './support/start-test-stack.js';

let test: TestStack;
beforeAll(async () => {
  test = await startTestStack({ maxBodyBytes: 64 * 1024 });
});
afterAll(() => test?.close());

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function raw(options: {
  target?: string;
  body?: Buffer | string;
  contentType?: string;
  method?: string;
}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${test.stack.endpoint}/`,
      {
        method: options.method ?? 'POST',
        headers: {
          ...(options.target === undefined ? {} : { 'X-Amz-Target': options.target }),
          'Content-Type': options.contentType ?? 'application/x-amz-json-1.1',
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

function awsError(response: RawResponse) {
  return {
    status: response.status,
    ...(JSON.parse(response.body) as object),
    hasRequestId: typeof response.headers['x-amzn-requestid'] === 'string',
  };
}

describe('the EventBridge wire protocol', () => {
  it('answers a body that is not JSON with SerializationException', async () => {
    const response = await raw({ target: 'AWSEvents.ListEventBuses', body: '{not json' });
    expect(awsError(response)).toMatchObject({
      status: 400,
      __type: 'SerializationException',
      hasRequestId: true,
    });
  });

  it('answers invalid UTF-8 with SerializationException', async () => {
    const response = await raw({
      target: 'AWSEvents.ListEventBuses',
      body: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]),
    });
    expect(awsError(response)).toMatchObject({ status: 400, __type: 'SerializationException' });
  });

  it('answers an unknown operation with UnknownOperationException', async () => {
    const response = await raw({ target: 'AWSEvents.LaunchRocket', body: '{}' });
    expect(awsError(response)).toMatchObject({
      status: 400,
      __type: 'UnknownOperationException',
      hasRequestId: true,
    });
  });

  it('answers a request without X-Amz-Target with UnknownOperationException', async () => {
    const response = await raw({ body: '{}' });
    expect(awsError(response)).toMatchObject({ status: 400, __type: 'UnknownOperationException' });
  });

  it('dispatches on X-Amz-Target case-insensitively', async () => {
    const response = await raw({ target: 'awsevents.ListEventBuses', body: '{}' });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/x-amz-json-1.1');
  });

  it('answers a member of the wrong JSON type with SerializationException', async () => {
    const response = await raw({ target: 'AWSEvents.PutEvents', body: '{"Entries":"many"}' });
    expect(awsError(response)).toMatchObject({ status: 400, __type: 'SerializationException' });
  });

  it('refuses a body over the cap before parsing it, and keeps serving', async () => {
    const response = await raw({
      target: 'AWSEvents.PutEvents',
      body: `{"Entries":[${'"x",'.repeat(40_000)}"x"]}`,
    });
    expect(awsError(response)).toMatchObject({ status: 413, __type: 'RequestEntityTooLargeException' });
    const buses = await test.events.send(new ListEventBusesCommand({}));
    expect(buses.EventBuses?.map((bus) => bus.Name)).toEqual(['default', 'trackbridge']);
  });

  it('answers a wrong content type with UnknownOperationException', async () => {
    const response = await raw({ target: 'AWSEvents.ListEventBuses', body: '{}', contentType: 'text/plain' });
    expect(awsError(response)).toMatchObject({ status: 400, __type: 'UnknownOperationException' });
  });

  it('serves DynamoDB on the same endpoint, with the catalog table created', async () => {
    const { DynamoDBClient } = await import('@aws-sdk/client-dynamodb');
    const client = new DynamoDBClient({
      endpoint: test.stack.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const tables = await client.send(new ListTablesCommand({}));
    client.destroy();
    expect(tables.TableNames).toContain('trackbridge-events');
  });

  it('shows a status document at GET /', async () => {
    const response = await raw({ method: 'GET' });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ service: 'trackbridge local stack', buses: 2 });
  });
});
