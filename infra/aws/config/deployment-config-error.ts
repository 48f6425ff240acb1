/** A context value that cannot configure a deployment; the message names the key and the value. */
export class DeploymentConfigError extends Error {
  override readonly name = 'DeploymentConfigError';
}
