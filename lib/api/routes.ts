import { defineRoute, type RouteSpec } from './route.ts';
import type { FunctionName } from '../declaration.ts';
import { ListQuery, listOf, SearchQuery } from './common-schemas.ts';
import { Job } from '../jobs/schemas.ts';
import { PracticeSettings, PracticeSettingsInput } from '../practice/settings/schemas.ts';
import { AccountingSettings, AccountingSettingsInput } from '../accounting/settings/schemas.ts';
import { CreatePracticeContact, PatchPracticeContact, PracticeContact } from '../practice/contacts/schemas.ts';
import {
  AccountingContact,
  CreateAccountingContact,
  PatchAccountingContact,
} from '../accounting/contacts/schemas.ts';
import { CreateMatter, Matter, MatterBalance, MatterListQuery, PatchMatter, PutMatterClients } from '../practice/matters/schemas.ts';
import { AccountingFile, CreateDisbursement, Disbursement, PutAllocations } from '../accounting/files/schemas.ts';

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

  createMatter: defineRoute({
    method: 'POST', path: '/practice/matters', fn: 'practiceMattersApi', access: 'practice', tag: 'matters',
    summary: 'Create a matter; accounting makes its file once the clients are linked', body: CreateMatter,
    response: Matter, status: 201,
  }),
  listMatters: defineRoute({
    method: 'GET', path: '/practice/matters', fn: 'practiceMattersApi', access: 'read', tag: 'matters',
    summary: 'List or search matters (by name, number or client)', query: MatterListQuery, response: listOf(Matter),
  }),
  getMatter: defineRoute({
    method: 'GET', path: '/practice/matters/{id}', fn: 'practiceMattersApi', access: 'read', tag: 'matters',
    summary: 'A matter; after sync `fileReference` holds the accounting matter number', response: Matter,
  }),
  patchMatter: defineRoute({
    method: 'PATCH', path: '/practice/matters/{id}', fn: 'practiceMattersApi', access: 'practice', tag: 'matters',
    summary: 'Edit a matter (name, number, billing options); it is re-sent', body: PatchMatter, response: Matter,
    conditional: true,
  }),
  putMatterClients: defineRoute({
    method: 'PUT', path: '/practice/matters/{id}/clients', fn: 'practiceMattersApi', access: 'practice', tag: 'matters',
    summary: 'Add, remove or reorder clients (first = primary)', body: PutMatterClients, response: Matter, conditional: true,
  }),
  getMatterBalance: defineRoute({
    method: 'GET', path: '/practice/matters/{id}/balance', fn: 'practiceMattersApi', access: 'read', tag: 'matters',
    summary: 'Unbilled, billed, paid and outstanding, as accounting last reported', response: MatterBalance,
  }),

  listFiles: defineRoute({
    method: 'GET', path: '/accounting/files', fn: 'accountingFilesApi', access: 'read', tag: 'files',
    summary: 'List or search files (by name or matter number)', query: SearchQuery, response: listOf(AccountingFile),
  }),
  getFile: defineRoute({
    method: 'GET', path: '/accounting/files/{id}', fn: 'accountingFilesApi', access: 'read', tag: 'files',
    summary: 'A file: number, clients, primary client and split', response: AccountingFile,
  }),
  putFileAllocations: defineRoute({
    method: 'PUT', path: '/accounting/files/{id}/allocations', fn: 'accountingFilesApi', access: 'accounting', tag: 'files',
    summary: 'Split billing: percents of the file\'s clients, two decimals, summing to exactly 100', body: PutAllocations,
    response: AccountingFile, conditional: true,
  }),
  putFileClients: defineRoute({
    method: 'PUT', path: '/accounting/files/{id}/clients', fn: 'accountingFilesApi', access: 'accounting', tag: 'files',
    summary: 'Refused (409 restricted): clients are changed in practice',
  }),
  putFilePrimaryClient: defineRoute({
    method: 'PUT', path: '/accounting/files/{id}/primary-client', fn: 'accountingFilesApi', access: 'accounting', tag: 'files',
    summary: 'Refused (409 restricted): the primary client is changed in practice',
  }),
  createDisbursement: defineRoute({
    method: 'POST', path: '/accounting/files/{id}/disbursements', fn: 'accountingFilesApi', access: 'accounting', tag: 'files',
    summary: 'Record a disbursement (expense) on a file', body: CreateDisbursement, response: Disbursement, status: 201,
  }),
  listDisbursements: defineRoute({
    method: 'GET', path: '/accounting/files/{id}/disbursements', fn: 'accountingFilesApi', access: 'read', tag: 'files',
    summary: 'The disbursements of a file', query: ListQuery, response: listOf(Disbursement),
  }),
} as const;

export type RouteName = keyof typeof routes;
export const allRoutes = (): readonly RouteSpec[] => Object.values(routes);

/** The HTTP routes a function serves. */
export const routesOf = (fn: FunctionName): readonly RouteSpec[] => allRoutes().filter((r) => r.fn === fn);
