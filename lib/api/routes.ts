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
import { CreateUser, PatchUser, User } from '../practice/users/schemas.ts';
import { AccountingUser, CreateAccountingUser } from '../accounting/users/schemas.ts';
import {
  CreateQuickCode,
  CreateRateLabel,
  DeleteRateLabel,
  PatchRateLabel,
  PutSystemRole,
  QuickCode,
  RateLabel,
  SystemRole,
} from '../practice/rates/schemas.ts';
import { CreateTimeEntry, PatchTimeEntry, TimeEntry, TimeEntryQuery } from '../practice/time/schemas.ts';
import * as z from 'zod';
import { StartTimeExport } from '../practice/billing/schemas.ts';
import {
  Bill,
  BillIds,
  BillingSettings,
  BillingSettingsInput,
  CreateBill,
  CreatePayment,
  EbillingRequest,
  EmailRequest,
  PatchBill,
  Payment,
} from '../accounting/bills/schemas.ts';
import { LedgerEntry, LedgerQuery, Notification, PatchLedgerEntry } from '../accounting/ledger/schemas.ts';

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
    summary: 'Edit a matter (name, number, billing options); it is re-sent. Switching LEDES on while open entries lack UTBMS codes is a 409 uncoded_entries listing them', body: PatchMatter, response: Matter,
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

  createUser: defineRoute({
    method: 'POST', path: '/practice/users', fn: 'practiceUsersApi', access: 'admin', tag: 'users',
    summary: 'Create a timekeeper', body: CreateUser, response: User, status: 201,
  }),
  listUsers: defineRoute({
    method: 'GET', path: '/practice/users', fn: 'practiceUsersApi', access: 'read', tag: 'users',
    summary: 'Timekeepers', query: ListQuery, response: listOf(User),
  }),
  patchUser: defineRoute({
    method: 'PATCH', path: '/practice/users/{id}', fn: 'practiceUsersApi', access: 'admin', tag: 'users',
    summary: 'Edit a timekeeper', body: PatchUser, response: User, conditional: true,
  }),
  putSystemRole: defineRoute({
    method: 'PUT', path: '/practice/system-roles/{id}', fn: 'practiceUsersApi', access: 'admin', tag: 'users',
    summary: 'Create or replace a system role', body: PutSystemRole, response: SystemRole, conditional: true,
  }),
  listSystemRoles: defineRoute({
    method: 'GET', path: '/practice/system-roles', fn: 'practiceUsersApi', access: 'read', tag: 'users',
    summary: 'System roles', response: listOf(SystemRole),
  }),
  createAccountingUser: defineRoute({
    method: 'POST', path: '/accounting/users', fn: 'accountingUsersApi', access: 'admin', tag: 'users',
    summary: 'Create an accounting user (time is booked to the one with the timekeeper\'s email)',
    body: CreateAccountingUser, response: AccountingUser, status: 201,
  }),
  listAccountingUsers: defineRoute({
    method: 'GET', path: '/accounting/users', fn: 'accountingUsersApi', access: 'read', tag: 'users',
    summary: 'Accounting users', query: ListQuery, response: listOf(AccountingUser),
  }),

  createRateLabel: defineRoute({
    method: 'POST', path: '/practice/rate-labels', fn: 'practiceRatesApi', access: 'admin', tag: 'rates',
    summary: 'Create a rate label (hourly, the default, fixed or custom)', body: CreateRateLabel, response: RateLabel, status: 201,
  }),
  listRateLabels: defineRoute({
    method: 'GET', path: '/practice/rate-labels', fn: 'practiceRatesApi', access: 'read', tag: 'rates',
    summary: 'Rate labels (not deleted), by name', response: listOf(RateLabel),
  }),
  patchRateLabel: defineRoute({
    method: 'PATCH', path: '/practice/rate-labels/{id}', fn: 'practiceRatesApi', access: 'admin', tag: 'rates',
    summary: 'Edit a rate label (name, value, active, timekeeper values)', body: PatchRateLabel, response: RateLabel,
    conditional: true,
  }),
  deleteRateLabel: defineRoute({
    method: 'DELETE', path: '/practice/rate-labels/{id}', fn: 'practiceRatesApi', access: 'admin', tag: 'rates',
    summary: 'Delete a label by merging it into another; references move, stored entry rates stay',
    body: DeleteRateLabel,
    response: z.object({ id: z.string(), mergedInto: z.string(), reason: z.string(), repointed: z.record(z.string(), z.number()) }),
  }),
  createQuickCode: defineRoute({
    method: 'POST', path: '/practice/quick-codes', fn: 'practiceRatesApi', access: 'admin', tag: 'rates',
    summary: 'Create a quick code (a rate label per system role, optional UTBMS codes)', body: CreateQuickCode,
    response: QuickCode, status: 201,
  }),
  listQuickCodes: defineRoute({
    method: 'GET', path: '/practice/quick-codes', fn: 'practiceRatesApi', access: 'read', tag: 'rates',
    summary: 'Quick codes', response: listOf(QuickCode),
  }),

  createTimeEntry: defineRoute({
    method: 'POST', path: '/practice/time-entries', fn: 'practiceTimeApi', access: 'practice', tag: 'time',
    summary: 'Record time; the rate is resolved and stored now', body: CreateTimeEntry, response: TimeEntry, status: 201,
  }),
  listTimeEntries: defineRoute({
    method: 'GET', path: '/practice/time-entries', fn: 'practiceTimeApi', access: 'read', tag: 'time',
    summary: 'Time entries by matter, timekeeper, date range and status', query: TimeEntryQuery, response: listOf(TimeEntry),
  }),
  getTimeEntry: defineRoute({
    method: 'GET', path: '/practice/time-entries/{id}', fn: 'practiceTimeApi', access: 'read', tag: 'time',
    summary: 'A time entry, with why its rate applies and whether it is historic', response: TimeEntry,
  }),
  patchTimeEntry: defineRoute({
    method: 'PATCH', path: '/practice/time-entries/{id}', fn: 'practiceTimeApi', access: 'practice', tag: 'time',
    summary: 'Edit an open entry (409 locked once sent for billing)', body: PatchTimeEntry, response: TimeEntry,
    conditional: true,
  }),

  startTimeExport: defineRoute({
    method: 'POST', path: '/practice/billing/time-exports', fn: 'practiceBillingApi', access: 'practice', tag: 'billing',
    summary: 'Send the open time entries that match to accounting (202 with a time_export job)', body: StartTimeExport,
    response: Job, status: 202,
  }),
  listLedger: defineRoute({
    method: 'GET', path: '/accounting/files/{id}/ledger', fn: 'accountingLedgerApi', access: 'read', tag: 'ledger',
    summary: 'The client ledger of a file', query: LedgerQuery, response: listOf(LedgerEntry),
  }),
  patchLedgerEntry: defineRoute({
    method: 'PATCH', path: '/accounting/ledger-entries/{id}', fn: 'accountingLedgerApi', access: 'accounting', tag: 'ledger',
    summary: 'Adjust an unbilled ledger entry (409 once billed)', body: PatchLedgerEntry, response: LedgerEntry, conditional: true,
  }),
  listNotifications: defineRoute({
    method: 'GET', path: '/accounting/notifications', fn: 'accountingLedgerApi', access: 'read', tag: 'ledger',
    summary: 'Import alerts: how many entries of an export could not be imported', query: ListQuery, response: listOf(Notification),
  }),

  createBill: defineRoute({
    method: 'POST', path: '/accounting/bills', fn: 'accountingBillsApi', access: 'accounting', tag: 'bills',
    summary: 'Draft a bill of a file\'s unbilled billable work and disbursements', body: CreateBill, response: Bill, status: 201,
  }),
  getAccountingBill: defineRoute({
    method: 'GET', path: '/accounting/bills/{id}', fn: 'accountingBillsApi', access: 'read', tag: 'bills',
    summary: 'A bill', response: Bill,
  }),
  patchBill: defineRoute({
    method: 'PATCH', path: '/accounting/bills/{id}', fn: 'accountingBillsApi', access: 'accounting', tag: 'bills',
    summary: 'Edit a draft (description, remove lines); 409 for any other status', body: PatchBill, response: Bill, conditional: true,
  }),
  deleteBill: defineRoute({
    method: 'DELETE', path: '/accounting/bills/{id}', fn: 'accountingBillsApi', access: 'accounting', tag: 'bills',
    summary: 'Delete a draft and free its entries; 409 for any other status', status: 204,
  }),
  approveBill: defineRoute({
    method: 'POST', path: '/accounting/bills/{id}/approve', fn: 'accountingBillsApi', access: 'accounting', tag: 'bills',
    summary: 'Draft → approved (it joins the production list)', response: Bill, conditional: true,
  }),
  productionList: defineRoute({
    method: 'GET', path: '/billing/production', fn: 'billingApi', access: 'read', tag: 'bills',
    summary: 'Approved bills waiting for production', query: ListQuery, response: listOf(Bill),
  }),
  produceBills: defineRoute({
    method: 'POST', path: '/billing/production/produce', fn: 'billingApi', access: 'billing', tag: 'bills',
    summary: 'Produce the named bills, or all approved ones (202 with a bill_production job)', body: BillIds, response: Job, status: 202,
  }),
  revertBills: defineRoute({
    method: 'POST', path: '/billing/production/revert', fn: 'billingApi', access: 'billing', tag: 'bills',
    summary: 'Approved → draft, for the named bills (all or none) or all approved ones', body: BillIds,
    response: z.object({ reverted: z.array(z.string()) }),
  }),
  getBill: defineRoute({
    method: 'GET', path: '/billing/bills/{id}', fn: 'billingApi', access: 'read', tag: 'bills',
    summary: 'A bill with its documents (short-lived links) and deliveries', response: Bill,
  }),
  previewBill: defineRoute({
    method: 'GET', path: '/billing/bills/{id}/preview', fn: 'billDocumentsApi', access: 'read', tag: 'bills',
    summary: 'The invoice PDF as it would be produced, marked as a preview (application/pdf)',
  }),
  ebilling: defineRoute({
    method: 'POST', path: '/billing/ebilling', fn: 'billDocumentsApi', access: 'billing', tag: 'bills',
    summary: 'A LEDES 1998B file per finalized bill, checked before it is stored', body: EbillingRequest,
    response: z.object({ items: z.array(z.object({ billId: z.string(), url: z.string() })) }),
  }),
  emailBill: defineRoute({
    method: 'POST', path: '/billing/bills/{id}/email', fn: 'billEmailApi', access: 'billing', tag: 'bills',
    summary: 'Send a finalized invoice by email', body: EmailRequest, response: Bill,
  }),
  createPayment: defineRoute({
    method: 'POST', path: '/billing/bills/{id}/payments', fn: 'billingApi', access: 'billing', tag: 'bills',
    summary: 'Record a client receipt; more than is owed is a 409', body: CreatePayment, response: Payment, status: 201,
  }),
  getBillingSettings: defineRoute({
    method: 'GET', path: '/billing/settings', fn: 'billingApi', access: 'read', tag: 'settings',
    summary: 'Billing settings', response: BillingSettings,
  }),
  putBillingSettings: defineRoute({
    method: 'PUT', path: '/billing/settings', fn: 'billingApi', access: 'admin', tag: 'settings',
    summary: 'Replace billing settings (scheduled production)', body: BillingSettingsInput, response: BillingSettings, conditional: true,
  }),
} as const;

export type RouteName = keyof typeof routes;
export const allRoutes = (): readonly RouteSpec[] => Object.values(routes);

/** The HTTP routes a function serves. */
export const routesOf = (fn: FunctionName): readonly RouteSpec[] => allRoutes().filter((r) => r.fn === fn);
