import { BadRequest } from '../shared/errors.ts';

/**
 * List cursors: the key of the last item a page returned, as base64url JSON.
 * A cursor is only accepted back by the list that gave it, for the same firm,
 * with every key attribute of the right type, so a tampered cursor is a 400
 * and can never read another firm's items or reach DynamoDB malformed.
 */
export function encodeCursor(key: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeIndexCursor(cursor: string, pkAttr: string, indexPk: string): Record<string, unknown> {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
    const skAttr = pkAttr.replace(/pk$/, 'sk');
    const shaped =
      Object.keys(key).length === 4 &&
      key[pkAttr] === indexPk &&
      typeof key.pk === 'string' &&
      indexPk.startsWith(`${key.pk}#`) &&
      typeof key.sk === 'string' &&
      key.sk.length > 0 &&
      typeof key[skAttr] === 'string' &&
      (key[skAttr] as string).length > 0;
    if (shaped) return key;
  } catch {
    // fall through
  }
  throw new BadRequest('The cursor is not one this list gave.', [{ path: 'cursor', message: 'is not valid here' }]);
}

export function decodeCursor(cursor: string, pk: string, prefix: string): Record<string, unknown> {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
    if (key.pk === pk && typeof key.sk === 'string' && key.sk.startsWith(prefix) && Object.keys(key).length === 2) {
      return key;
    }
  } catch {
    // fall through
  }
  throw new BadRequest('The cursor is not one this list gave.', [{ path: 'cursor', message: 'is not valid here' }]);
}
