import { getMetadataStorage } from 'class-validator';

type Json = Record<string, any>;
interface Rule {
  type: string;
  name?: string;
  constraints?: unknown[];
  each?: boolean;
  propertyName: string;
}

/**
 * The rules the server enforces, written into the OpenAPI document: class-validator's metadata of the
 * DTOs the schemas are generated from (pattern, lengths, item counts, minimum/maximum, enum, integer,
 * uuid), and `additionalProperties: false` for every schema a request body reaches (unknown fields are
 * refused). So a request the document calls valid is never refused for a rule the document hides.
 */
export function addValidatorRules(doc: Json) {
  const byClass = validationTargets();
  const schemas = (doc.components?.schemas ?? {}) as Json;
  for (const [name, schema] of Object.entries(schemas)) {
    const props = Object.keys(schema.properties ?? {});
    // A subclass without rules of its own (OnderwijslocatieRequest extends Adres) has its parent's: same properties.
    const target = pick(byClass.get(name), props) ?? (props.length ? [...byClass.values()].flat().find((c) => sameSet(Object.keys(c), props)) : undefined);
    if (!target) continue;
    for (const [prop, rules] of Object.entries(target)) {
      const p = schema.properties?.[prop];
      if (p) applyRules(p, rules);
    }
  }
  // Parameters are flattened from their Query (query) and Param (path) classes: a name's rules apply when every such class agrees on them.
  const paramRules = { query: parameterRules(byClass, /Query$/, false), path: parameterRules(byClass, /Param$/, true) };
  for (const item of Object.values((doc.paths ?? {}) as Json)) {
    for (const op of Object.values(item as Json)) {
      for (const param of ((op as Json).parameters ?? []) as Json[]) {
        const rules = (param.in === 'query' || param.in === 'path') && param.schema ? paramRules[param.in as 'query' | 'path'].get(param.name) : undefined;
        if (rules) applyRules(param.schema, rules);
      }
    }
  }
  // A persoonsgebonden nummer holds exactly one of its members (isPgnKeuze).
  for (const schema of Object.values(schemas)) {
    for (const [prop, p] of Object.entries(((schema as Json).properties ?? {}) as Json)) {
      void prop;
      const ref = (p as Json).$ref ?? (p as Json).allOf?.[0]?.$ref;
      if (typeof ref === 'string' && ref.endsWith('/PersoonsgebondenNummer') && schemas.PersoonsgebondenNummer) {
        schemas.PersoonsgebondenNummer.minProperties = 1;
        schemas.PersoonsgebondenNummer.maxProperties = 1;
      }
    }
  }
  closeRequestSchemas(doc);
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

function parameterRules(byClass: Map<string, Record<string, Rule[]>[]>, kind: RegExp, firstWins: boolean): Map<string, Rule[]> {
  const found = new Map<string, Rule[]>();
  const conflicting = new Set<string>();
  const signature = (rules: Rule[]) => JSON.stringify(rules.map((r) => [r.name, r.each, (r.constraints ?? []).map(String)]).sort());
  for (const [name, targets] of byClass) {
    if (!kind.test(name)) continue;
    for (const t of targets) {
      for (const [prop, rules] of Object.entries(t)) {
        const known = found.get(prop);
        if (!known) found.set(prop, rules);
        else if (!firstWins && signature(known) !== signature(rules)) conflicting.add(prop);
      }
    }
  }
  for (const prop of conflicting) found.delete(prop);
  return found;
}

/** Per class name, the classes with their rules per property (two classes may share a name in different registers). */
function validationTargets(): Map<string, Record<string, Rule[]>[]> {
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<Function, Rule[]> };
  const out = new Map<string, Record<string, Rule[]>[]>();
  for (const target of storage.validationMetadatas.keys()) {
    const perProp: Record<string, Rule[]> = {};
    // Inherited rules: walk the prototype chain.
    for (let t: Function | null = target; t && t !== Function.prototype; t = Object.getPrototypeOf(t) as Function | null) {
      for (const r of storage.validationMetadatas.get(t) ?? []) (perProp[r.propertyName] ??= []).push(r);
    }
    const list = out.get(target.name) ?? [];
    list.push(perProp);
    out.set(target.name, list);
  }
  return out;
}

