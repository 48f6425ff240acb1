import type { Sqlite } from './open-database.js';

/** A tag in AWS's wire shape. */
export interface Tag {
  readonly Key: string;
  readonly Value: string;
}

/** Tags of buses and rules, by resource key (`event-bus/<bus>`, `rule/<bus>/<rule>`). */
export class TagStore {
  constructor(private readonly db: Sqlite) {}

  /** The resource's tags in key order. */
  list(resource: string): Tag[] {
    return this.db
      .prepare('SELECT key AS Key, value AS Value FROM tags WHERE resource = ? ORDER BY key')
      .all(resource) as Tag[];
  }

  /** Adds the tags, replacing the value of a key already there (TagResource). */
  put(resource: string, tags: readonly Tag[]): void {
    const statement = this.db.prepare(
      'INSERT INTO tags (resource, key, value) VALUES (?, ?, ?) ON CONFLICT (resource, key) DO UPDATE SET value = excluded.value',
    );
    this.db.transaction(() => {
      for (const tag of tags) statement.run(resource, tag.Key, tag.Value);
    })();
  }

  remove(resource: string, keys: readonly string[]): void {
    const statement = this.db.prepare('DELETE FROM tags WHERE resource = ? AND key = ?');
    this.db.transaction(() => {
      for (const key of keys) statement.run(resource, key);
    })();
  }

  /** Forgets the tags of a deleted resource; for a bus, those of its rules too (DeleteEventBus). */
  clear(resource: string): void {
    this.db.prepare('DELETE FROM tags WHERE resource = ?').run(resource);
    if (resource.startsWith('event-bus/')) {
      const rules = `rule/${resource.slice('event-bus/'.length)}/`;
      this.db.prepare('DELETE FROM tags WHERE substr(resource, 1, length(?)) = ?').run(rules, rules);
    }
  }
}

/** The tag-store key of a bus. */
export function busTagKey(bus: string): string {
  return `event-bus/${bus}`;
}

/** The tag-store key of a rule. */
export function ruleTagKey(bus: string, rule: string): string {
  return `rule/${bus}/${rule}`;
}
