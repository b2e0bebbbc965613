import { getMetadataStorage, ValidationTypes } from 'class-validator';

/**
 * A quick answer to "does class-validator find nothing wrong with this object?", for the request path: most requests are
 * valid, and class-validator builds an error object for every property of every object it looks at (and much more) to
 * find that out. This runs the same rules, read from class-validator's own metadata, without building anything; it
 * answers true only when every rule passes, and false when one fails or when it cannot tell (a rule it does not handle,
 * an async validator, a value of an unexpected kind). A false answer sends the object through class-validator itself,
 * so every error (and its message) still comes from class-validator.
 *
 * It mirrors ValidationExecutor (class-validator 0.14) for the options of the global validation pipe: whitelist with
 * forbidNonWhitelisted, forbidUnknownValues, no groups, no skipping of missing or null properties.
 */

interface Metadata {
  type: string;
  target: Function | string;
  propertyName: string;
  constraints: unknown[];
  constraintCls: Function;
  each?: boolean;
  always?: boolean;
  groups?: string[];
}
interface ConstraintMetadata {
  async: boolean;
  instance: { validate(value: unknown, args: unknown): unknown };
}
interface Storage {
  getTargetValidationMetadatas(target: Function, schema: string | undefined, always: boolean, strictGroups: boolean, groups?: string[]): Metadata[];
  groupByPropertyName(metadata: Metadata[]): Record<string, Metadata[]>;
  getTargetValidatorConstraints(target: Function): ConstraintMetadata[];
}

type Validate = (value: unknown, args: unknown) => unknown;
interface Rule {
  metadata: Metadata;
  validators: Validate[];
}
interface Property {
  name: string;
  conditions: ((object: object, value: unknown) => boolean)[];
  rules: Rule[];
  nested: boolean;
}
interface Compiled {
  allowed: Set<string>;
  properties: Property[];
}

/** Per class: its compiled rules, or null when it has none (forbidUnknownValues) or one this cannot follow. */
const compiled = new WeakMap<Function, Compiled | null>();

const isCollection = (v: unknown): v is unknown[] | Set<unknown> | Map<unknown, unknown> => Array.isArray(v) || v instanceof Set || v instanceof Map;
const toArray = (v: unknown[] | Set<unknown> | Map<unknown, unknown>): unknown[] => (v instanceof Map ? Array.from(v.values()) : Array.isArray(v) ? v : Array.from(v));
const isPromise = (v: unknown) => v !== null && typeof v === 'object' && typeof (v as { then?: unknown }).then === 'function';

function compile(target: Function): Compiled | null {
  if (compiled.has(target)) return compiled.get(target)!;
  const storage = getMetadataStorage() as unknown as Storage;
  const metadatas = storage.getTargetValidationMetadatas(target, undefined, false, false, undefined);
  let result: Compiled | null = null;
  if (metadatas.length) {
    result = { allowed: new Set(), properties: [] };
    const grouped = storage.groupByPropertyName(metadatas);
    for (const [name, list] of Object.entries(grouped)) {
      if (list.length) result.allowed.add(name);
      const property: Property = { name, conditions: [], rules: [], nested: false };
      for (const m of list) {
        if (m.type === ValidationTypes.WHITELIST) continue;
        if (m.type === ValidationTypes.CONDITIONAL_VALIDATION) {
          if (typeof m.constraints?.[0] !== 'function') return none(target);
          property.conditions.push(m.constraints[0] as Property['conditions'][number]);
        } else if (m.type === ValidationTypes.CUSTOM_VALIDATION || m.type === ValidationTypes.IS_DEFINED) {
          const constraints = storage.getTargetValidatorConstraints(m.constraintCls);
          if (constraints.some((c) => c.async)) return none(target);
          property.rules.push({ metadata: m, validators: constraints.map((c) => c.instance.validate.bind(c.instance) as Validate) });
        } else if (m.type === ValidationTypes.NESTED_VALIDATION) {
          property.nested = true;
        } else return none(target);
      }
      result.properties.push(property);
    }
  }
  compiled.set(target, result);
  return result;
}

function none(target: Function): null {
  compiled.set(target, null);
  return null;
}

/** One object as ValidationExecutor.execute sees it: its class's rules, and no property outside them. */
function objectValid(object: object): boolean {
  const rules = compile(object.constructor);
  if (!rules) return false;
  for (const key of Object.keys(object)) if (!rules.allowed.has(key)) return false;
  for (const p of rules.properties) if (!propertyValid(object, p)) return false;
  return true;
}

function propertyValid(object: object, p: Property): boolean {
  const value = (object as Record<string, unknown>)[p.name];
  if (p.conditions.length) {
    // Every condition is asked, as class-validator does; any false skips the property's rules.
    let go = true;
    for (const condition of p.conditions) go = condition(object, value) && go;
    if (!go) return true;
  }
  for (const { metadata, validators } of p.rules) {
    const args = { targetName: object.constructor ? object.constructor.name : undefined, property: metadata.propertyName, object, value, constraints: metadata.constraints };
    for (const validate of validators) {
      if (!metadata.each || !isCollection(value)) {
        const ok = validate(value, args);
        if (isPromise(ok) || !ok) return false;
      } else {
        for (const item of toArray(value)) {
          const ok = validate(item, args);
          if (isPromise(ok) || !ok) return false;
        }
      }
    }
  }
  if (p.nested && value !== undefined) {
    if (isCollection(value)) {
      // Items of nested collections, undefined items and non-objects: class-validator's call.
      for (const item of toArray(value)) if (!(item instanceof Object) || isCollection(item) || !objectValid(item)) return false;
    } else if (!(value instanceof Object) || !objectValid(value)) return false;
  }
  return true;
}

/**
 * True when class-validator, with the options of the global validation pipe, would find no error in `object` (an
 * instance of a DTO class, as class-transformer made it); false when it would, or when this cannot tell.
 */
export function definitelyValid(object: unknown): boolean {
  if (object === null || typeof object !== 'object' || isCollection(object) || typeof object.constructor !== 'function') return false;
  try {
    return objectValid(object);
  } catch {
    // A rule that throws on an unexpected value: class-validator meets the same and its caller decides.
    return false;
  }
}
