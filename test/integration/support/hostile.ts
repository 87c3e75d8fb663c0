import fc from 'fast-check';
import type * as z from 'zod';

/**
 * Hostile JSON for fuzzing request bodies. Values are plain JSON-able data,
 * except `Raw`, which is written into the body verbatim, so bodies can carry
 * what JSON.stringify never writes: `1e309`, `-0`, 30-digit integers, 5,000
 * levels of nesting.
 */
export class Raw {
  constructor(readonly text: string) {}
  toString() {
    return this.text.length > 80 ? `Raw(${this.text.slice(0, 40)}…${this.text.length} chars)` : `Raw(${this.text})`;
  }
}

export type Path = (string | number)[];

/** Sets an own, enumerable property, even for `__proto__` (which plain assignment would turn into a prototype). */
export function setKey(target: Record<string, unknown>, key: string, value: unknown) {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The body as text: JSON, with `Raw` values written verbatim (and lone surrogates escaped, as JSON.stringify does). */
export function toJson(value: unknown): string {
  if (value instanceof Raw) return value.text;
  if (Array.isArray(value)) return `[${value.map(toJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>).map(([k, v]) => `${JSON.stringify(k)}:${toJson(v)}`).join(',')}}`;
  }
  if (value === undefined) return 'null';
  return JSON.stringify(value);
}

const clone = (value: unknown): unknown => {
  if (value instanceof Raw || !value || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(clone);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) setKey(out, k, clone(v));
  return out;
};

/** Every path to a value inside `value` (not the root). */
export function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (value instanceof Raw || !value || typeof value !== 'object') return [];
  const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  return entries.flatMap(([k, v]) => [[...prefix, k], ...pathsOf(v, [...prefix, k])]);
}

/** Paths to every object (the root included), where fields can be added. */
export function objectPathsOf(value: unknown, prefix: Path = []): Path[] {
  if (value instanceof Raw || !value || typeof value !== 'object') return [];
  const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  const here = Array.isArray(value) ? [] : [prefix];
  return [...here, ...entries.flatMap(([k, v]) => objectPathsOf(v, [...prefix, k]))];
}

const deepArray = (depth: number) => new Raw('['.repeat(depth) + ']'.repeat(depth));
const deepObject = (depth: number) => new Raw('{"a":'.repeat(depth) + '1' + '}'.repeat(depth));

/** Numbers as JSON text that JSON.stringify would never write. */
const rawNumbers = [
  '1e309', '-1e309', '-0', '-0.0', '0.0', '1e3', '1E-7', '1.50', '1.500', '123456789012345678901234567890', '-9007199254740993',
  '9007199254740993', '0.1e1', '5e-324', '1.7976931348623157e308', '100.00', '1e2', '33.333333333333333333',
].map((t) => new Raw(t));

/** Strings that look like numbers, money, hours or dates, but are not quite. */
const numericStrings = [
  '1e3', ' 1.50', '1.50 ', '1.500', '-1.00', '+1.00', '0x1A', 'Infinity', '-Infinity', 'NaN', '１２.００', '١٢.٠٠', '1,000.00',
  '00000000000001.00', '.50', '1.', '0.00', '-0.00', '999999999999.99', '9999999999999.99', '1e3.00', '0', '24.01', '0.001',
  '25', '99', '1.5e1', '1_000.00', '\u00a01.00',
];

const dates = ['2026-02-30', '2026-13-01', '0000-00-00', '9999-12-31', '2026-1-1', '+002026-01-01', '2026-11-22T00:00:00Z', '２０２６-０１-０１', '2026-11-22 ', '20261122'];

