import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/**
 * Every response the integration suite sees is checked against the API
 * description the service publishes (`GET /openapi.json`): its status must
 * be declared for the operation, its content type declared for that status,
 * its JSON body must match the declared schema, every header the description
 * declares required (ETag, Location, Content-Disposition) must be there, and
 * no body may carry a storage attribute. The test helpers call
 * this on each reply, so any drift between the code and its published
 * contract fails the test that met it.
 */

/** Attributes that exist only in storage; none may ever reach a client. */
const STORAGE_ATTRIBUTES = new Set(['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk', 'pendingPk', 'pendingSk', 'expiresAt', 'entity']);

type Header = { required?: boolean; $ref?: string };

interface Operation {
  method: string;
  pattern: RegExp;
  path: string;
  responses: Record<string, { content?: Record<string, { schema?: unknown }>; headers?: Record<string, Header> }>;
}

type Document = {
  paths: Record<string, Record<string, Operation['responses'] extends infer R ? { responses: R } : never>>;
  components?: { headers?: Record<string, Header> };
};

let loaded: Promise<{ operations: Operation[]; ajv: Ajv2020; document: Document }> | undefined;
const validators = new Map<string, ValidateFunction>();

function load(baseUrl: string) {
  loaded ??= (async () => {
    const document = (await (await fetch(`${baseUrl}/openapi.json`)).json()) as Document;
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    (addFormats as unknown as (a: Ajv2020) => void)(ajv);
    ajv.addSchema({ ...document, $id: 'openapi' } as object);
    const operations: Operation[] = [];
    for (const [path, methods] of Object.entries(document.paths)) {
      const pattern = new RegExp(`^${path.replace(/\{\w+\}/g, '[^/]+')}$`);
      for (const [method, op] of Object.entries(methods)) operations.push({ method: method.toUpperCase(), pattern, path, responses: op.responses });
    }
    return { operations, ajv, document };
  })();
  return loaded;
}

/** Storage attribute names found anywhere in a JSON value, with where. */
export function storageAttributesIn(value: unknown, at = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => storageAttributesIn(v, `${at}[${i}]`));
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) => [
    ...(STORAGE_ATTRIBUTES.has(key) ? [`${at}.${key}`] : []),
    ...storageAttributesIn(v, `${at}.${key}`),
  ]);
}

const escapePointer = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * What is wrong with a reply by the published contract ([] when nothing).
 * Requests the description does not cover (local helpers, unknown routes)
 * are not checked.
 */
export async function contractFlaws(
  baseUrl: string,
  method: string,
  url: string,
  reply: { status: number; contentType: string; json: unknown; headers?: Headers },
): Promise<string[]> {
  const { operations, ajv, document } = await load(baseUrl);
  const path = new URL(url, baseUrl).pathname;
  // The most specific template first: /practice/contacts/{id} before a catch-all, literal segments before parameters.
  const operation = operations
    .filter((o) => o.method === method && o.pattern.test(path))
    .sort((a, b) => (a.path.match(/\{/g)?.length ?? 0) - (b.path.match(/\{/g)?.length ?? 0))[0];
  if (!operation) return [];
  const where = `${method} ${operation.path} → ${reply.status}`;
  const declared = operation.responses[String(reply.status)];
  if (!declared) return [`${where}: status ${reply.status} is not declared (declared: ${Object.keys(operation.responses).join(', ')})`];
  const flaws = storageAttributesIn(reply.json).map((p) => `${where}: the body carries the storage attribute ${p}`);
  if (reply.headers) {
    for (const [name, header] of Object.entries(declared.headers ?? {})) {
      const resolved = header.$ref ? document.components?.headers?.[header.$ref.replace('#/components/headers/', '')] : header;
      if (resolved?.required && !reply.headers.has(name)) flaws.push(`${where}: the required header ${name} is missing`);
    }
  }
  const mediaType = reply.contentType.split(';')[0]!.trim();
  const content = declared.content?.[mediaType];
  if (declared.content && (mediaType || reply.json !== undefined) && !content) {
    return [...flaws, `${where}: content type "${mediaType}" is not declared (declared: ${Object.keys(declared.content).join(', ')})`];
  }
  if (!declared.content || reply.json === undefined || !content?.schema) return flaws;
  const key = `${operation.method} ${operation.path} ${reply.status} ${mediaType}`;
  let validate = validators.get(key);
  if (!validate) {
    const ref = `openapi#/paths/${escapePointer(operation.path)}/${operation.method.toLowerCase()}/responses/${reply.status}/content/${escapePointer(mediaType)}/schema`;
    validate = ajv.compile({ $ref: ref });
    validators.set(key, validate);
  }
  if (!validate(reply.json)) {
    flaws.push(`${where}: the body does not match its schema: ${ajv.errorsText(validate.errors, { separator: '; ' })} — body ${JSON.stringify(reply.json).slice(0, 300)}`);
  }
  return flaws;
}

/** Throws when a reply breaks the published contract, naming how. */
export async function assertContract(
  baseUrl: string,
  method: string,
  url: string,
  reply: { status: number; contentType: string; json: unknown; headers?: Headers },
) {
  const flaws = await contractFlaws(baseUrl, method, url, reply);
  if (flaws.length) throw new Error(`The reply breaks the published API description:\n- ${flaws.join('\n- ')}`);
}
