import type { CatalogEntry } from '../../../rules/catalog/catalog-entry.js';

/**
 * The registry name of an entry's schema, `<source>@<DetailType>` with the detail-type's spaces
 * removed: the form EventBridge schema discovery gives the schemas it infers (e.g.
 * `aws.ec2@EC2InstanceStateChangeNotification`), so ours read the same in the console. Characters
 * other than letters, digits and `._-` are dropped.
 */
export function schemaName(entry: CatalogEntry): string {
  return `${keep(entry.source)}@${keep(entry.detailType)}`;
}

function keep(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]/g, '');
}