/** Unicode and injection-shaped text. */
const nastyStrings = [
  '', ' ', '\t\n', '😀👨‍👩‍👧‍👦🏳️‍🌈', '\u202Eevil\u202C', 'שלום עולם', 'مرحبا', 'a\u0000b', '\u0000', '\uD800', '\uDFFF', 'x\uD83Dy',
  'e\u0301'.repeat(50), '\u200B', '\uFEFF', 'a\r\nBcc: victim@example.test', '<script>alert(1)</script>', "'; DROP TABLE x; --",
  '%00', '../../etc/passwd', 'FIRM#other', '#', 'JOB#x', '{{7*7}}', '${jndi:ldap://x/a}', '\\', '"', 'null', 'true', '[]', '{}',
  'Ω≈ç√∫', 'ǅ', '\u0085', '\u2028\u2029', 'A'.repeat(64), 'A'.repeat(65), 'x@y', 'a@b.c', 'ADMIN', '__proto__',
];

const longStrings = [201, 1025, 5001, 65_537].map((n) => 'x'.repeat(n)).concat(['😀'.repeat(3000), '\u0000'.repeat(2000)]);

const pollution = [
  new Raw('{"__proto__":{"admin":true,"firmId":"firm-evil"}}'),
  new Raw('{"constructor":{"prototype":{"admin":true}}}'),
  new Raw('{"prototype":{"admin":true}}'),
];

/** One hostile value. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.constantFrom<unknown>(null, true, false, 0, -1, 1, [], [null], {}), weight: 3 },
  { arbitrary: fc.oneof(fc.integer(), fc.double(), fc.maxSafeInteger(), fc.bigInt().map((b) => new Raw(b.toString()))), weight: 2 },
  { arbitrary: fc.constantFrom<unknown>(...rawNumbers), weight: 3 },
  { arbitrary: fc.constantFrom<unknown>(...numericStrings), weight: 4 },
  { arbitrary: fc.constantFrom<unknown>(...dates), weight: 2 },
  { arbitrary: fc.constantFrom<unknown>(...nastyStrings), weight: 4 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 2 },
  { arbitrary: fc.constantFrom<unknown>(...longStrings), weight: 1 },
  { arbitrary: fc.constantFrom<unknown>(deepArray(5_000), deepObject(5_000), deepArray(60), deepObject(60)), weight: 1 },
  { arbitrary: fc.constantFrom<unknown>(...pollution), weight: 1 },
  { arbitrary: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }), weight: 1 },
  { arbitrary: fc.constant(new Raw(`[${'0,'.repeat(9_999)}0]`)), weight: 1 },
  { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 2 },
);

/** Field names to add: prototype-polluting, read-only, storage keys, look-alikes, odd text. */
export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '', ' ', 'id', 'version', 'link', 'createdAt',
    'updatedAt', 'firmId', 'pk', 'sk', 'admin', 'status', 'NAME', 'name ', 'a'.repeat(300), '😀', '\u0000', 'entity', 'gsi1pk',
    'pendingPk', 'expiresAt', 'invoiceNumber', 'paid', 'total',
  ),
  fc.string({ maxLength: 12 }),
);

/** Malformed raw bodies. */
export const malformedBodies: (string | Uint8Array)[] = [
  '', ' ', '{', '}', '{"a":', '{"a":1,}', "{'a':1}", 'NaN', '{"a":NaN}', '{"a":Infinity}', '[1,2', '\uFEFF{}', '{"a":1} trailing',
  '{"a":1}{"b":2}', 'null', 'true', '0', '-0', '1e309', '"text"', '[]', '[{}]', '{"__proto__":', '{"a":"\\ud800"}', '{"a":"\\u0000"}',
  '{"a":"\\x41"}', '{"a":01}', '{"a":.5}', '{"a":+1}', '{"a":0x10}', '/* c */{}', '{"a":1}\u0000', 'undefined', '{a:1}',
  new Uint8Array([0xff, 0xfe, 0xfd]), new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]),
];

export type Mutation =
  | { kind: 'replace'; path: Path; value: unknown }
  | { kind: 'add'; path: Path; key: string; value: unknown }
  | { kind: 'remove'; path: Path }
  | { kind: 'root'; value: unknown }
  | { kind: 'raw'; text: string | Uint8Array };

