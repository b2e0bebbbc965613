/** One register API: its own base path, version, and OpenAPI document. */
export interface RegisterApiInfo {
  key: string;
  basePath: string;
  version: string;
  title: string;
  description: string;
  /** The register's tags in the order a vendor meets them, each with what it is for (Swagger UI shows them so). */
  tags?: { name: string; description: string }[];
  /** Name of the register in the docs' URL, /docs/{docsPath}; default its key. */
  docsPath?: string;
}

/** Semantic version of the simulator as a whole, sent on responses outside any register API. */
export const SIMULATOR_VERSION = '1.0.0';

const registry: RegisterApiInfo[] = [];

export function registerApi(info: RegisterApiInfo) {
  if (!registry.some((r) => r.key === info.key)) registry.push(info);
  registry.sort((a, b) => b.basePath.length - a.basePath.length);
  return info;
}

export function registerApis(): readonly RegisterApiInfo[] {
  return registry;
}

/** The API-Version header value for a request path. */
export function apiVersionFor(path: string): string {
  for (const r of registry) if (path === r.basePath || path.startsWith(r.basePath + '/')) return r.version;
  return SIMULATOR_VERSION;
}
