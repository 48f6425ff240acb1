import { createHandler, defineConsumer, NormalizationError } from '../pipeline/index.js';
import type { PageViewedDetail } from './detail.generated.js';
import * as validator from './validate-event.generated.js';

export type { PageViewedDetail };

/**
 * A page view on the visitor's timeline: the signed-in user's when known, else the anonymous
 * id's. URLs are stored as the WHATWG URL parser serializes them (lower-case host, default port
 * dropped), with host and path split out for grouping.
 */
export const pageViewed = defineConsumer<PageViewedDetail>({
  name: 'page-viewed',
  validator,
  subject: (detail) =>
    detail.userId !== undefined
      ? { kind: 'user', id: detail.userId }
      : { kind: 'anonymous', id: detail.anonymousId ?? '' },
  normalize: (detail) => {
    const url = parseUrl(detail.url, '/detail/url');
    const referrer = detail.referrer === null ? null : parseUrl(detail.referrer, '/detail/referrer');
    return {
      sessionId: detail.sessionId,
      url: url.href,
      host: url.host,
      path: url.pathname,
      referrer: referrer?.href ?? null,
      referrerHost: referrer?.host ?? null,
      title: detail.title,
    };
  },
});

// ajv's `uri` format is RFC 3986; a few such URIs are refused by the WHATWG parser.
function parseUrl(text: string, path: string): URL {
  try {
    return new URL(text);
  } catch {
    throw new NormalizationError(
      path,
      `${JSON.stringify(text.slice(0, 200))} is not a URL the WHATWG parser accepts`,
    );
  }
}

export const handler = createHandler(pageViewed);