/** Of classes with the schema's name, the one whose validated properties all appear in the schema. */
function pick(candidates: Record<string, Rule[]>[] | undefined, props: string[]) {
  if (!candidates?.length) return undefined;
  return candidates.find((c) => Object.keys(c).every((k) => props.includes(k))) ?? undefined;
}

function applyRules(schema: Json, rules: Rule[]) {
  for (const r of rules) {
    const target = r.each && schema.type === 'array' ? (schema.items ??= {}) : schema;
    const c = r.constraints ?? [];
    switch (r.name) {
      case 'matches': {
        const re = c[0] instanceof RegExp ? c[0] : typeof c[0] === 'string' ? new RegExp(c[0], typeof c[1] === 'string' ? c[1] : undefined) : undefined;
        if (re && !re.flags.replace('u', '') && target.pattern === undefined && !target.$ref && !target.allOf) target.pattern = re.source;
        break;
      }
      case 'isLength':
        if (typeof c[0] === 'number' && target.minLength === undefined) target.minLength = c[0];
        if (typeof c[1] === 'number' && target.maxLength === undefined) target.maxLength = c[1];
        break;
      case 'maxLength':
        if (typeof c[0] === 'number' && target.maxLength === undefined) target.maxLength = c[0];
        break;
      case 'minLength':
        if (typeof c[0] === 'number' && target.minLength === undefined) target.minLength = c[0];
        break;
      case 'arrayMinSize':
        if (typeof c[0] === 'number' && schema.minItems === undefined) schema.minItems = c[0];
        break;
      case 'arrayMaxSize':
        if (typeof c[0] === 'number' && schema.maxItems === undefined) schema.maxItems = c[0];
        break;
      case 'min':
        if (typeof c[0] === 'number' && target.minimum === undefined) target.minimum = c[0];
        break;
      case 'max':
        if (typeof c[0] === 'number' && target.maximum === undefined) target.maximum = c[0];
        break;
      case 'isIn':
        if (Array.isArray(c[0]) && target.enum === undefined && !target.$ref) target.enum = c[0];
        break;
      case 'isInt':
        if (target.type === 'number') target.type = 'integer';
        break;
      case 'isUUID':
        if (target.type === 'string' && target.format === undefined) target.format = 'uuid';
        break;
      case 'isDatum':
        if (target.type === 'string') {
          target.format ??= 'date';
          target.pattern ??= '^\\d{4}-\\d{2}-\\d{2}$';
        }
        break;
    }
  }
}

/** `additionalProperties: false` on every object schema a request body reaches. */
function closeRequestSchemas(doc: Json) {
  const schemas = (doc.components?.schemas ?? {}) as Json;
  const seen = new Set<string>();
  const visit = (s: unknown) => {
    if (!s || typeof s !== 'object') return;
    if (Array.isArray(s)) return s.forEach(visit);
    const o = s as Json;
    if (typeof o.$ref === 'string' && o.$ref.startsWith('#/components/schemas/')) {
      const name = o.$ref.slice('#/components/schemas/'.length);
      if (seen.has(name)) return;
      seen.add(name);
      const target = schemas[name];
      if (target?.type === 'object' && target.properties && target.additionalProperties === undefined) target.additionalProperties = false;
      visit(target);
      return;
    }
    if (o.type === 'object' && o.properties && o.additionalProperties === undefined) o.additionalProperties = false;
    for (const [k, v] of Object.entries(o)) if (k !== 'example' && k !== 'examples') visit(v);
  };
  for (const item of Object.values((doc.paths ?? {}) as Json)) {
    for (const op of Object.values(item as Json)) {
      for (const media of Object.values(((op as Json).requestBody?.content ?? {}) as Json)) visit((media as Json).schema);
    }
  }
}
