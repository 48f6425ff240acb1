import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corsHeaders, rawRequest } from './support/raw-request.js';
import { startTestStack, type TestStack } from './support/start-test-stack.js';

const send = rawRequest;

let test: TestStack;
let own: string;
beforeAll(async () => {
  test = await startTestStack();
  own = new URL(test.stack.endpoint).host;
});
afterAll(() => test?.close());

describe('the endpoint, to web pages', () => {
  it('refuses a request with a foreign Host (DNS rebinding) before any route', async () => {
    for (const path of ['/', '/_trackbridge/dead-letters', '/_trackbridge/tail']) {
      const answer = await send(`${test.stack.endpoint}${path}`, {
        headers: { host: `rebound.attacker.example:${test.stack.port}` },
      });
      expect(answer.status, path).toBe(403);
      expect(answer.body).toContain('is not this stack');
    }
  });

  it('refuses a foreign Host on the AWS APIs too', async () => {
    const answer = await send(test.stack.endpoint, {
      method: 'POST',
      headers: {
        host: 'rebound.attacker.example',
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'AWSEvents.ListEventBuses',
      },
      body: '{}',
    });
    expect(answer.status).toBe(403);
  });

  it('answers its own loopback names', async () => {
    for (const host of [own, `localhost:${test.stack.port}`]) {
      expect((await send(`${test.stack.endpoint}/`, { headers: { host } })).status).toBe(200);
    }
  });

  it('refuses a cross-origin text/plain form POST that would purge dead letters', async () => {
    const answer = await send(`${test.stack.endpoint}/_trackbridge/dead-letters/purge`, {
      method: 'POST',
      headers: { origin: 'http://attacker.example', 'content-type': 'text/plain' },
      body: '{"all":true}',
    });
    expect(answer.status).toBe(403);
    expect(corsHeaders(answer)).toEqual([]);
  });

  it('refuses a cross-origin JSON POST to the local API', async () => {
    const answer = await send(`${test.stack.endpoint}/_trackbridge/dead-letters/redrive`, {
      method: 'POST',
      headers: { origin: 'http://attacker.example', 'content-type': 'application/json' },
      body: '{"all":true}',
    });
    expect(answer.status).toBe(403);
  });

  it('refuses a local-API POST that is not JSON with 415, even without an Origin', async () => {
    const answer = await send(`${test.stack.endpoint}/_trackbridge/dead-letters/purge`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{"all":true}',
    });
    expect(answer.status).toBe(415);
  });

  it('serves a same-origin JSON POST to the local API', async () => {
    const answer = await send(`${test.stack.endpoint}/_trackbridge/dead-letters/purge`, {
      method: 'POST',
      headers: { origin: `http://${own}`, 'content-type': 'application/json' },
      body: '{"all":true}',
    });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ purged: 0 });
  });

  it('sends no CORS headers, to a preflight or to a DynamoDB call with an Origin', async () => {
    const preflight = await send(test.stack.endpoint, {
      method: 'OPTIONS',
      headers: {
        origin: `http://${own}`,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'x-amz-target,content-type',
      },
    });
    expect(corsHeaders(preflight)).toEqual([]);
    const scan = await send(test.stack.endpoint, {
      method: 'POST',
      headers: {
        origin: `http://${own}`,
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-target': 'DynamoDB_20120810.ListTables',
        authorization:
          'AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0',
        'x-amz-date': '20260101T000000Z',
      },
      body: '{}',
    });
    expect(scan.status).toBe(200);
    expect(corsHeaders(scan)).toEqual([]);
  });
});

describe("the embedded DynamoDB's private listener", () => {
  const privateEndpoint = () => process.env.AWS_ENDPOINT_URL_DYNAMODB ?? '';

  it('is given to consumers with a per-start secret path', () => {
    const url = new URL(privateEndpoint());
    expect(url.hostname).toBe('127.0.0.1');
    expect(url.pathname.length).toBeGreaterThan(20);
  });

  it('refuses a Scan that does not know the secret, and sends no CORS headers', async () => {
    const answer = await send(new URL(privateEndpoint()).origin, {
      method: 'POST',
      headers: {
        origin: 'http://attacker.example',
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-target': 'DynamoDB_20120810.Scan',
      },
      body: JSON.stringify({ TableName: test.tableName }),
    });
    expect(answer.status).toBe(403);
    expect(corsHeaders(answer)).toEqual([]);
  });

  it('sends no CORS headers even to the stack with an Origin', async () => {
    const answer = await send(privateEndpoint(), {
      method: 'OPTIONS',
      headers: { origin: 'http://attacker.example', 'access-control-request-method': 'POST' },
    });
    expect(corsHeaders(answer)).toEqual([]);
  });
});

describe('X-Amz-Target names that every JavaScript object has', () => {
  const names = Object.getOwnPropertyNames(Object.prototype);

  it.each(names)('AWSEvents.%s answers 400 UnknownOperationException', async (name) => {
    const answer = await send(test.stack.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSEvents.${name}` },
      body: '{}',
    });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toEqual({
      __type: 'UnknownOperationException',
      message: 'The requested operation is not recognized by the service.',
    });
  });

  it.each(names)('DynamoDB_20120810.%s answers 400 UnknownOperationException', async (name) => {
    const answer = await send(test.stack.endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-target': `DynamoDB_20120810.${name}`,
        authorization:
          'AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0',
      },
      body: '{}',
    });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toEqual({ __type: 'com.amazon.coral.service#UnknownOperationException' });
  });
});
