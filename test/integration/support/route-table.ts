import * as z from 'zod';
import { routeKey, type RouteSpec } from '../../../lib/api/route.ts';
import type { FirmFixture } from './fixture.ts';

/**
 * Per route: which record its `{id}` names, and one valid example body. Keyed
 * by `METHOD /path` as in `lib/api/routes.ts`; a route added there without an
 * entry here fails the suites' coverage test, so nothing goes untested.
 */
export type RecordKind = keyof FirmFixture['ids'];
export type Refs = Partial<Record<RecordKind, string>>;

/** A route-specific record where the path alone would pick the wrong one. */
const idByRoute: Record<string, RecordKind> = {
  'DELETE /practice/rate-labels/{id}': 'obsoleteRateLabel',
};

/** The record kind named by `{id}`, by what the path starts with. */
const idByPrefix: [string, RecordKind][] = [
  ['/jobs/', 'job'],
  ['/practice/contacts/', 'practiceContact'],
  ['/accounting/contacts/', 'accountingContact'],
  ['/practice/matters/', 'matter'],
  ['/accounting/files/', 'file'],
  ['/practice/users/', 'user'],
  ['/accounting/users/', 'accountingUser'],
  ['/practice/system-roles/', 'systemRole'],
  ['/practice/rate-labels/', 'rateLabel'],
  ['/practice/quick-codes/', 'quickCode'],
  ['/practice/time-entries/', 'timeEntry'],
  ['/accounting/ledger-entries/', 'ledgerEntry'],
  ['/accounting/disbursements/', 'disbursement'],
  ['/accounting/bills/', 'draftBill'],
  ['/billing/bills/', 'finalizedBill'],
  ['/billing/payments/', 'payment'],
];

export const hasId = (route: RouteSpec) => /\{\w+\}/.test(route.path);

export function recordKindOf(route: RouteSpec): RecordKind {
  const key = routeKey(route);
  if (idByRoute[key]) return idByRoute[key];
  const params = route.path.match(/\{\w+\}/g) ?? [];
  if (params.length !== 1 || params[0] !== '{id}') throw new Error(`${key}: only one {id} per path is mapped; add it to route-table.ts`);
  const prefix = route.path.slice(0, route.path.indexOf('{id}'));
  const found = idByPrefix.find(([p]) => p === prefix);
  if (!found) throw new Error(`${key}: no record kind for "${prefix}{id}"; add it to idByPrefix in route-table.ts`);
  return found[1];
}

/** The route's path with `{id}` replaced by the record of the right kind (URL-encoded). */
export function pathFor(route: RouteSpec, ids: Refs): string {
  if (!hasId(route)) return route.path;
  const kind = recordKindOf(route);
  const id = ids[kind];
  if (!id) throw new Error(`${routeKey(route)}: no ${kind} in this firm`);
  return route.path.replace('{id}', encodeURIComponent(id));
}

/** An id that looks like `id` (same prefix, same length) but names nothing. */
export const fakeLike = (id: string) => id.replace(/[A-Za-z0-9]{6}$/, 'ZZZZ00');

const ref = (refs: Refs, kind: RecordKind) => refs[kind] ?? `missing_${kind}`;

/**
 * One valid example body per route that has a `body` schema. `refs` are the
 * records of the firm whose token sends it (the references it names); `u` makes
 * names, emails and codes unique so repeated creations do not collide.
 */
