import { describe, expect, it } from 'vitest';
import { pageViewed } from '../../../consumers/page-viewed/handler.js';
import { type Prepared, prepareEvent } from '../../../consumers/pipeline/index.js';
import { userLoggedIn } from '../../../consumers/user-logged-in/handler.js';
import { deliveredEvent, eventFixtures } from '../../support/event-fixtures.js';

const login = { source: 'app.auth', detailType: 'User Logged In' };
const [validLogin] = eventFixtures('user-logged-in').valid;
const receivedAt = new Date('2026-11-25T12:00:01.000Z');

function reasonsOf(prepared: Prepared): string[] {
  if (prepared.valid) throw new Error('expected the event to be refused');
  return prepared.reasons.map(({ path, keyword }) => `${path} ${keyword}`).sort();
}

function prepareLogin(event: unknown): Prepared {
  return prepareEvent(userLoggedIn, event, receivedAt);
}

describe('prepareEvent', () => {
  it('accepts a valid event and builds its item', () => {
    const prepared = prepareLogin(deliveredEvent(login, validLogin?.detail));
    expect(prepared.valid && prepared.item.eventType).toBe('User Logged In');
  });

  it.each([
    ['null', null, ['/ type']],
    ['a string', 'User Logged In', ['/ type']],
    ['an array', [], ['/ type']],
  ])('refuses an event that is %s', (_what, event, reasons) => {
    expect(reasonsOf(prepareLogin(event))).toEqual(reasons);
  });

  it('names every envelope field that is missing', () => {
    const {
      id: _id,
      time: _time,
      resources: _resources,
      ...rest
    } = deliveredEvent(login, validLogin?.detail);
    expect(reasonsOf(prepareLogin(rest))).toEqual(['/ required', '/ required', '/ required']);
  });

  it.each([
    ['a string', 'text'],
    ['an array', [1]],
    ['null', null],
  ])('refuses a detail that is %s', (_what, detail) => {
    expect(reasonsOf(prepareLogin(deliveredEvent(login, detail)))).toEqual(['/detail type']);
  });

  it('refuses a detail-type or source the consumer does not own', () => {
    const event = deliveredEvent({ source: 'app.web', detailType: 'Page Viewed' }, validLogin?.detail);
    expect(reasonsOf(prepareLogin(event))).toEqual(['/detail-type enum', '/source enum']);
  });

  it('refuses oversized strings by their bounds', () => {
    const detail = { ...validLogin?.detail, userAgent: 'x'.repeat(1025), userId: 'u'.repeat(129) };
    expect(reasonsOf(prepareLogin(deliveredEvent(login, detail)))).toEqual([
      '/detail/userAgent maxLength',
      '/detail/userId maxLength',
    ]);
  });

  it('counts string length in code points, as JSON Schema does', () => {
    const detail = { ...validLogin?.detail, userAgent: '😀'.repeat(1024) };
    expect(prepareLogin(deliveredEvent(login, detail)).valid).toBe(true);
  });

  it('refuses a malformed envelope id, account, time and resources', () => {
    const event = deliveredEvent(login, validLogin?.detail, {
      id: '',
      account: 'abc',
      time: 'yesterday',
      resources: [42],
    });
    expect(reasonsOf(prepareLogin(event))).toEqual([
      '/account pattern',
      '/id minLength',
      '/resources/0 type',
      '/time format',
    ]);
  });

  it('quarantines a leap second, which RFC 3339 allows and no JavaScript date holds', () => {
    const detail = { ...validLogin?.detail, occurredAt: '2016-12-31T23:59:60Z' };
    const prepared = prepareLogin(deliveredEvent(login, detail));
    expect(prepared.valid).toBe(false);
    expect(!prepared.valid && prepared.reasons).toEqual([
      {
        path: '/detail/occurredAt',
        keyword: 'normalize',
        message: '"2016-12-31T23:59:60Z" is not a representable instant',
        params: '{}',
      },
    ]);
  });

  it('quarantines a URI the WHATWG URL parser refuses', () => {
    const [view] = eventFixtures('page-viewed').valid;
    // RFC 3986 allows any run of port digits; the WHATWG parser refuses ports above 65535.
    const detail = { ...view?.detail, url: 'https://shop.example.com:99999/' };
    const event = deliveredEvent({ source: 'app.web', detailType: 'Page Viewed' }, detail);
    expect(reasonsOf(prepareEvent(pageViewed, event, receivedAt))).toEqual(['/detail/url normalize']);
  });

  it('keeps replay-name on the item of a replayed event', () => {
    const event = deliveredEvent(login, validLogin?.detail, { 'replay-name': 'backfill-1' });
    const prepared = prepareLogin(event);
    expect(prepared.valid && prepared.item.replayName).toBe('backfill-1');
  });
});
