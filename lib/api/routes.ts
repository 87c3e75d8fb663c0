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
import {
  CreateMatter,
  Matter,
  MatterBalance,
  MatterInvoice,
  MatterInvoiceListQuery,
  MatterListQuery,
  PatchMatter,
  PutMatterClients,
} from '../practice/matters/schemas.ts';
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
  Aging,
  AgingQuery,
  Bill,
  BillIds,
  BillLine,
  BillListQuery,
  BillingSettings,
  BillingSettingsInput,
  CreateBill,
  CreatePayment,
  EbillingRequest,
  EmailRequest,
  InvoiceListQuery,
  LinesQuery,
  ListedInvoice,
  PatchBill,
  Payment,
  PreviewQuery,
} from '../accounting/bills/schemas.ts';
import { LedgerEntry, LedgerQuery, Notification, PatchLedgerEntry } from '../accounting/ledger/schemas.ts';

/** The groups the routes are listed under (OpenAPI `tags`), in this order. */
export const tags = {
  contacts:
    'Clients and other contacts. Created in either book, each has a twin in the other, numbered by accounting, and a ' +
    '`link` saying how the two stand.',
  matters: 'Practice matters. Each becomes an accounting file once its clients are linked; its number comes back as `fileReference`.',
  files: 'Accounting files: the number, clients and split billing of a matter, its disbursements.',
  time: 'Time entries in practice, each with the rate resolved (and stored) when it was recorded.',
  billing: 'Sending open time entries to accounting, where they are booked into the client ledger.',
  ledger: 'The client ledger in accounting and its import alerts.',
  bills: 'Drafts, approval, production (numbered invoices, PDFs, emails), LEDES files and payments.',
  rates: 'Rate labels and quick codes.',
  users: 'Timekeepers and system roles in practice, users in accounting.',
  settings: 'Settings of each book and of billing.',
  jobs: 'Long-running work (exports, production): status, progress and what failed.',
  meta: 'This description of the API.',
} as const satisfies Record<string, string>;

/**
 * Every route of the HTTP contract (`shared/contract/API.md`), with the
 * function that serves it, who may call it and its schemas. CDK, the local
 * router, the handlers and `/openapi.json` are all built from this list.
 */
