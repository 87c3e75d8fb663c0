import { defineRoute, type RouteSpec } from './route.ts';
import type { FunctionName } from '../declaration.ts';
import { listOf, SearchQuery } from './common-schemas.ts';
import { Job } from '../jobs/schemas.ts';
import { PracticeSettings, PracticeSettingsInput } from '../practice/settings/schemas.ts';
import { AccountingSettings, AccountingSettingsInput } from '../accounting/settings/schemas.ts';
import { CreatePracticeContact, PatchPracticeContact, PracticeContact } from '../practice/contacts/schemas.ts';
import {
  AccountingContact,
  CreateAccountingContact,
  PatchAccountingContact,
} from '../accounting/contacts/schemas.ts';

/**
 * Every route of the HTTP contract (`shared/contract/API.md`), with the
 * function that serves it, who may call it and its schemas. CDK, the local
 * router, the handlers and `/openapi.json` are all built from this list.
 */
export const routes = {
  openapi: defineRoute({
    method: 'GET', path: '/openapi.json', fn: 'openapi', access: 'public', tag: 'meta',
    summary: 'This API as an OpenAPI 3.1 document',
  }),
  getJob: defineRoute({
    method: 'GET', path: '/jobs/{id}', fn: 'jobsApi', access: 'read', tag: 'jobs',
    summary: 'A long-running job and its progress', response: Job,
  }),

  getPracticeSettings: defineRoute({
    method: 'GET', path: '/practice/settings', fn: 'practiceSettingsApi', access: 'read', tag: 'settings',
    summary: 'Practice settings', response: PracticeSettings,
  }),
  putPracticeSettings: defineRoute({
    method: 'PUT', path: '/practice/settings', fn: 'practiceSettingsApi', access: 'admin', tag: 'settings',
    summary: 'Replace practice settings', body: PracticeSettingsInput, response: PracticeSettings, conditional: true,
  }),
  getAccountingSettings: defineRoute({
    method: 'GET', path: '/accounting/settings', fn: 'accountingSettingsApi', access: 'read', tag: 'settings',
    summary: 'Accounting settings', response: AccountingSettings,
  }),
  putAccountingSettings: defineRoute({
    method: 'PUT', path: '/accounting/settings', fn: 'accountingSettingsApi', access: 'admin', tag: 'settings',
    summary: 'Replace accounting settings', body: AccountingSettingsInput, response: AccountingSettings,
    conditional: true,
  }),

  createPracticeContact: defineRoute({
    method: 'POST', path: '/practice/contacts', fn: 'practiceContactsApi', access: 'practice', tag: 'contacts',
    summary: 'Create a contact in practice; it is sent to accounting', body: CreatePracticeContact,
    response: PracticeContact, status: 201,
  }),
  listPracticeContacts: defineRoute({
    method: 'GET', path: '/practice/contacts', fn: 'practiceContactsApi', access: 'read', tag: 'contacts',
    summary: 'List or search practice contacts', query: SearchQuery, response: listOf(PracticeContact),
  }),
  getPracticeContact: defineRoute({
    method: 'GET', path: '/practice/contacts/{id}', fn: 'practiceContactsApi', access: 'read', tag: 'contacts',
    summary: 'A practice contact', response: PracticeContact,
  }),
  patchPracticeContact: defineRoute({
    method: 'PATCH', path: '/practice/contacts/{id}', fn: 'practiceContactsApi', access: 'practice', tag: 'contacts',
    summary: 'Edit a practice contact; even an empty patch re-sends it', body: PatchPracticeContact,
    response: PracticeContact, conditional: true,
  }),

  createAccountingContact: defineRoute({
    method: 'POST', path: '/accounting/contacts', fn: 'accountingContactsApi', access: 'accounting', tag: 'contacts',
    summary: 'Create a contact in accounting; it is sent to practice', body: CreateAccountingContact,
    response: AccountingContact, status: 201,
  }),
  listAccountingContacts: defineRoute({
    method: 'GET', path: '/accounting/contacts', fn: 'accountingContactsApi', access: 'read', tag: 'contacts',
    summary: 'List or search accounting contacts', query: SearchQuery, response: listOf(AccountingContact),
  }),
  getAccountingContact: defineRoute({
    method: 'GET', path: '/accounting/contacts/{id}', fn: 'accountingContactsApi', access: 'read', tag: 'contacts',
    summary: 'An accounting contact', response: AccountingContact,
  }),
  patchAccountingContact: defineRoute({
    method: 'PATCH', path: '/accounting/contacts/{id}', fn: 'accountingContactsApi', access: 'accounting',
    tag: 'contacts', summary: 'Edit an accounting contact; the change is sent to practice',
    body: PatchAccountingContact, response: AccountingContact, conditional: true,
  }),
} as const;

export type RouteName = keyof typeof routes;
export const allRoutes = (): readonly RouteSpec[] => Object.values(routes);

/** The HTTP routes a function serves. */
export const routesOf = (fn: FunctionName): readonly RouteSpec[] => allRoutes().filter((r) => r.fn === fn);
