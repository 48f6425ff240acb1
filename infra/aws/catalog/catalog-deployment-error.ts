/** A catalog entry that would make an invalid AWS resource; thrown before anything is synthesized. */
export class CatalogDeploymentError extends Error {
  override readonly name = 'CatalogDeploymentError';
}
