import { createHandler, defineConsumer } from '../pipeline/index.js';
import type { UserSignedUpDetail } from './detail.generated.js';
import * as validator from './validate-event.generated.js';

export type { UserSignedUpDetail };

/**
 * A new account on the user's timeline. The e-mail domain is lower-cased (domains are
 * case-insensitive, RFC 5321 §2.4); the local part is kept as written, since it may not be.
 */
export const userSignedUp = defineConsumer<UserSignedUpDetail>({
  name: 'user-signed-up',
  validator,
  subject: (detail) => ({ kind: 'user', id: detail.userId }),
  normalize: (detail) => {
    const at = detail.email.lastIndexOf('@');
    return {
      email: `${detail.email.slice(0, at)}@${detail.email.slice(at + 1).toLowerCase()}`,
      plan: detail.plan,
      marketingOptIn: detail.marketingOptIn ?? false,
      locale: detail.locale,
    };
  },
});

export const handler = createHandler(userSignedUp);
