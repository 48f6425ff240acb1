import { readFileSync } from 'node:fs';
import { CfnRegistry, CfnSchema } from 'aws-cdk-lib/aws-eventschemas';
import { Construct } from 'constructs';
import { type CatalogEntry, resolveCatalogPath } from '../../../rules/catalog/index.js';
import { schemaName } from './schema-name.js';

export interface SchemaRegistryProps {
  readonly registryName: string;
  readonly entries: readonly CatalogEntry[];
}

/**
 * The EventBridge schema registry holding every catalog schema once, its content the file's own text,
 * so code bindings generated from the registry describe exactly what the consumers validate.
 */
export class SchemaRegistry extends Construct {
  readonly registry: CfnRegistry;
  readonly schemas: readonly CfnSchema[];

  constructor(scope: Construct, id: string, props: SchemaRegistryProps) {
    super(scope, id);
    this.registry = new CfnRegistry(this, 'Registry', {
      registryName: props.registryName,
      description: 'JSON Schemas of the detail of every trackbridge event type.',
    });
    const byFile = new Map<string, CatalogEntry>();
    for (const entry of props.entries)
      if (!byFile.has(entry.schema.file)) byFile.set(entry.schema.file, entry);
    this.schemas = [...byFile.values()].map(
      (entry) =>
        new CfnSchema(this, schemaName(entry), {
          registryName: this.registry.attrRegistryName,
          schemaName: schemaName(entry),
          type: 'JSONSchemaDraft4',
          content: readFileSync(resolveCatalogPath(entry.schema.file), 'utf8'),
          // CreateSchema `Description` is at most 256 characters [botocore schemas model].
          description: `Version ${entry.schema.version} of ${entry.schema.file}`.slice(0, 256),
        }),
    );
  }
}