export const exampleBodies: Record<string, (refs: Refs, u: string) => Record<string, unknown>> = {
  'PUT /practice/settings': () => ({ separateContactNumbering: false }),
  'PUT /accounting/settings': (_r, u) => ({
    separateContactNumbering: false,
    fileNumbering: { prefix: 'M', width: 5 },
    firm: { name: `Firm ${u}`, address: '1 Main St', lawFirmId: '12-3456789' },
    currency: 'USD',
  }),
  'POST /practice/contacts': (_r, u) => ({ kind: 'person', name: `Person ${u}`, email: `p.${u}@example.test` }),
  'PATCH /practice/contacts/{id}': () => ({ phone: '+1 555 0100' }),
  'POST /accounting/contacts': (_r, u) => ({ kind: 'organization', name: `Org ${u}` }),
  'PATCH /accounting/contacts/{id}': () => ({ phone: '+1 555 0101' }),
  'POST /practice/matters': (r, u) => ({ name: `Matter ${u}`, clientIds: [ref(r, 'practiceContact')] }),
  'PATCH /practice/matters/{id}': () => ({ billing: { clientMatterId: 'CM-2' } }),
  'PUT /practice/matters/{id}/clients': (r) => ({ clientIds: [ref(r, 'practiceContact')] }),
  'PUT /accounting/files/{id}/allocations': (r) => ({ allocations: [{ contactId: ref(r, 'accountingContact'), percent: '100.00' }] }),
  'POST /accounting/files/{id}/disbursements': (_r, u) => ({ date: '2026-11-04', description: `Courier ${u}`, amount: '12.50', expenseCode: 'E107' }),
  'POST /practice/users': (_r, u) => ({ name: `User ${u}`, email: `u.${u}@firm.test` }),
  'PATCH /practice/users/{id}': () => ({ classification: 'ASSOC' }),
  'PUT /practice/system-roles/{id}': (_r, u) => ({ name: `Role ${u}` }),
  'POST /accounting/users': (_r, u) => ({ name: `Acct ${u}`, email: `a.${u}@firm.test` }),
  'POST /practice/rate-labels': (_r, u) => ({ name: `Label ${u}`, type: 'hourly', baseValue: '150.00' }),
  'PATCH /practice/rate-labels/{id}': () => ({ baseValue: '210.00' }),
  'DELETE /practice/rate-labels/{id}': (r) => ({ mergeIntoId: ref(r, 'spareRateLabel'), reason: 'Consolidating labels' }),
  'POST /practice/quick-codes': (r, u) => ({
    code: `Q${u}`.slice(0, 20),
    description: 'Quick code',
    rateLabelByRole: { [ref(r, 'systemRole')]: ref(r, 'rateLabel') },
  }),
  'POST /practice/time-entries': (r, u) => ({
    matterId: ref(r, 'matter'), timekeeperId: ref(r, 'user'), date: '2026-11-07', description: `Work ${u}`, hours: '0.5', behavior: 'bill',
  }),
  'PATCH /practice/time-entries/{id}': () => ({ description: 'Edited work' }),
  'POST /practice/billing/time-exports': (r) => ({ matterId: ref(r, 'matter'), from: '2030-01-01', to: '2030-01-31' }),
  'PATCH /accounting/ledger-entries/{id}': () => ({ description: 'Adjusted' }),
  'POST /accounting/bills': (r) => ({ fileId: ref(r, 'file'), throughDate: '2026-11-30' }),
  'PATCH /accounting/bills/{id}': () => ({ description: 'November work' }),
  'POST /billing/production/produce': (r) => ({ billIds: [ref(r, 'draftBill')] }),
  'POST /billing/production/revert': (r) => ({ billIds: [ref(r, 'draftBill')] }),
  'POST /billing/production/preview': (r) => ({ billIds: [ref(r, 'finalizedBill')] }),
  'POST /billing/ebilling': (r) => ({ billIds: [ref(r, 'finalizedBill')] }),
  'POST /billing/bills/{id}/email': () => ({ subject: 'Your invoice' }),
  'POST /billing/bills/{id}/payments': () => ({ amount: '0.01', date: '2026-12-02', method: 'check' }),
  'PUT /billing/settings': () => ({ scheduledProduction: false }),
};

let counter = 0;
/** A short unique suffix: letters and digits only (it ends up in codes and emails). */
export const uniq = () => `${Date.now().toString(36)}${(counter++).toString(36)}`.slice(-10);

export function exampleBody(route: RouteSpec, refs: Refs, u = uniq()): Record<string, unknown> | undefined {
  if (!route.body) return undefined;
  const make = exampleBodies[routeKey(route)];
  if (!make) throw new Error(`${routeKey(route)} has a body schema but no example body in route-table.ts`);
  return make(refs, u);
}

/** A list route answers `{ items, nextCursor }`. */
export function isListRoute(route: RouteSpec): boolean {
  const response = route.response;
  return route.method === 'GET' && response instanceof z.ZodObject && 'items' in response.shape && 'nextCursor' in response.shape;
}

/** Writes need a scope; reads (`read`) and `public` do not. */
export const needsScope = (route: RouteSpec) => route.access !== 'public' && route.access !== 'read';

export const SCOPES = ['practice', 'accounting', 'billing', 'admin'] as const;
export const allScopesBut = (scope: string) => SCOPES.filter((s) => s !== scope).join(' ');
