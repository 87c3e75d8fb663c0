/**
 * CloudFormation's intrinsic functions, resolved against the local stack: a
 * template names resources by logical id (`Ref`, `Fn::GetAtt`) and builds
 * ARNs from them (`Fn::Join`, `Fn::Sub`, pseudo parameters); here each becomes
 * the name, URL or ARN of the resource the local stack provisioned.
 */

export interface LocalReferences {
  /** `Ref` of a logical id, or undefined when the local stack has no such resource. */
  ref(logicalId: string): string | undefined;
  /** `Fn::GetAtt` of a logical id, or undefined when the local stack has no such resource. */
  getAtt(logicalId: string, attribute: string): string | undefined;
  /** AWS::Region, AWS::AccountId, AWS::Partition, AWS::URLSuffix, AWS::StackName… */
  readonly pseudo: Readonly<Record<string, string>>;
}

/** What to put for a resource the local stack does not have (undefined: it is an error). */
export type Unprovisioned = ((logicalId: string, attribute?: string) => string) | undefined;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `value` with every intrinsic replaced by its local value. */
export function resolveIntrinsics(value: unknown, local: LocalReferences, unprovisioned?: Unprovisioned): Json {
  const resolve = (v: unknown): Json => resolveIntrinsics(v, local, unprovisioned);
  const str = (v: unknown, where: string): string => {
    const s = resolve(v);
    if (typeof s !== 'string') throw new Error(`${where} resolved to ${JSON.stringify(s)}, not a string`);
    return s;
  };
  const missing = (logicalId: string, attribute?: string): string => {
    if (unprovisioned) return unprovisioned(logicalId, attribute);
    throw new Error(`The template names ${logicalId}${attribute ? `.${attribute}` : ''}, which the local stack does not provision.`);
  };
  const ref = (name: string): string => {
    if (name.startsWith('AWS::')) {
      const p = local.pseudo[name];
      if (p === undefined) throw new Error(`No local value for the pseudo parameter ${name}`);
      return p;
    }
    return local.ref(name) ?? missing(name);
  };
  const getAtt = (logicalId: string, attribute: string) => local.getAtt(logicalId, attribute) ?? missing(logicalId, attribute);

  if (Array.isArray(value)) return value.map(resolve);
  if (!isObject(value)) return value as Json;
  const keys = Object.keys(value);
  if (keys.length === 1) {
    const [key] = keys as [string];
    const arg = value[key];
    switch (key) {
      case 'Ref':
        return ref(String(arg));
      case 'Fn::GetAtt': {
        const [logicalId, attribute] = Array.isArray(arg) ? arg.map(String) : String(arg).split(/\.(.*)/);
        return getAtt(logicalId!, attribute!);
      }
      case 'Fn::Join': {
        const [separator, parts] = arg as [string, unknown[]];
        const joined = resolve(parts);
        if (!Array.isArray(joined)) throw new Error('Fn::Join of something other than a list');
        return joined.map((p) => String(p)).join(separator);
      }
      case 'Fn::Sub': {
        const [text, variables] = (Array.isArray(arg) ? arg : [arg, {}]) as [string, Record<string, unknown>];
        return text.replace(/\$\{([^}!]+)\}/g, (_, name: string) => {
          if (name in variables) return str(variables[name], `Fn::Sub variable ${name}`);
          const [logicalId, attribute] = name.split(/\.(.*)/);
          return attribute ? getAtt(logicalId!, attribute) : ref(name);
        });
      }
      case 'Fn::Select': {
        const [index, list] = arg as [unknown, unknown];
        const items = resolve(list);
        if (!Array.isArray(items)) throw new Error('Fn::Select from something other than a list');
        return items[Number(resolve(index))] ?? null;
      }
      case 'Fn::Split': {
        const [separator, text] = arg as [string, unknown];
        return str(text, 'Fn::Split').split(separator);
      }
      default:
        if (key.startsWith('Fn::')) throw new Error(`The local stack does not resolve ${key}`);
    }
  }
  return Object.fromEntries(keys.map((k) => [k, resolve(value[k])]));
}
