import type { ErrorObject } from 'ajv';

/**
 * ajv's errors as readable lines: where (`vendors[3] (acme).patterns[1] (acme-open).domains[0]`)
 * and what (`unknown key "doamins"`). Errors inside a failed `then`/`else`/`anyOf` are folded into
 * the one line their `x-error` gives, so one mistake is one line.
 */
export function schemaProblems(errors: ErrorObject[], data: unknown): string[] {
  const lines: string[] = [];
  for (const e of errors) {
    if (/\/(then|else|anyOf)\//.test(e.schemaPath) || e.keyword === 'anyOf' || e.keyword === 'not') continue;
    const line = `${where(e.instancePath, data)}: ${reason(e)}`;
    if (!lines.includes(line)) lines.push(line);
  }
  return lines.length ? lines : ['top level: does not follow rules/schema/trackers.schema.json'];
}

function reason(e: ErrorObject): string {
  const parent = (e.parentSchema ?? {}) as Record<string, unknown>;
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties':
      return `unknown key "${String(p.additionalProperty)}"`;
    case 'required':
      return `missing "${String(p.missingProperty)}"`;
    case 'enum':
      return `must be one of ${(p.allowedValues as unknown[]).join(', ')}`;
    case 'const':
      return `must be ${JSON.stringify(p.allowedValue)}`;
    case 'type':
      return `must be ${article(String(p.type))}`;
    case 'minItems':
      return `needs at least ${String(p.limit)} ${p.limit === 1 ? 'entry' : 'entries'}`;
    case 'uniqueItems':
      return `entries ${String(p.j)} and ${String(p.i)} are the same`;
    case 'pattern':
      return typeof parent['x-error'] === 'string' ? parent['x-error'] : `must match ${String(p.pattern)}`;
    case 'if': {
      const branch = parent[String(p.failingKeyword)] as Record<string, unknown> | undefined;
      return typeof branch?.['x-error'] === 'string' ? branch['x-error'] : (e.message ?? 'is not valid');
    }
    default:
      return e.message ?? `fails ${e.keyword}`;
  }
}

const article = (type: string): string => (/^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`);

/** `/vendors/3/patterns/1/path` as `vendors[3] (acme).patterns[1] (acme-open).path`, ids read from the data. */
function where(instancePath: string, data: unknown): string {
  if (!instancePath) return 'top level';
  let node: unknown = data;
  let out = '';
  for (const raw of instancePath.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const isIndex = Array.isArray(node) && /^\d+$/.test(key);
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
    out += isIndex ? `[${key}]` : `${out ? '.' : ''}${key}`;
    const id = node !== null && typeof node === 'object' && !Array.isArray(node) ? (node as { id?: unknown }).id : undefined;
    if (isIndex && typeof id === 'string') out += ` (${id.slice(0, 80)})`;
  }
  return out;
}
