import { BadRequest, UnsupportedMediaType } from '../shared/errors.ts';

/**
 * The bytes of a request body, read strictly as JSON a client meant to send:
 * declared as JSON, valid UTF-8, nested no deeper than a real document is,
 * with no lone surrogate in any string, and no prototype-polluting key. Each
 * refusal says what is wrong, so a client can fix it.
 */

/** Deeper than any body of this API (the deepest is about 5 levels). */
export const MAX_JSON_DEPTH = 32;

const DANGEROUS_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** A UTF-16 surrogate without its other half: what `"\ud800"` parses to, and no text at all. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** `application/json`, or a `+json` type (parameters such as charset=utf-8 allowed). */
export function isJsonContentType(header: string | undefined): boolean {
  const type = header?.split(';')[0]?.trim().toLowerCase();
  return type === 'application/json' || (!!type && /^application\/[a-z0-9.+-]+\+json$/.test(type));
}

export function assertJsonContentType(header: string | undefined): void {
  if (!isJsonContentType(header)) throw new UnsupportedMediaType(header?.trim() || undefined);
}

const notUtf8 = () => new BadRequest('The body is not valid UTF-8.', [{ path: '', message: 'contains bytes that are not UTF-8' }]);

/** Decodes the body's bytes, refusing anything that is not UTF-8 (rather than turning it into U+FFFD); a BOM is kept, and so refused by the JSON parse. */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw notUtf8();
  }
}

/**
 * How deeply the text's arrays and objects nest (outside strings), stopping
 * as soon as it passes `limit`: a 10,000-deep body is refused by a linear
 * scan, before a recursive parse could exhaust the stack.
 */
export function nestingDepth(text: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}

/** Parses a JSON text with the rules above. */
export function parseJsonText(text: string): unknown {
  // U+FFFD is what a lenient decoder leaves of bytes that were not UTF-8; nobody types it.
  if (text.includes('\uFFFD')) throw notUtf8();
  if (nestingDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    throw new BadRequest(`The body nests arrays or objects more than ${MAX_JSON_DEPTH} levels deep.`, [
      { path: '', message: `is nested more than ${MAX_JSON_DEPTH} levels deep` },
    ]);
  }
  const malformed: string[] = [];
  let json: unknown;
  try {
    json = JSON.parse(text, (key, value: unknown) => {
      if (LONE_SURROGATE.test(key) || (typeof value === 'string' && LONE_SURROGATE.test(value))) malformed.push(key);
      // The reviver drops prototype-polluting keys before anything sees them.
      return DANGEROUS_KEYS.has(key) ? undefined : value;
    });
  } catch (error) {
    throw new BadRequest(`The body is not valid JSON: ${(error as Error).message}`, [{ path: '', message: 'is not valid JSON' }]);
  }
  if (malformed.length) {
    throw new BadRequest('The body holds text that is not valid Unicode (a lone surrogate escape such as "\\ud800").', [
      { path: malformed[0] ?? '', message: 'is not valid Unicode text' },
    ]);
  }
  return json;
}
