/**
 * The Regions the local stack serves besides its home Region: those of the `aws` partition, whose
 * ARNs begin `arn:aws:` as every ARN the stack builds does. The shape is botocore's
 * `regionRegex` for that partition (data/endpoints.json), `^(us|eu|ap|sa|ca|me|af|il|mx)\-\w+\-\d+$`,
 * with `\w` narrowed to lowercase letters as every Region name is; a Region of another partition
 * (cn-, us-gov-, iso) is not served.
 */
const awsPartitionRegion = /^(us|eu|ap|sa|ca|me|af|il|mx)-[a-z]+-\d{1,2}$/;

/** Whether `region` names a Region of the `aws` partition. */
export function isAwsPartitionRegion(region: string): boolean {
  return awsPartitionRegion.test(region);
}
