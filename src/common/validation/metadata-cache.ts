import { getMetadataStorage } from 'class-validator';

type Metadata = { propertyName: string };
interface Storage {
  getTargetValidationMetadatas(target: Function, schema: string | undefined, always: boolean, strictGroups: boolean, groups?: string[]): Metadata[];
  groupByPropertyName(metadata: Metadata[]): Record<string, Metadata[]>;
  addValidationMetadata(...args: unknown[]): void;
  addValidationSchema(...args: unknown[]): void;
  addConstraintMetadata(...args: unknown[]): void;
}

const installed = Symbol.for('rodsim.validationMetadataCache');

/**
 * class-validator looks up a class's rules on every object it validates, scanning every class it knows (for inheritance)
 * each time; the rules are fixed once the classes are loaded. This keeps each class's answer (and its grouping by
 * property) until a rule is added, so a request's validation no longer pays for the number of DTO classes in the app.
 * Lookups with groups pass through unchanged.
 */
export function cacheValidationMetadata(): void {
  const storage = getMetadataStorage() as unknown as Storage & { [installed]?: true };
  if (storage[installed]) return;
  storage[installed] = true;
  let perClass = new WeakMap<Function, Map<string, Metadata[]>>();
  let grouped = new WeakMap<Metadata[], Record<string, Metadata[]>>();
  const lookup = storage.getTargetValidationMetadatas.bind(storage);
  const group = storage.groupByPropertyName.bind(storage);
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    if ((groups && groups.length) || typeof target !== 'function') return lookup(target, schema, always, strictGroups, groups);
    const key = `${schema ?? ''}|${always ? 1 : 0}|${strictGroups ? 1 : 0}`;
    let answers = perClass.get(target);
    if (!answers) perClass.set(target, (answers = new Map()));
    let answer = answers.get(key);
    if (!answer) answers.set(key, (answer = lookup(target, schema, always, strictGroups, groups)));
    return answer;
  };
  storage.groupByPropertyName = (metadata) => {
    let answer = grouped.get(metadata);
    if (!answer) grouped.set(metadata, (answer = group(metadata)));
    return answer;
  };
  for (const add of ['addValidationMetadata', 'addValidationSchema', 'addConstraintMetadata'] as const) {
    const original = storage[add].bind(storage);
    storage[add] = (...args: unknown[]) => {
      perClass = new WeakMap();
      grouped = new WeakMap();
      original(...args);
    };
  }
}
