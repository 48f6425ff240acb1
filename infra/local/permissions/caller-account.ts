/**
 * The account a request is made as. Signatures are not checked, so the access key ID is the only
 * thing that can name it: a key of exactly 12 digits is taken as the caller's account ID (the
 * convention LocalStack and moto use), any other key (`local`, `AKIA...`) as the stack's own account.
 */
export function callerAccount(accessKey: string | undefined, stackAccount: string): string {
  return accessKey !== undefined && /^\d{12}$/.test(accessKey) ? accessKey : stackAccount;
}