/** Mutations of one base body (its shape decides which paths exist). */
export function mutationsOf(base: unknown): fc.Arbitrary<Mutation[]> {
  const paths = pathsOf(base);
  const objects = objectPathsOf(base);
  const options: fc.WeightedArbitrary<Mutation>[] = [
    { arbitrary: fc.record({ kind: fc.constant('root' as const), value: fc.oneof(hostileValue, fc.jsonValue()) }), weight: 1 },
    { arbitrary: fc.record({ kind: fc.constant('raw' as const), text: fc.constantFrom(...malformedBodies) }), weight: 1 },
  ];
  if (paths.length) {
    options.push(
      { arbitrary: fc.record({ kind: fc.constant('replace' as const), path: fc.constantFrom(...paths), value: hostileValue }), weight: 8 },
      { arbitrary: fc.record({ kind: fc.constant('remove' as const), path: fc.constantFrom(...paths) }), weight: 1 },
    );
  }
  if (objects.length) {
    options.push({
      arbitrary: fc.record({ kind: fc.constant('add' as const), path: fc.constantFrom(...objects), key: hostileKey, value: hostileValue }),
      weight: 3,
    });
  }
  return fc.array(fc.oneof(...options), { minLength: 1, maxLength: 3 });
}

function parentOf(root: unknown, path: Path): Record<string | number, unknown> | undefined {
  let node: unknown = root;
  for (const k of path.slice(0, -1)) {
    if (!node || typeof node !== 'object' || node instanceof Raw) return undefined;
    node = (node as Record<string | number, unknown>)[k];
  }
  return node && typeof node === 'object' && !(node instanceof Raw) ? (node as Record<string | number, unknown>) : undefined;
}

/** The body text after the mutations (applied in order to a copy of `base`). */
export function applyMutations(base: unknown, mutations: Mutation[]): string | Uint8Array {
  let body: unknown = clone(base);
  for (const m of mutations) {
    if (m.kind === 'raw') return m.text;
    if (m.kind === 'root') {
      body = clone(m.value);
      continue;
    }
    if (m.kind === 'add') {
      const target = m.path.length ? parentOf(body, [...m.path, '_']) : body;
      if (target && typeof target === 'object' && !Array.isArray(target) && !(target instanceof Raw)) {
        setKey(target as Record<string, unknown>, m.key, clone(m.value));
      }
      continue;
    }
    const parent = parentOf(body, m.path);
    const last = m.path.at(-1)!;
    if (!parent || !(last in parent)) continue;
    if (m.kind === 'remove') {
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else delete parent[last];
    } else if (Array.isArray(parent)) {
      parent[Number(last)] = clone(m.value);
    } else {
      setKey(parent as Record<string, unknown>, String(last), clone(m.value));
    }
  }
  return toJson(body);
}

export const describeMutations = (mutations: Mutation[]) =>
  mutations
    .map((m) => {
      const v = (x: unknown) => {
        const text = x instanceof Raw ? x.toString() : typeof x === 'string' ? JSON.stringify(x) : toJson(x);
        return text.length > 120 ? `${text.slice(0, 100)}…(${text.length} chars)` : text;
      };
      switch (m.kind) {
        case 'replace': return `replace ${m.path.join('.')} with ${v(m.value)}`;
        case 'add': return `add ${[...m.path, m.key].join('.')} = ${v(m.value)}`;
        case 'remove': return `remove ${m.path.join('.')}`;
        case 'root': return `body = ${v(m.value)}`;
        case 'raw': return `raw body ${typeof m.text === 'string' ? JSON.stringify(m.text.slice(0, 60)) : `bytes ${[...m.text].join(',')}`}`;
      }
    })
    .join('; ');

/** The limit the service states for bodies (lib/http/request.ts). */
export const MAX_BODY_BYTES = 256 * 1024;

const IGNORED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const READ_ONLY_FIELDS = ['id', 'version', 'createdAt', 'updatedAt', 'link'];

/**
 * Whether the contract lets a body through validation: valid JSON whose
 * value (read-only fields ignored, prototype-polluting keys dropped) passes
 * the route's schema. Anything else must be a 400.
 */
