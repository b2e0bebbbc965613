/**
 * JSON with object keys sorted, so equal bodies hash equally whatever their key order. Built as one string in a single
 * pass (it runs on every write): the same text as sorting, filtering and joining per object would give.
 */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let out = '[';
    // A hole of a sparse array stays empty, as Array.prototype.join writes it.
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + (i in value ? stableStringify(value[i]) : '');
    return out + ']';
  }
  const object = value as Record<string, unknown>;
  const keys = Object.keys(object).sort();
  let out = '{';
  let first = true;
  for (const k of keys) {
    const v = object[k];
    if (v === undefined) continue;
    out += (first ? '' : ',') + JSON.stringify(k) + ':' + stableStringify(v);
    first = false;
  }
  return out + '}';
}
