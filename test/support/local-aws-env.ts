/**
 * Dummy credentials and region for SDK clients pointed at local servers: the SDK signs every
 * request and needs both, the local servers ignore them. Existing values are kept.
 */
export function useLocalAwsEnv(): void {
  process.env.AWS_REGION ??= 'us-east-1';
  process.env.AWS_ACCESS_KEY_ID ??= 'local';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
}