export function acceptable(schema: z.ZodType, body: string | Uint8Array): boolean {
  const text = typeof body === 'string' ? body : Buffer.from(body).toString('utf8');
  let json: unknown;
  try {
    json = JSON.parse(text, (key, value: unknown) => (IGNORED_KEYS.has(key) ? undefined : value));
  } catch {
    return false;
  }
  if (json && typeof json === 'object' && !Array.isArray(json)) for (const f of READ_ONLY_FIELDS) delete (json as Record<string, unknown>)[f];
  try {
    return schema.safeParse(json).success;
  } catch {
    // The schema itself throws on this value (a refinement that assumes an earlier check passed): not valid.
    return false;
  }
}

/** Whether the route's own schema throws (instead of reporting issues) on the body: the service then cannot answer 400. */
export function schemaThrows(schema: z.ZodType, body: string | Uint8Array): string | undefined {
  const text = typeof body === 'string' ? body : Buffer.from(body).toString('utf8');
  let json: unknown;
  try {
    json = JSON.parse(text, (key, value: unknown) => (IGNORED_KEYS.has(key) ? undefined : value));
  } catch {
    return undefined;
  }
  try {
    schema.safeParse(json);
    return undefined;
  } catch (error) {
    return String((error as Error).message ?? error);
  }
}

export const byteLength = (body: string | Uint8Array) => (typeof body === 'string' ? Buffer.byteLength(body, 'utf8') : body.byteLength);

/** Hostile values for query parameters (always text). */
export const hostileQueryValue: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '', ' ', '0', '-1', '-0', '1e3', ' 50', '50 ', '50.0', '0x10', '9999999999999999999', '501', '500', '1', 'NaN', 'Infinity', 'null',
    'true', '[]', '{}', '1,2', '１０', '😀', '\u202E', 'a\u0000b', '\uFFFD', 'x'.repeat(300), 'x'.repeat(3000), '%', '%zz', '#',
    'FIRM#other', '__proto__', 'open', 'draft', 'billed', 'unbilled', 'OPEN', '2026-02-30', '2026-11-01', '2030-01-01', '9999-12-31',
    'eyJwayI6IkZJUk0jb3RoZXIiLCJzayI6IkNPTlRBQ1QjIn0', 'AAAA', '!!!!', 'e30', 'bnVsbA', 'W10',
  ),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
);

export const queryKeys = (known: string[]) =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...known), weight: 4 },
    { arbitrary: fc.constantFrom('__proto__', 'constructor', 'unknown', 'LIMIT', 'limit[]', 'a[b]', '', 'firmId', 'pk'), weight: 1 },
  );

/** Raw query strings the URL parser has to survive. */
export const rawQueries = [
  '%', '%zz', '%E0%A4%A', '%ED%A0%80', 'limit=%00', '&&&', '=', 'limit', 'limit=1&limit=2', 'a[b]=1', '__proto__[admin]=1',
  'constructor=1', 'limit=%2B5', 'cursor=%FF%FE', 'search=%ED%A0%80', 'limit=5;cursor=x', `search=${'%F0%9F%98%80'.repeat(100)}`,
];

/**
 * Text that an SQS message body cannot carry once it is written by
 * JSON.stringify (which escapes control characters and lone surrogates, but
 * not U+FFFE/U+FFFF nor astral characters): AWS refuses U+FFFE and U+FFFF,
 * and the local emulator (fauxqs) also refuses every astral character (emoji).
 */
export const SQS_UNSAFE = /[\uD800-\uDBFF][\uDC00-\uDFFF]|[\uFFFE\uFFFF]/;

/** Whether any string (or key) of the body holds text the queues cannot carry. */
export function sqsUnsafe(body: string | Uint8Array): boolean {
  const text = typeof body === 'string' ? body : Buffer.from(body).toString('utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return false;
  }
  const walk = (v: unknown): boolean => {
    if (typeof v === 'string') return SQS_UNSAFE.test(v);
    if (!v || typeof v !== 'object') return false;
    return Object.entries(v as Record<string, unknown>).some(([k, x]) => SQS_UNSAFE.test(k) || walk(x));
  };
  return walk(json);
}