export const routes = {
  openapi: defineRoute({
    method: 'GET', path: '/openapi.json', fn: 'openapi', access: 'public', tag: 'meta',
    summary: 'This API as an OpenAPI 3.1 document',
    description: 'Generated from the same zod schemas the handlers parse with, so it cannot drift from them. Needs no token.',
  }),
  getJob: defineRoute({
    method: 'GET', path: '/jobs/{id}', fn: 'jobsApi', access: 'read', tag: 'jobs',
    summary: 'A long-running job and its progress',
    description:
      'Status, progress (`done` of `total` items) and every item that failed, each with a code and what to do. Poll ' +
      'it after a 202 (its `Location`); `reason` says why a job failed as a whole.',
    response: Job,
  }),

  getPracticeSettings: defineRoute({
    method: 'GET', path: '/practice/settings', fn: 'practiceSettingsApi', access: 'read', tag: 'settings',
    summary: 'Practice settings',
    description: 'Practice-wide options. The ETag carries the version to send as If-Match when replacing them.',
    response: PracticeSettings,
  }),
  putPracticeSettings: defineRoute({
    method: 'PUT', path: '/practice/settings', fn: 'practiceSettingsApi', access: 'admin', tag: 'settings',
    summary: 'Replace practice settings',
    description:
      'Replaces practice settings and tells accounting: separate contact numbering applies only while it is on in ' +
      'both books.',
    body: PracticeSettingsInput, response: PracticeSettings, conditional: true,
  }),
  getAccountingSettings: defineRoute({
    method: 'GET', path: '/accounting/settings', fn: 'accountingSettingsApi', access: 'read', tag: 'settings',
    summary: 'Accounting settings',
    description: 'Numbering, firm details shown on invoices, currency and whether the integration is on.',
    response: AccountingSettings,
  }),
  putAccountingSettings: defineRoute({
    method: 'PUT', path: '/accounting/settings', fn: 'accountingSettingsApi', access: 'admin', tag: 'settings',
    summary: 'Replace accounting settings',
    description:
      'Replaces accounting settings. `fileNumbering` (prefix and zero-padded width) numbers new files; firm details ' +
      'appear on invoices.',
    body: AccountingSettingsInput, response: AccountingSettings,
    conditional: true,
  }),

  createPracticeContact: defineRoute({
    method: 'POST', path: '/practice/contacts', fn: 'practiceContactsApi', access: 'practice', tag: 'contacts',
    summary: 'Create a contact in practice; it is sent to accounting',
    description:
      'Answers at once with the contact `pending`; accounting numbers it (or takes the given `reference` if free) and ' +
      'the number comes back. A taken number ends as `link.status = error` with the reason, and no accounting ' +
      'contact.',
    body: CreatePracticeContact,
    response: PracticeContact, status: 201,
  }),
  listPracticeContacts: defineRoute({
    method: 'GET', path: '/practice/contacts', fn: 'practiceContactsApi', access: 'read', tag: 'contacts',
    summary: 'List or search practice contacts',
    description: 'Oldest first, a page at a time (`nextCursor`); `search` matches name, email, phone or number.',
    query: SearchQuery, response: listOf(PracticeContact),
  }),
  getPracticeContact: defineRoute({
    method: 'GET', path: '/practice/contacts/{id}', fn: 'practiceContactsApi', access: 'read', tag: 'contacts',
    summary: 'A practice contact',
    description:
      'With `link`: how it stands with its accounting twin (`pending` while waiting for an answer, `synchronized`, ' +
      '`error` with a code and the reason, `unknown` after no answer).',
    response: PracticeContact,
  }),
  patchPracticeContact: defineRoute({
    method: 'PATCH', path: '/practice/contacts/{id}', fn: 'practiceContactsApi', access: 'practice', tag: 'contacts',
    summary: 'Edit a practice contact; even an empty patch re-sends it',
    description:
      'Edits the common fields and re-sends the contact to accounting (the link turns `pending` until it answers). An ' +
      'empty patch re-sends as it is: the way to retry a link in `error`.',
    body: PatchPracticeContact,
    response: PracticeContact, conditional: true,
  }),

  createAccountingContact: defineRoute({
    method: 'POST', path: '/accounting/contacts', fn: 'accountingContactsApi', access: 'accounting', tag: 'contacts',
    summary: 'Create a contact in accounting; it is sent to practice',
    description: 'Numbered in accounting at once (or as given, if free) and sent to practice, which makes its twin.',
    body: CreateAccountingContact,
    response: AccountingContact, status: 201,
  }),
  listAccountingContacts: defineRoute({
    method: 'GET', path: '/accounting/contacts', fn: 'accountingContactsApi', access: 'read', tag: 'contacts',
    summary: 'List or search accounting contacts',
    description: 'Oldest first, a page at a time (`nextCursor`); `search` matches name, email, phone or number.',
    query: SearchQuery, response: listOf(AccountingContact),
  }),
  getAccountingContact: defineRoute({
    method: 'GET', path: '/accounting/contacts/{id}', fn: 'accountingContactsApi', access: 'read', tag: 'contacts',
    summary: 'An accounting contact',
    description: 'With `link` to its practice twin.',
    response: AccountingContact,
  }),
  patchAccountingContact: defineRoute({
    method: 'PATCH', path: '/accounting/contacts/{id}', fn: 'accountingContactsApi', access: 'accounting',
    tag: 'contacts', summary: 'Edit an accounting contact; the change is sent to practice',
    description:
      'Edits the common fields; the change reaches practice. A concurrent edit in both books settles on practice\'s ' +
      'state.',
    body: PatchAccountingContact, response: AccountingContact, conditional: true,
  }),

  createMatter: defineRoute({
    method: 'POST', path: '/practice/matters', fn: 'practiceMattersApi', access: 'practice', tag: 'matters',
    summary: 'Create a matter; accounting makes its file once the clients are linked',
    description:
      'Answers at once with the matter `pending`. It is sent to accounting once every client is linked; accounting ' +
      'makes the file and its number comes back as `fileReference`. A client that cannot link leaves the matter in ' +
      '`error` (`client_not_linked`) until it is fixed.',
    body: CreateMatter,
    response: Matter, status: 201,
  }),
  listMatters: defineRoute({
    method: 'GET', path: '/practice/matters', fn: 'practiceMattersApi', access: 'read', tag: 'matters',
    summary: 'List or search matters (by name, number or client)',
    description: 'Oldest first, a page at a time; `search` matches name or number, `clientId` picks a client\'s matters.',
    query: MatterListQuery, response: listOf(Matter),
  }),
  getMatter: defineRoute({
    method: 'GET', path: '/practice/matters/{id}', fn: 'practiceMattersApi', access: 'read', tag: 'matters',
    summary: 'A matter; after sync `fileReference` holds the accounting matter number',
    description: 'With its clients (first = primary), billing options and `link` to the accounting file.',
    response: Matter,
  }),
  patchMatter: defineRoute({
    method: 'PATCH', path: '/practice/matters/{id}', fn: 'practiceMattersApi', access: 'practice', tag: 'matters',
    summary: 'Edit a matter (name, number, billing options); it is re-sent',
    description:
      'The change is re-sent to accounting (the link is pending until it answers); a new `fileReference` is kept only ' +
      'if free. Switching LEDES on while open entries lack UTBMS codes is a 409 `uncoded_entries` listing them.',
    body: PatchMatter, response: Matter,
    conditional: true,
  }),
  putMatterClients: defineRoute({
    method: 'PUT', path: '/practice/matters/{id}/clients', fn: 'practiceMattersApi', access: 'practice', tag: 'matters',
    summary: 'Add, remove or reorder clients (first = primary)',
    description:
      'Replaces the client list (first = primary). In accounting, clients who stay keep their share of the split, new ' +
      'ones start at 0.00 and a removed client\'s share goes to the primary.',
    body: PutMatterClients, response: Matter, conditional: true,
  }),
  getMatterBalance: defineRoute({
    method: 'GET', path: '/practice/matters/{id}/balance', fn: 'practiceMattersApi', access: 'read', tag: 'matters',
    summary: 'Unbilled, billed, paid and outstanding, as accounting last reported',
    description:
      'Eventually consistent: accounting announces each new balance and practice keeps the newest; `updatedAt` says ' +
      'when it was last told.',
    response: MatterBalance,
  }),
  listMatterInvoices: defineRoute({
    method: 'GET', path: '/practice/matters/{id}/invoices', fn: 'practiceMattersApi', access: 'read', tag: 'matters',
    summary: 'The matter\'s invoices, as accounting last reported them',
    description:
      'Eventually consistent: accounting reports a bill\'s invoices each time they change (posted, paid, reverted, ' +
      'voided) and practice keeps the newest report of each bill. Sorted by invoice number, a page at a time; ' +
      '`overdue` is an open invoice past its due date.',
    query: MatterInvoiceListQuery, response: listOf(MatterInvoice),
  }),

  listFiles: defineRoute({
    method: 'GET', path: '/accounting/files', fn: 'accountingFilesApi', access: 'read', tag: 'files',
    summary: 'List or search files (by name or matter number)',
    description: 'Oldest first, a page at a time; `search` matches name or matter number.',
    query: SearchQuery, response: listOf(AccountingFile),
  }),
  getFile: defineRoute({
    method: 'GET', path: '/accounting/files/{id}', fn: 'accountingFilesApi', access: 'read', tag: 'files',
    summary: 'A file: number, clients, primary client and split',
    description: 'The accounting side of a matter: number, clients, primary client and the split of billing between clients.',
    response: AccountingFile,
  }),
  putFileAllocations: defineRoute({
    method: 'PUT', path: '/accounting/files/{id}/allocations', fn: 'accountingFilesApi', access: 'accounting', tag: 'files',
    summary: 'Split billing: percents of the file\'s clients, two decimals, summing to exactly 100',
    description:
      'Percents of the file\'s clients, two decimals each, adding up to exactly 100.00; anything else is a 400 and ' +
      'changes nothing.',
    body: PutAllocations,
    response: AccountingFile, conditional: true,
  }),
  putFileClients: defineRoute({
    method: 'PUT', path: '/accounting/files/{id}/clients', fn: 'accountingFilesApi', access: 'accounting', tag: 'files',
    summary: 'Refused (409 restricted): clients are changed in practice',
    description:
      'Always 409 `restricted`: a file\'s clients follow the matter\'s in practice (PUT ' +
      '/practice/matters/{id}/clients).',
  }),
  putFilePrimaryClient: defineRoute({
    method: 'PUT', path: '/accounting/files/{id}/primary-client', fn: 'accountingFilesApi', access: 'accounting', tag: 'files',
    summary: 'Refused (409 restricted): the primary client is changed in practice',
    description: 'Always 409 `restricted`: the primary client is the first client of the matter in practice.',
  }),
  createDisbursement: defineRoute({
    method: 'POST', path: '/accounting/files/{id}/disbursements', fn: 'accountingFilesApi', access: 'accounting', tag: 'files',
    summary: 'Record a disbursement (expense) on a file',
    description:
      'An expense billed with the file\'s next bill; the file\'s unbilled balance moves with it (and practice\'s copy ' +
      'of the balance follows).',
    body: CreateDisbursement, response: Disbursement, status: 201,
  }),
  listDisbursements: defineRoute({
    method: 'GET', path: '/accounting/files/{id}/disbursements', fn: 'accountingFilesApi', access: 'read', tag: 'files',
    summary: 'The disbursements of a file',
    description: 'A page at a time, oldest first.',
    query: ListQuery, response: listOf(Disbursement),
  }),

  createUser: defineRoute({
    method: 'POST', path: '/practice/users', fn: 'practiceUsersApi', access: 'admin', tag: 'users',
    summary: 'Create a timekeeper',
    description:
      'A timekeeper. The email is unique in the firm (409 `duplicate_email`); exported time is booked to the ' +
      'accounting user with the same email.',
    body: CreateUser, response: User, status: 201,
  }),
  listUsers: defineRoute({
    method: 'GET', path: '/practice/users', fn: 'practiceUsersApi', access: 'read', tag: 'users',
    summary: 'Timekeepers',
    description: 'A page at a time, oldest first.',
    query: ListQuery, response: listOf(User),
  }),
  patchUser: defineRoute({
    method: 'PATCH', path: '/practice/users/{id}', fn: 'practiceUsersApi', access: 'admin', tag: 'users',
    summary: 'Edit a timekeeper',
    description: 'Changing the email re-claims it (409 `duplicate_email` if taken).',
    body: PatchUser, response: User, conditional: true,
  }),
  putSystemRole: defineRoute({
    method: 'PUT', path: '/practice/system-roles/{id}', fn: 'practiceUsersApi', access: 'admin', tag: 'users',
    summary: 'Create or replace a system role',
    description:
      'A role quick codes can give a rate label for. Creates it if new; replaces it otherwise (If-Match guards a ' +
      'replacement).',
    body: PutSystemRole, response: SystemRole, conditional: true,
  }),
  listSystemRoles: defineRoute({
    method: 'GET', path: '/practice/system-roles', fn: 'practiceUsersApi', access: 'read', tag: 'users',
    summary: 'System roles',
    description: 'Every system role of the firm.',
    response: listOf(SystemRole),
  }),
  createAccountingUser: defineRoute({
    method: 'POST', path: '/accounting/users', fn: 'accountingUsersApi', access: 'admin', tag: 'users',
    summary: 'Create an accounting user (time is booked to the one with the timekeeper\'s email)',
    description:
      'Time exported from practice is booked to the accounting user whose email matches the timekeeper\'s, ' +
      'case-insensitive; without one the entry is refused (`timekeeper_not_in_accounting`).',
    body: CreateAccountingUser, response: AccountingUser, status: 201,
  }),
  listAccountingUsers: defineRoute({
    method: 'GET', path: '/accounting/users', fn: 'accountingUsersApi', access: 'read', tag: 'users',
    summary: 'Accounting users',
    description: 'A page at a time, oldest first.',
    query: ListQuery, response: listOf(AccountingUser),
  }),

  createRateLabel: defineRoute({
    method: 'POST', path: '/practice/rate-labels', fn: 'practiceRatesApi', access: 'admin', tag: 'rates',
    summary: 'Create a rate label (hourly, the default, fixed or custom)',
    description:
      'Names are unique, case-insensitive (409 `duplicate_name`). An entry is worth a fixed label\'s value as it ' +
      'stands, or another label\'s value times its billable hours.',
    body: CreateRateLabel, response: RateLabel, status: 201,
  }),
  listRateLabels: defineRoute({
    method: 'GET', path: '/practice/rate-labels', fn: 'practiceRatesApi', access: 'read', tag: 'rates',
    summary: 'Rate labels (not deleted), by name',
    description: 'Every label not deleted, by name, with its timekeeper values.',
    response: listOf(RateLabel),
  }),
  patchRateLabel: defineRoute({
    method: 'PATCH', path: '/practice/rate-labels/{id}', fn: 'practiceRatesApi', access: 'admin', tag: 'rates',
    summary: 'Edit a rate label (name, value, active, timekeeper values)',
    description: 'New values apply to entries recorded from now on: stored entry rates never change.',
    body: PatchRateLabel, response: RateLabel,
    conditional: true,
  }),
  deleteRateLabel: defineRoute({
    method: 'DELETE', path: '/practice/rate-labels/{id}', fn: 'practiceRatesApi', access: 'admin', tag: 'rates',
    summary: 'Delete a label by merging it into another; references move, stored entry rates stay',
    description:
      'Merges the label into `mergeIntoId`: every user, system role, quick code, matter and contact that named it ' +
      'moves to the other label (counted in `repointed`); entries keep the rate they stored.',
    body: DeleteRateLabel,
    response: z.object({ id: z.string(), mergedInto: z.string(), reason: z.string(), repointed: z.record(z.string(), z.number()) }),
  }),
  createQuickCode: defineRoute({
    method: 'POST', path: '/practice/quick-codes', fn: 'practiceRatesApi', access: 'admin', tag: 'rates',
    summary: 'Create a quick code (a rate label per system role, optional UTBMS codes)',
    description: 'A shortcut for time entry: per system role, the rate label to use, and optional UTBMS task and activity codes.',
    body: CreateQuickCode,
    response: QuickCode, status: 201,
  }),
  listQuickCodes: defineRoute({
    method: 'GET', path: '/practice/quick-codes', fn: 'practiceRatesApi', access: 'read', tag: 'rates',
    summary: 'Quick codes',
    description: 'Every quick code of the firm.',
    response: listOf(QuickCode),
  }),

  createTimeEntry: defineRoute({
    method: 'POST', path: '/practice/time-entries', fn: 'practiceTimeApi', access: 'practice', tag: 'time',
    summary: 'Record time; the rate is resolved and stored now',
    description:
      'The rate is resolved now (which label and value apply, and why) and stored with the entry, so later rate ' +
      'changes never alter it.',
    body: CreateTimeEntry, response: TimeEntry, status: 201,
  }),
  listTimeEntries: defineRoute({
    method: 'GET', path: '/practice/time-entries', fn: 'practiceTimeApi', access: 'read', tag: 'time',
    summary: 'Time entries by matter, timekeeper, date range and status',
    description: 'Filter by matter, timekeeper, date range (`from`, `to`) and status; a page at a time, by date.',
    query: TimeEntryQuery, response: listOf(TimeEntry),
  }),
  getTimeEntry: defineRoute({
    method: 'GET', path: '/practice/time-entries/{id}', fn: 'practiceTimeApi', access: 'read', tag: 'time',
    summary: 'A time entry, with why its rate applies and whether it is historic',
    description:
      'With the rate it stored, why that rate applies (`labelSource`, `valueSource`) and whether it is `historic` ' +
      '(today\'s rules would give another rate).',
    response: TimeEntry,
  }),
  patchTimeEntry: defineRoute({
    method: 'PATCH', path: '/practice/time-entries/{id}', fn: 'practiceTimeApi', access: 'practice', tag: 'time',
    summary: 'Edit an open entry (409 locked once sent for billing)',
    description: 'Only while the entry is open: once sent for billing it is locked (409 `locked`).',
    body: PatchTimeEntry, response: TimeEntry,
    conditional: true,
  }),

  startTimeExport: defineRoute({
    method: 'POST', path: '/practice/billing/time-exports', fn: 'practiceBillingApi', access: 'practice', tag: 'billing',
    summary: 'Send the open time entries that match to accounting (202 with a time_export job)',
    description:
      'Answers 202 at once with a `time_export` job (`Location`: /jobs/{id}). The open entries that match are locked ' +
      'and sent in batches; each is booked into the ledger, or refused with a code on the job (the entry stays open) ' +
      'and counted in an import alert.',
    body: StartTimeExport,
    response: Job, status: 202,
  }),
  listLedger: defineRoute({
    method: 'GET', path: '/accounting/files/{id}/ledger', fn: 'accountingLedgerApi', access: 'read', tag: 'ledger',
    summary: 'The client ledger of a file',
    description: 'The file\'s ledger entries by date; `status` picks unbilled or billed ones.',
    query: LedgerQuery, response: listOf(LedgerEntry),
  }),
  patchLedgerEntry: defineRoute({
    method: 'PATCH', path: '/accounting/ledger-entries/{id}', fn: 'accountingLedgerApi', access: 'accounting', tag: 'ledger',
    summary: 'Adjust an unbilled ledger entry (409 once billed)',
    description:
      'Description, hours, rate or type of an entry not yet billed; the amount is recomputed and the file\'s unbilled ' +
      'balance moves with it. A billed entry is a 409 `locked`.',
    body: PatchLedgerEntry, response: LedgerEntry, conditional: true,
  }),
  listNotifications: defineRoute({
    method: 'GET', path: '/accounting/notifications', fn: 'accountingLedgerApi', access: 'read', tag: 'ledger',
    summary: 'Import alerts: how many entries of an export could not be imported',
    description: 'One alert per export with refused entries, naming the job that lists each entry and how to fix it.',
    query: ListQuery, response: listOf(Notification),
  }),

  createBill: defineRoute({
    method: 'POST', path: '/accounting/bills', fn: 'accountingBillsApi', access: 'accounting', tag: 'bills',
    summary: 'Draft a bill of a file\'s unbilled billable work and disbursements',
    description:
      'A draft of the file\'s unbilled billable time and disbursements (up to `throughDate`, if given), of any size ' +
      '(lines are paged). A file has one draft at a time (409 `bill_open`); nothing to bill is a 409 `nothing_to_bill`.',
    body: CreateBill, response: Bill, status: 201,
  }),
  getAccountingBill: defineRoute({
    method: 'GET', path: '/accounting/bills/{id}', fn: 'accountingBillsApi', access: 'read', tag: 'bills',
    summary: 'A bill',
    description: 'Figures, status, invoices and the first 500 lines (`linesNextCursor` pages the rest at /billing/bills/{id}/lines).',
    response: Bill,
  }),
  patchBill: defineRoute({
    method: 'PATCH', path: '/accounting/bills/{id}', fn: 'accountingBillsApi', access: 'accounting', tag: 'bills',
    summary: 'Edit a draft: description, lines removed, write-downs and write-ups, a discount; 409 for any other status',
    description:
      'Only a draft. `adjustments` write a line down (negative) or up by an amount or a percent of its amount, with a ' +
      'reason; `discount` (an amount or a percent of the fees, with a reason; `null` removes it) is spread over the fee ' +
      'lines to the cent. At most 98 lines removed or adjusted a request. A line written below zero or a discount above ' +
      'the fees is a 409.',
    body: PatchBill, response: Bill, conditional: true,
  }),
  deleteBill: defineRoute({
    method: 'DELETE', path: '/accounting/bills/{id}', fn: 'accountingBillsApi', access: 'accounting', tag: 'bills',
    summary: 'Delete a draft and free its entries; 409 for any other status',
    description: 'Only a draft; its entries and disbursements are free for the next bill. Invoice numbers it held (it was posted, then reverted) become `void`.',
    status: 204,
  }),
  approveBill: defineRoute({
    method: 'POST', path: '/accounting/bills/{id}/approve', fn: 'accountingBillsApi', access: 'accounting', tag: 'bills',
    summary: 'Approve = post: the invoices (one per client share, gap-free numbers), the receivable, entries billed',
    description:
      'Posts the draft in one transaction: an invoice per client with a share, numbered from the firm\'s gap-free ' +
      'sequence, its due date from the terms; the file balance unbilled → billed; every line\'s ledger entry and ' +
      'disbursement billed (an entry changed since drafting refuses it: 409 `entries_changed` naming the lines); ' +
      'practice told. The bill joins the production list. Approving it again is a 409.',
    response: Bill, conditional: true,
  }),
  productionList: defineRoute({
    method: 'GET', path: '/billing/production', fn: 'billingApi', access: 'read', tag: 'bills',
    summary: 'Approved bills waiting for production',
    description: 'Approved bills waiting for production, oldest first (summaries: lines are read on the bill).',
    query: ListQuery, response: listOf(Bill),
  }),
  produceBills: defineRoute({
    method: 'POST', path: '/billing/production/produce', fn: 'billingApi', access: 'billing', tag: 'bills',
    summary: 'Produce the named bills, or all approved ones (202 with a bill_production job)',
    description:
      'Answers 202 at once with a `bill_production` job (`Location`: /jobs/{id}). Each bill\'s invoice PDFs are stored, ' +
      'its clients emailed when its matter asks for it, and it turns `finalized`; a bill that fails is listed on the job.',
    body: BillIds, bodyOptional: true, response: Job, status: 202,
  }),
  revertBills: defineRoute({
    method: 'POST', path: '/billing/production/revert', fn: 'billingApi', access: 'billing', tag: 'bills',
    summary: 'Un-post the named bills, or all approved ones: back to draft, keeping their invoice numbers',
    description:
      'Approved bills, or finalized ones with nothing paid, go back to draft: receivable reversed, entries unbilled, ' +
      'their invoice numbers held for their next approval, documents kept as earlier versions. A named bill that cannot ' +
      'be reverted (a payment, not posted) is a 409 and nothing changes; one a race changes meanwhile is under `failed`.',
    body: BillIds, bodyOptional: true,
    response: z.object({ reverted: z.array(z.string()), failed: z.array(z.object({ billId: z.string(), code: z.string(), message: z.string() })) }),
  }),
  previewProduction: defineRoute({
    method: 'POST', path: '/billing/production/preview', fn: 'billDocumentsApi', access: 'read', tag: 'bills',
    summary: 'One PDF of every invoice of the named bills, or of all approved ones (application/pdf)',
    description: 'Every invoice of those bills as production would make it, in one PDF, marked as a preview. At most 100 bills.',
    body: BillIds, bodyOptional: true, produces: 'application/pdf',
  }),
  listBills: defineRoute({
    method: 'GET', path: '/billing/bills', fn: 'billingApi', access: 'read', tag: 'bills',
    summary: 'The bills list, by bill date, with filters',
    description:
      'By bill date (the invoice date once posted, else the day drafted): `status`, `fileId`, `contactId` (bills with ' +
      'an invoice or share for that client), `from`/`to` (bill dates, inclusive), `overdue=true`. Summaries without lines.',
    query: BillListQuery, response: listOf(Bill),
  }),
  getBill: defineRoute({
    method: 'GET', path: '/billing/bills/{id}', fn: 'billingApi', access: 'read', tag: 'bills',
    summary: 'A bill with its invoices, documents (short-lived links) and deliveries',
    description: 'With its invoices, stored documents (links valid for 15 minutes), the emails sent and its first 500 lines.',
    response: Bill,
  }),
  billLines: defineRoute({
    method: 'GET', path: '/billing/bills/{id}/lines', fn: 'billingApi', access: 'read', tag: 'bills',
    summary: 'A page of a bill\'s lines, in bill order',
    description: 'Each line with its recorded amount, its adjustment (own write-down or write-up and share of the discount) and what it bills.',
    query: LinesQuery, response: listOf(BillLine),
  }),
  listInvoices: defineRoute({
    method: 'GET', path: '/billing/invoices', fn: 'billingApi', access: 'read', tag: 'bills',
    summary: 'Every invoice number of the firm, void ones included',
    description: 'By invoice number: `status` (open, paid, void), `contactId`, `fileId`, `overdue=true`. A void number says why and when.',
    query: InvoiceListQuery, response: listOf(ListedInvoice),
  }),
  aging: defineRoute({
    method: 'GET', path: '/billing/aging', fn: 'billingApi', access: 'read', tag: 'bills',
    summary: 'What each client owes, by days past due',
    description: 'As of `asOf` (default today): each client\'s outstanding invoices in the buckets current, 1-30, 31-60, 61-90 and 90+ days past due, with totals.',
    query: AgingQuery, response: Aging,
  }),
  previewBill: defineRoute({
    method: 'GET', path: '/billing/bills/{id}/preview', fn: 'billDocumentsApi', access: 'read', tag: 'bills',
    summary: 'One client\'s invoice PDF as it would be produced (application/pdf)',
    description:
      'The invoice of `contactId` (default the primary client) as production renders it, marked as a preview until ' +
      'the bill is produced. Not stored; answered inline.',
    query: PreviewQuery, produces: 'application/pdf',
  }),
  ebilling: defineRoute({
    method: 'POST', path: '/billing/ebilling', fn: 'billDocumentsApi', access: 'billing', tag: 'bills',
    summary: 'A LEDES 1998B file per invoice of approved or finalized bills, checked before it is stored',
    description:
      'One file per invoice: that client\'s number, its own invoice number and total, lines adjusted to its share. ' +
      'Checked against the format\'s rules before anything is stored (409 `ledes_invalid` listing every problem); a ' +
      'matter without `ledesEnabled` is a 409.',
    body: EbillingRequest,
    response: z.object({ items: z.array(z.object({ billId: z.string(), contactId: z.string(), invoiceNumber: z.string(), url: z.string() })) }),
  }),
  emailBill: defineRoute({
    method: 'POST', path: '/billing/bills/{id}/email', fn: 'billEmailApi', access: 'billing', tag: 'bills',
    summary: 'Email an approved or finalized bill\'s invoices by hand',
    description:
      'Sends the invoice of `contactId`, or of the client at `to`, or every invoiced client\'s with an address (409 ' +
      '`no_recipient` if none; a 0.00 invoice only when its client is named by `contactId` or `to`). `message` is ' +
      'added to the standard text. `subject` and `to` become mail headers, so each is one line: CR, LF or another ' +
      'control character in either is a 400 naming the field, and nothing is sent.',
    body: EmailRequest, response: Bill,
  }),
  createPayment: defineRoute({
    method: 'POST', path: '/billing/bills/{id}/payments', fn: 'billingApi', access: 'billing', tag: 'bills',
    summary: 'Record a client\'s payment on its invoice; more than it owes is a 409',
    description:
      'On an approved or finalized bill: applied to the paying client\'s invoice (`contactId`, default the primary\'s); ' +
      'more than that invoice\'s outstanding is a 409 `overpayment`. The bill is `paid` once produced and every invoice paid.',
    body: CreatePayment, response: Payment, status: 201,
  }),
  getBillingSettings: defineRoute({
    method: 'GET', path: '/billing/settings', fn: 'billingApi', access: 'read', tag: 'settings',
    summary: 'Billing settings',
    description: 'Whether scheduled production is on.',
    response: BillingSettings,
  }),
  putBillingSettings: defineRoute({
    method: 'PUT', path: '/billing/settings', fn: 'billingApi', access: 'admin', tag: 'settings',
    summary: 'Replace billing settings (scheduled production)',
    description: 'With `scheduledProduction` on, a daily run produces every approved bill of the firm.',
    body: BillingSettingsInput, response: BillingSettings, conditional: true,
  }),
} as const;

export type RouteName = keyof typeof routes;
export const allRoutes = (): readonly RouteSpec[] => Object.values(routes);

/** The HTTP routes a function serves. */
export const routesOf = (fn: FunctionName): readonly RouteSpec[] => allRoutes().filter((r) => r.fn === fn);
