import { describe, expect, it } from 'vitest';
import { isAwsPartitionRegion } from '../../../../infra/local/events/served-region.js';

describe('isAwsPartitionRegion', () => {
  it('accepts the Regions of the aws partition', () => {
    for (const region of ['us-east-1', 'eu-central-1', 'ap-southeast-2', 'il-central-1', 'mx-central-1'])
      expect(isAwsPartitionRegion(region)).toBe(true);
  });

  it('refuses other partitions and names not shaped as a Region', () => {
    for (const region of [
      'cn-north-1',
      'us-gov-west-1',
      'us-iso-east-1',
      'moon-base-1',
      'EU-CENTRAL-1',
      'eu-central',
      '../x-1',
    ])
      expect(isAwsPartitionRegion(region)).toBe(false);
  });
});
