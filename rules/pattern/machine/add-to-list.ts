/** Appends `id` to the list `map` holds under `key`, creating the list on first use. */
export function addToList<K>(map: Map<K, number[]>, key: K, id: number): void {
  const ids = map.get(key);
  if (ids === undefined) map.set(key, [id]);
  else ids.push(id);
}
