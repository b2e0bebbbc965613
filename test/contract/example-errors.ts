import { BEHEER_PROBLEM_STATUS } from '../../src/beheer/beheer.errors';
import { BERICHTEN_PROBLEM_STATUS } from '../../src/berichten/berichten.errors';
import { BRON_PROBLEM_STATUS } from '../../src/bron/bron.errors';
import { COMMON_PROBLEM_STATUS } from '../../src/common/problem/common.errors';
import { CONFORMANCE_PROBLEM_STATUS } from '../../src/conformance/conformance.errors';
import { KLOK_PROBLEM_STATUS } from '../../src/klok/klok.errors';
import { OAUTH_PROBLEM_STATUS } from '../../src/oauth/oauth.errors';
import { Foutcodes, RIO_PROBLEM_STATUS } from '../../src/rio/rio.errors';
import { ROD_PROBLEM_STATUS, RodCode } from '../../src/rod/rod.errors';
import { deref } from './openapi-requests';

type Json = Record<string, any>;
type Table = Record<string, number>;

/**
 * The problem codes each register answers with, each with its one status: the modules' code tables
 * (every API shares the common codes and the token endpoint's).
 */
const REGISTER_TABLES: Record<string, Table[]> = {
  beheer: [BEHEER_PROBLEM_STATUS, KLOK_PROBLEM_STATUS],
  rod: [ROD_PROBLEM_STATUS, BERICHTEN_PROBLEM_STATUS, BRON_PROBLEM_STATUS],
  rio: [RIO_PROBLEM_STATUS],
  bron: [BRON_PROBLEM_STATUS],
  conformance: [CONFORMANCE_PROBLEM_STATUS],
};
const tableOf = (register: string): Table => Object.assign({}, COMMON_PROBLEM_STATUS, OAUTH_PROBLEM_STATUS, ...(REGISTER_TABLES[register] ?? []));
const ROD_CODES = new Set<string>(Object.values(RodCode));

/** Does a JSON pointer name a property of the schema (through objects and arrays)? */
function pointerIn(doc: Json, schema: Json | undefined, pointer: string): boolean {
  let s = deref(doc, schema);
  for (const part of pointer.split('/').slice(1)) {
    if (s.allOf) s = Object.assign({}, ...s.allOf.map((x: Json) => deref(doc, x)));
    if (s.type === 'array' && /^\d+$/.test(part)) s = deref(doc, s.items);
    else if (s.properties?.[part]) s = deref(doc, s.properties[part]);
    else return false;
  }
  return true;
}

/**
 * Error examples that do not belong to their operation: a status other than the response's, a code the
 * register's modules do not answer with (their code tables), or at another status than the table's, an instance that is not the operation's
 * path, a pointer to a field the operation's body does not have, a parameter it does not take, a foutcode
 * of another register.
 */
export function exampleFailures(documents: { key: string; basePath: string; doc: Json }[]): string[] {
  const out: string[] = [];
  for (const { key, basePath, doc } of documents) {
    const table = tableOf(key);
    for (const [path, item] of Object.entries(doc.paths as Json)) {
      for (const [method, op] of Object.entries(item as Json) as [string, Json][]) {
        const body = op.requestBody?.content?.['application/json']?.schema;
        const params = new Set(((op.parameters ?? []) as Json[]).map((p) => p.name));
        const instance = new RegExp(`^${(basePath + path).replace(/\{\w+\}/g, '[^/]+')}$`);
        for (const [status, response] of Object.entries((op.responses ?? {}) as Json)) {
          for (const content of Object.values((response.content ?? {}) as Json) as Json[]) {
            const examples = content.examples ? Object.entries(content.examples as Json).map(([n, e]) => [n, (e as Json).value] as const) : content.example !== undefined ? [['example', content.example] as const] : [];
            for (const [name, ex] of examples) {
              if (Number(status) < 400 || !ex || typeof ex !== 'object') continue;
              const where = `${key} ${method.toUpperCase()} ${path} ${status} (${name})`;
              if (ex.status !== undefined && ex.status !== Number(status)) out.push(`${where}: status ${ex.status}`);
              if (ex.code !== undefined && !(ex.code in table)) out.push(`${where}: code ${ex.code} is not one ${key} answers with`);
              else if (ex.code !== undefined && table[ex.code] !== Number(status)) out.push(`${where}: ${ex.code} is answered with ${table[ex.code]}, not ${status}`);
              if (ex.instance !== undefined && !instance.test(String(ex.instance).split('?')[0])) out.push(`${where}: instance ${ex.instance} is another operation's`);
              for (const e of (ex.errors ?? []) as Json[]) {
                if (e.pointer !== undefined && !(body && pointerIn(doc, body, e.pointer))) out.push(`${where}: pointer ${e.pointer} is not in the request body`);
                if (e.parameter !== undefined && !params.has(e.parameter)) out.push(`${where}: parameter ${e.parameter} is not one of the operation's`);
              }
              for (const f of (ex.foutmeldingen ?? []) as Json[]) {
                if (f.veld !== undefined && f.veld !== '' && !(body && pointerIn(doc, body, f.veld))) out.push(`${where}: veld ${f.veld} is not in the request body`);
                if (f.code !== undefined && key === 'rod' && !ROD_CODES.has(f.code)) out.push(`${where}: foutmelding ${f.code} is not a ROD code`);
                if (f.foutcode !== undefined && key === 'rio' && !(f.foutcode in Foutcodes) && f.foutcode !== 'AUT401') out.push(`${where}: foutcode ${f.foutcode} is not a RIO foutcode`);
              }
            }
          }
        }
      }
    }
  }
  return out;
}
