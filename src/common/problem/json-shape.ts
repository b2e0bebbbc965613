import type { ProblemDetailItem } from './problem';

/**
 * The JSON shape of a request body, checked against the DTO's OpenAPI metadata (the same metadata
 * the documents are generated from) before anything converts it: a required property that is
 * missing, a `null` where the contract does not allow one, or a value of the wrong JSON type
 * (`true` for a number, an array for an object) is refused, never converted or passed on.
 */

const PROPS = 'swagger/apiModelProperties';
const PROPS_ARRAY = 'swagger/apiModelPropertiesArray';

type Ctor = abstract new (...args: never[]) => unknown;
interface PropertyMeta {
  type?: unknown;
  isArray?: boolean;
  required?: boolean;
  nullable?: boolean;
  enum?: unknown[];
  items?: { type?: unknown };
}

const escapePointer = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');
const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The documented properties of a DTO class (inherited ones included). */
export function documentedProperties(target: Ctor): string[] {
  const list = (Reflect.getMetadata(PROPS_ARRAY, target.prototype) as string[] | undefined) ?? [];
  return [...new Set(list.map((k) => k.replace(/^:/, '')))];
}

/** One documented property as the check reads it: its metadata, pointer segment and expected JSON type. */
interface Property {
  key: string;
  segment: string;
  meta: PropertyMeta;
  expected?: { item: Expected; array: boolean };
}
/** The properties per DTO class, read from the metadata once (decorators have run when a class is first checked). */
const propertiesOf = new WeakMap<Ctor, Property[]>();
function properties(target: Ctor): Property[] {
  let list = propertiesOf.get(target);
  if (!list) {
    list = documentedProperties(target).map((key) => ({ key, segment: escapePointer(key), meta: (Reflect.getMetadata(PROPS, target.prototype, key) as PropertyMeta | undefined) ?? {} }));
    propertiesOf.set(target, list);
  }
  return list;
}

/** A class that carries documented properties (a DTO), as opposed to String, Number, … */
const isDto = (t: unknown): t is Ctor => typeof t === 'function' && properties(t as Ctor).length > 0;

/** `type: () => X` (lazy) is a function without a prototype; a class has one. */
function resolveType(t: unknown): unknown {
  if (typeof t === 'function' && !(t as { prototype?: unknown }).prototype) return (t as () => unknown)();
  return t;
}

type Expected = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'any' | Ctor;

function expectedOf(meta: PropertyMeta, target: Ctor, key: string): { item: Expected; array: boolean } {
  let type = resolveType(meta.type);
  let array = meta.isArray === true || type === 'array' || type === Array;
  if (type === 'array' || type === Array) type = resolveType(meta.items?.type) ?? 'any';
  if (type === undefined) {
    const design = Reflect.getMetadata('design:type', target.prototype, key) as unknown;
    if (design === Array) array = true;
    type = design === Array ? 'any' : design;
  }
  if (meta.enum && !array) {
    // An enum's values say the JSON type: a number where only strings are listed is refused here, not deeper.
    const values = Object.values(meta.enum);
    if (values.length && values.every((v) => typeof v === 'string')) return { item: 'string', array };
    if (values.length && values.every((v) => typeof v === 'number')) return { item: 'number', array };
    return { item: 'any', array };
  }
  const item: Expected =
    type === String || type === 'string'
      ? 'string'
      : type === Number || type === 'number'
        ? 'number'
        : type === 'integer'
          ? 'integer'
          : type === Boolean || type === 'boolean'
            ? 'boolean'
            : type === Object || type === 'object'
              ? 'object'
              : isDto(type)
                ? type
                : 'any';
  return { item, array };
}

const jsonTypeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

function checkValue(value: unknown, expected: Expected, pointer: string, out: ProblemDetailItem[], depth: number) {
  const wrong = (want: string) => out.push({ pointer, code: 'wrong_type', detail: `${pointer.split('/').pop() || 'body'} must be ${want}, not ${jsonTypeOf(value)}.` });
  switch (expected) {
    case 'any':
      return;
    case 'string':
      if (typeof value !== 'string') wrong('a string');
      return;
    case 'number':
      if (typeof value !== 'number') wrong('a number');
      return;
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) wrong('an integer');
      return;
    case 'boolean':
      if (typeof value !== 'boolean') wrong('true or false');
      return;
    case 'object':
      if (!isPlainObject(value)) wrong('an object');
      return;
    default:
      if (!isPlainObject(value)) wrong('an object');
      else if (depth < 32) checkObject(value, expected, pointer, out, depth + 1);
  }
}

function checkObject(body: Record<string, unknown>, target: Ctor, pointer: string, out: ProblemDetailItem[], depth: number) {
  for (const property of properties(target)) {
    const { key, meta } = property;
    const here = `${pointer}/${property.segment}`;
    const value = Object.prototype.hasOwnProperty.call(body, key) ? body[key] : undefined;
    if (value === undefined) {
      if (meta.required !== false) out.push({ pointer: here, code: 'required', detail: `${key} is required.` });
      continue;
    }
    if (value === null) {
      if (!meta.nullable) out.push({ pointer: here, code: 'not_nullable', detail: `${key} may not be null; leave it out instead.` });
      continue;
    }
    // Lazy types (`type: () => X`) resolve to the same class every time: once per property.
    const { item, array } = (property.expected ??= expectedOf(meta, target, key));
    if (array) {
      if (!Array.isArray(value)) {
        out.push({ pointer: here, code: 'wrong_type', detail: `${key} must be an array, not ${jsonTypeOf(value)}.` });
        continue;
      }
      value.forEach((v, i) => checkValue(v, item, `${here}/${i}`, out, depth));
    } else checkValue(value, item, here, out, depth);
  }
}

/** Every shape problem of a JSON body for DTO class `target`, with JSON pointers. */
export function jsonShapeProblems(body: unknown, target: Ctor): ProblemDetailItem[] {
  const out: ProblemDetailItem[] = [];
  if (!isPlainObject(body)) {
    out.push({ pointer: '', code: 'body_required', detail: 'A JSON object body is required.' });
    return out;
  }
  checkObject(body, target, '', out, 0);
  return out;
}

/** True when `target` is a documented DTO class whose body shape can be checked. */
export const isDocumentedDto = (target: unknown): target is Ctor => isDto(target);
