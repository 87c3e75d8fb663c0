// Generated from /openapi.json by examples/typescript-client/generate.ts. Do not edit: npm run client:generate.
export interface paths {
    "/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * This API as an OpenAPI 3.1 document
         * @description Generated from the same zod schemas the handlers parse with, so it cannot drift from them. Needs no token.
         */
        get: operations["openapi"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/jobs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A long-running job and its progress
         * @description Status, progress (`done` of `total` items) and every item that failed, each with a code and what to do. Poll it after a 202 (its `Location`); `reason` says why a job failed as a whole.
         */
        get: operations["getJob"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/practice/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Practice settings
         * @description Practice-wide options. The ETag carries the version to send as If-Match when replacing them.
         */
        get: operations["getPracticeSettings"];
        /**
         * Replace practice settings
         * @description Replaces practice settings and tells accounting: separate contact numbering applies only while it is on in both books.
         */
        put: operations["putPracticeSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/accounting/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Accounting settings
         * @description Numbering, firm details shown on invoices, currency and whether the integration is on.
         */
        get: operations["getAccountingSettings"];
        /**
         * Replace accounting settings
         * @description Replaces accounting settings. `fileNumbering` (prefix and zero-padded width) numbers new files; firm details appear on invoices.
         */
        put: operations["putAccountingSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/practice/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List or search practice contacts
         * @description Oldest first, a page at a time (`nextCursor`); `search` matches name, email, phone or number.
         */
        get: operations["listPracticeContacts"];
        put?: never;
        /**
         * Create a contact in practice; it is sent to accounting
         * @description Answers at once with the contact `pending`; accounting numbers it (or takes the given `reference` if free) and the number comes back. A taken number ends as `link.status = error` with the reason, and no accounting contact.
         */
        post: operations["createPracticeContact"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/practice/contacts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A practice contact
         * @description With `link`: how it stands with its accounting twin (`pending` while waiting for an answer, `synchronized`, `error` with a code and the reason, `unknown` after no answer).
         */
        get: operations["getPracticeContact"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Edit a practice contact; even an empty patch re-sends it
         * @description Edits the common fields and re-sends the contact to accounting (the link turns `pending` until it answers). An empty patch re-sends as it is: the way to retry a link in `error`.
         */
        patch: operations["patchPracticeContact"];
        trace?: never;
    };
    "/accounting/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List or search accounting contacts
         * @description Oldest first, a page at a time (`nextCursor`); `search` matches name, email, phone or number.
         */
        get: operations["listAccountingContacts"];
        put?: never;
        /**
         * Create a contact in accounting; it is sent to practice
         * @description Numbered in accounting at once (or as given, if free) and sent to practice, which makes its twin.
         */
        post: operations["createAccountingContact"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/accounting/contacts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An accounting contact
         * @description With `link` to its practice twin.
         */
        get: operations["getAccountingContact"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Edit an accounting contact; the change is sent to practice
         * @description Edits the common fields; the change reaches practice. A concurrent edit in both books settles on practice's state.
         */
        patch: operations["patchAccountingContact"];
        trace?: never;
    };
    "/practice/matters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List or search matters (by name, number or client)
         * @description Oldest first, a page at a time; `search` matches name or number, `clientId` picks a client's matters.
         */
        get: operations["listMatters"];
        put?: never;
        /**
         * Create a matter; accounting makes its file once the clients are linked
         * @description Answers at once with the matter `pending`. It is sent to accounting once every client is linked; accounting makes the file and its number comes back as `fileReference`. A client that cannot link leaves the matter in `error` (`client_not_linked`) until it is fixed.
         */
        post: operations["createMatter"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/practice/matters/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A matter; after sync `fileReference` holds the accounting matter number
         * @description With its clients (first = primary), billing options and `link` to the accounting file.
         */
        get: operations["getMatter"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Edit a matter (name, number, billing options); it is re-sent
         * @description The change is re-sent to accounting (the link is pending until it answers); a new `fileReference` is kept only if free. Switching LEDES on while open entries lack UTBMS codes is a 409 `uncoded_entries` listing them.
         */
        patch: operations["patchMatter"];
        trace?: never;
    };
    "/practice/matters/{id}/clients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Add, remove or reorder clients (first = primary)
         * @description Replaces the client list (first = primary). In accounting, clients who stay keep their share of the split, new ones start at 0.00 and a removed client's share goes to the primary.
         */
        put: operations["putMatterClients"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/practice/matters/{id}/balance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Unbilled, billed, paid and outstanding, as accounting last reported
         * @description Eventually consistent: accounting announces each new balance and practice keeps the newest; `updatedAt` says when it was last told.
         */
        get: operations["getMatterBalance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/practice/matters/{id}/invoices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The matter's invoices, as accounting last reported them
         * @description Eventually consistent: accounting reports a bill's invoices each time they change (posted, paid, reverted, voided) and practice keeps the newest report of each bill. Sorted by invoice number, a page at a time; `overdue` is an open invoice past its due date.
         */
        get: operations["listMatterInvoices"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/accounting/files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List or search files (by name or matter number)
         * @description Oldest first, a page at a time; `search` matches name or matter number.
         */
        get: operations["listFiles"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/accounting/files/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A file: number, clients, primary client and split
         * @description The accounting side of a matter: number, clients, primary client and the split of billing between clients.
         */
        get: operations["getFile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/accounting/files/{id}/allocations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Split billing: percents of the file's clients, two decimals, summing to exactly 100
         * @description Percents of the file's clients, two decimals each, adding up to exactly 100.00; anything else is a 400 and changes nothing.
         */
        put: operations["putFileAllocations"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/accounting/files/{id}/clients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Refused (409 restricted): clients are changed in practice
         * @description Always 409 `restricted`: a file's clients follow the matter's in practice (PUT /practice/matters/{id}/clients).
         */
        put: operations["putFileClients"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/accounting/files/{id}/primary-client": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Refused (409 restricted): the primary client is changed in practice
         * @description Always 409 `restricted`: the primary client is the first client of the matter in practice.
         */
        put: operations["putFilePrimaryClient"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/accounting/files/{id}/disbursements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The disbursements of a file
         * @description A page at a time, oldest first.
         */
        get: operations["listDisbursements"];
        put?: never;
        /**
         * Record a disbursement (expense) on a file
         * @description An expense billed with the file's next bill; the file's unbilled balance moves with it (and practice's copy of the balance follows).
         */
        post: operations["createDisbursement"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/practice/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Timekeepers
         * @description A page at a time, oldest first.
         */
        get: operations["listUsers"];
        put?: never;
        /**
         * Create a timekeeper
         * @description A timekeeper. The email is unique in the firm (409 `duplicate_email`); exported time is booked to the accounting user with the same email.
         */
        post: operations["createUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/practice/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Edit a timekeeper
         * @description Changing the email re-claims it (409 `duplicate_email` if taken).
         */
        patch: operations["patchUser"];
        trace?: never;
    };
    "/practice/system-roles/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Create or replace a system role
         * @description A role quick codes can give a rate label for. Creates it if new; replaces it otherwise (If-Match guards a replacement).
         */
        put: operations["putSystemRole"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/practice/system-roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * System roles
         * @description Every system role of the firm.
         */
        get: operations["listSystemRoles"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/accounting/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Accounting users
         * @description A page at a time, oldest first.
         */
        get: operations["listAccountingUsers"];
        put?: never;
        /**
         * Create an accounting user (time is booked to the one with the timekeeper's email)
         * @description Time exported from practice is booked to the accounting user whose email matches the timekeeper's, case-insensitive; without one the entry is refused (`timekeeper_not_in_accounting`).
         */
        post: operations["createAccountingUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/practice/rate-labels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Rate labels (not deleted), by name
         * @description Every label not deleted, by name, with its timekeeper values.
         */
        get: operations["listRateLabels"];
        put?: never;
        /**
         * Create a rate label (hourly, the default, fixed or custom)
         * @description Names are unique, case-insensitive (409 `duplicate_name`). An entry is worth a fixed label's value as it stands, or another label's value times its billable hours.
         */
        post: operations["createRateLabel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/practice/rate-labels/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete a label by merging it into another; references move, stored entry rates stay
         * @description Merges the label into `mergeIntoId`: every user, system role, quick code, matter and contact that named it moves to the other label (counted in `repointed`); entries keep the rate they stored.
         */
        delete: operations["deleteRateLabel"];
        options?: never;
        head?: never;
        /**
         * Edit a rate label (name, value, active, timekeeper values)
         * @description New values apply to entries recorded from now on: stored entry rates never change.
         */
        patch: operations["patchRateLabel"];
        trace?: never;
    };
    "/practice/quick-codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Quick codes
         * @description Every quick code of the firm.
         */
        get: operations["listQuickCodes"];
        put?: never;
        /**
         * Create a quick code (a rate label per system role, optional UTBMS codes)
         * @description A shortcut for time entry: per system role, the rate label to use, and optional UTBMS task and activity codes.
         */
        post: operations["createQuickCode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/practice/time-entries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Time entries by matter, timekeeper, date range and status
         * @description Filter by matter, timekeeper, date range (`from`, `to`) and status; a page at a time, by date.
         */
        get: operations["listTimeEntries"];
        put?: never;
        /**
         * Record time; the rate is resolved and stored now
         * @description The rate is resolved now (which label and value apply, and why) and stored with the entry, so later rate changes never alter it.
         */
        post: operations["createTimeEntry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/practice/time-entries/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A time entry, with why its rate applies and whether it is historic
         * @description With the rate it stored, why that rate applies (`labelSource`, `valueSource`) and whether it is `historic` (today's rules would give another rate).
         */
        get: operations["getTimeEntry"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Edit an open entry (409 locked once sent for billing)
         * @description Only while the entry is open: once sent for billing it is locked (409 `locked`).
         */
        patch: operations["patchTimeEntry"];
        trace?: never;
    };
    "/practice/billing/time-exports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send the open time entries that match to accounting (202 with a time_export job)
         * @description Answers 202 at once with a `time_export` job (`Location`: /jobs/{id}). The open entries that match are locked and sent in batches; each is booked into the ledger, or refused with a code on the job (the entry stays open) and counted in an import alert.
         */
        post: operations["startTimeExport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/accounting/files/{id}/ledger": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The client ledger of a file
         * @description The file's ledger entries by date; `status` picks unbilled or billed ones.
         */
        get: operations["listLedger"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/accounting/ledger-entries/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Adjust an unbilled ledger entry (409 once billed)
         * @description Description, hours, rate or type of an entry not yet billed; the amount is recomputed and the file's unbilled balance moves with it. A billed entry is a 409 `locked`.
         */
        patch: operations["patchLedgerEntry"];
        trace?: never;
    };
    "/accounting/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Import alerts: how many entries of an export could not be imported
         * @description One alert per export with refused entries, naming the job that lists each entry and how to fix it.
         */
        get: operations["listNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/accounting/bills": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Draft a bill of a file's unbilled billable work and disbursements
         * @description A draft of the file's unbilled billable time and disbursements (up to `throughDate`, if given), of any size (lines are paged). A file has one draft at a time (409 `bill_open`); nothing to bill is a 409 `nothing_to_bill`.
         */
        post: operations["createBill"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/accounting/bills/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A bill
         * @description Figures, status, invoices and the first 500 lines (`linesNextCursor` pages the rest at /billing/bills/{id}/lines).
         */
        get: operations["getAccountingBill"];
        put?: never;
        post?: never;
        /**
         * Delete a draft and free its entries; 409 for any other status
         * @description Only a draft; its entries and disbursements are free for the next bill. Invoice numbers it held (it was posted, then reverted) become `void`.
         */
        delete: operations["deleteBill"];
        options?: never;
        head?: never;
        /**
         * Edit a draft: description, lines removed, write-downs and write-ups, a discount; 409 for any other status
         * @description Only a draft. `adjustments` write a line down (negative) or up by an amount or a percent of its amount, with a reason; `discount` (an amount or a percent of the fees, with a reason; `null` removes it) is spread over the fee lines to the cent. At most 98 lines removed or adjusted a request. A line written below zero or a discount above the fees is a 409.
         */
        patch: operations["patchBill"];
        trace?: never;
    };
    "/accounting/bills/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve = post: the invoices (one per client share, gap-free numbers), the receivable, entries billed
         * @description Posts the draft in one transaction: an invoice per client with a share, numbered from the firm's gap-free sequence, its due date from the terms; the file balance unbilled → billed; every line's ledger entry and disbursement billed (an entry changed since drafting refuses it: 409 `entries_changed` naming the lines); practice told. The bill joins the production list. Approving it again is a 409.
         */
        post: operations["approveBill"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/billing/production": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Approved bills waiting for production
         * @description Approved bills waiting for production, oldest first (summaries: lines are read on the bill).
         */
        get: operations["productionList"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/billing/production/produce": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Produce the named bills, or all approved ones (202 with a bill_production job)
         * @description Answers 202 at once with a `bill_production` job (`Location`: /jobs/{id}). Each bill's invoice PDFs are stored, its clients emailed when its matter asks for it, and it turns `finalized`; a bill that fails is listed on the job.
         */
        post: operations["produceBills"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/billing/production/revert": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Un-post the named bills, or all approved ones: back to draft, keeping their invoice numbers
         * @description Approved bills, or finalized ones with nothing paid, go back to draft: receivable reversed, entries unbilled, their invoice numbers held for their next approval, documents kept as earlier versions. A named bill that cannot be reverted (a payment, not posted) is a 409 and nothing changes; one a race changes meanwhile is under `failed`.
         */
        post: operations["revertBills"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/billing/production/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * One PDF of every invoice of the named bills, or of all approved ones (application/pdf)
         * @description Every invoice of those bills as production would make it, in one PDF, marked as a preview. At most 100 bills.
         */
        post: operations["previewProduction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/billing/bills": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The bills list, by bill date, with filters
         * @description By bill date (the invoice date once posted, else the day drafted): `status`, `fileId`, `contactId` (bills with an invoice or share for that client), `from`/`to` (bill dates, inclusive), `overdue=true`. Summaries without lines.
         */
        get: operations["listBills"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/billing/bills/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A bill with its invoices, documents (short-lived links) and deliveries
         * @description With its invoices, stored documents (links valid for 15 minutes), the emails sent and its first 500 lines.
         */
        get: operations["getBill"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/billing/bills/{id}/lines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A page of a bill's lines, in bill order
         * @description Each line with its recorded amount, its adjustment (own write-down or write-up and share of the discount) and what it bills.
         */
        get: operations["billLines"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/billing/invoices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every invoice number of the firm, void ones included
         * @description By invoice number: `status` (open, paid, void), `contactId`, `fileId`, `overdue=true`. A void number says why and when.
         */
        get: operations["listInvoices"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/billing/aging": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What each client owes, by days past due
         * @description As of `asOf` (default today): each client's outstanding invoices in the buckets current, 1-30, 31-60, 61-90 and 90+ days past due, with totals.
         */
        get: operations["aging"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/billing/bills/{id}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One client's invoice PDF as it would be produced (application/pdf)
         * @description The invoice of `contactId` (default the primary client) as production renders it, marked as a preview until the bill is produced. Not stored; answered inline.
         */
        get: operations["previewBill"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/billing/ebilling": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A LEDES 1998B file per invoice of approved or finalized bills, checked before it is stored
         * @description One file per invoice: that client's number, its own invoice number and total, lines adjusted to its share. Checked against the format's rules before anything is stored (409 `ledes_invalid` listing every problem); a matter without `ledesEnabled` is a 409.
         */
        post: operations["ebilling"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/billing/bills/{id}/email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Email an approved or finalized bill's invoices by hand
         * @description Sends the invoice of `contactId`, or of the client at `to`, or every invoiced client's with an address (409 `no_recipient` if none; a 0.00 invoice only when its client is named by `contactId` or `to`). `message` is added to the standard text. `subject` and `to` become mail headers, so each is one line: CR, LF or another control character in either is a 400 naming the field, and nothing is sent.
         */
        post: operations["emailBill"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/billing/bills/{id}/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a client's payment on its invoice; more than it owes is a 409
         * @description On an approved or finalized bill: applied to the paying client's invoice (`contactId`, default the primary's); more than that invoice's outstanding is a 409 `overpayment`. The bill is `paid` once produced and every invoice paid.
         */
        post: operations["createPayment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/billing/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Billing settings
         * @description Whether scheduled production is on.
         */
        get: operations["getBillingSettings"];
        /**
         * Replace billing settings (scheduled production)
         * @description With `scheduledProduction` on, a daily run produces every approved bill of the firm.
         */
        put: operations["putBillingSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Problem: {
            type: string;
            title: string;
            status: number;
            detail: string;
            code: string;
            errors?: {
                path: string;
                message: string;
            }[];
            requestId?: string;
        };
        /** @description The body API Gateway itself answers with (a token its JWT authorizer refused) */
        GatewayError: {
            message: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: {
        /** @description The record's version, quoted (`"3"`): send it as If-Match to change it */
        ETag: string;
        /** @description The job to poll: `/jobs/{id}` */
        Location: string;
        /** @description `inline`, with the document's file name */
        ContentDisposition: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    openapi: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed or invalid input, with `errors[].path` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getJob: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The record's id (anything not shaped like one of ours is a 404) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        status: "queued" | "running" | "succeeded" | "failed" | "partially_failed";
                        progress: {
                            done: number;
                            total: number;
                        };
                        reason?: string;
                        createdAt: string;
                        updatedAt: string;
                        /** @constant */
                        kind: "time_export";
                        errors: {
                            timeEntryId: string;
                            /** @enum {string} */
                            code: "matter_not_linked" | "contact_not_linked" | "timekeeper_not_in_accounting" | "import_failed";
                            message: string;
                        }[];
                    } | {
                        id: string;
                        /** @enum {string} */
                        status: "queued" | "running" | "succeeded" | "failed" | "partially_failed";
                        progress: {
                            done: number;
                            total: number;
                        };
                        reason?: string;
                        createdAt: string;
                        updatedAt: string;
                        /** @constant */
                        kind: "bill_production";
                        errors: {
                            billId: string;
                            contactId?: string;
                            /** @description Why: `not_found`, `wrong_status` (no longer approved), `nothing_to_bill`, `production_failed` (failed on every try), `email_failed` (produced, not emailed: send it with POST /billing/bills/{id}/email) or `email_uncertain` (one email may not have gone out) */
                            code: string;
                            message: string;
                        }[];
                        printBatch?: {
                            bills: number;
                            invoices: number;
                            url?: string;
                        };
                    };
                };
            };
            /** @description Malformed or invalid input, with `errors[].path` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or one that is not valid for this API. In AWS, API Gateway's JWT authorizer answers a missing, expired or wrongly signed token itself, before any function runs, with its own body `{"message":"Unauthorized"}` (`application/json`), not a problem document. A verified token without the claims this API needs gets a problem document. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description No such record in this firm */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPracticeSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        separateContactNumbering: boolean;
                        version: number;
                        updatedAt: string | null;
                    };
                };
            };
            /** @description Malformed or invalid input, with `errors[].path` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or one that is not valid for this API. In AWS, API Gateway's JWT authorizer answers a missing, expired or wrongly signed token itself, before any function runs, with its own body `{"message":"Unauthorized"}` (`application/json`), not a problem document. A verified token without the claims this API needs gets a problem document. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description No such record in this firm */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putPracticeSettings: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag (`"<version>"`) last read; 412 if stale. */
                "If-Match"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    separateContactNumbering: boolean;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        separateContactNumbering: boolean;
                        version: number;
                        updatedAt: string | null;
                    };
                };
            };
            /** @description Malformed or invalid input, with `errors[].path` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or one that is not valid for this API. In AWS, API Gateway's JWT authorizer answers a missing, expired or wrongly signed token itself, before any function runs, with its own body `{"message":"Unauthorized"}` (`application/json`), not a problem document. A verified token without the claims this API needs gets a problem document. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description The token lacks the "admin" scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record in this firm */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description State conflict (duplicate number, locked, restricted) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Stale If-Match */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 256 KB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not declared `application/json` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAccountingSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        separateContactNumbering: boolean;
                        fileNumbering: {
                            prefix: string;
                            width: number;
                        };
                        firm: {
                            name: string;
                            address: string;
                            lawFirmId: string;
                            /** Format: email */
                            email?: string;
                            phone?: string;
                            taxId?: string;
                        };
                        currency: string;
                        billing: {
                            paymentTermsDays: number;
                            remittance?: string;
                        };
                        integrationEnabled: boolean;
                        version: number;
                        updatedAt: string | null;
                    };
                };
            };
            /** @description Malformed or invalid input, with `errors[].path` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or one that is not valid for this API. In AWS, API Gateway's JWT authorizer answers a missing, expired or wrongly signed token itself, before any function runs, with its own body `{"message":"Unauthorized"}` (`application/json`), not a problem document. A verified token without the claims this API needs gets a problem document. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description No such record in this firm */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putAccountingSettings: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag (`"<version>"`) last read; 412 if stale. */
                "If-Match"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    separateContactNumbering: boolean;
                    fileNumbering: {
                        prefix: string;
                        width: number;
                    };
                    firm: {
                        name: string;
                        address: string;
                        lawFirmId: string;
                        /** Format: email */
                        email?: string;
                        phone?: string;
                        taxId?: string;
                    };
                    currency: string;
                    billing?: {
                        /** @default 30 */
                        paymentTermsDays?: number;
                        remittance?: string;
                    };
                    integrationEnabled?: boolean;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        separateContactNumbering: boolean;
                        fileNumbering: {
                            prefix: string;
                            width: number;
                        };
                        firm: {
                            name: string;
                            address: string;
                            lawFirmId: string;
                            /** Format: email */
                            email?: string;
                            phone?: string;
                            taxId?: string;
                        };
                        currency: string;
                        billing: {
                            paymentTermsDays: number;
                            remittance?: string;
                        };
                        integrationEnabled: boolean;
                        version: number;
                        updatedAt: string | null;
                    };
                };
            };
            /** @description Malformed or invalid input, with `errors[].path` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or one that is not valid for this API. In AWS, API Gateway's JWT authorizer answers a missing, expired or wrongly signed token itself, before any function runs, with its own body `{"message":"Unauthorized"}` (`application/json`), not a problem document. A verified token without the claims this API needs gets a problem document. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description The token lacks the "admin" scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record in this firm */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description State conflict (duplicate number, locked, restricted) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Stale If-Match */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 256 KB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not declared `application/json` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPracticeContacts: {
        parameters: {
            query?: {
                limit?: string;
                cursor?: string;
                search?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            /** @enum {string} */
                            kind: "person" | "organization";
                            name: string;
                            firstName?: string;
                            lastName?: string;
                            /** Format: email */
                            email?: string;
                            phone?: string;
                            address?: {
                                line1: string;
                                line2?: string;
                                city: string;
                                region?: string;
                                postcode: string;
                                country: string;
                            };
                            /** @enum {string} */
                            numberingSequence: "client" | "vendor" | "other";
                            reference: string | null;
                            rateOverrides: {
                                rateLabelId: string;
                                value: string;
                            }[];
                            link: {
                                /** @enum {string} */
                                status: "pending" | "synchronized" | "unsynchronized" | "unknown" | "error";
                                otherId?: string;
                                error?: {
                                    /** @enum {string} */
                                    code: "duplicate_number" | "invalid" | "no_response" | "client_not_linked";
                                    message: string;
                                };
                            };
                            version: number;
                            createdAt: string;
                            updatedAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Malformed or invalid input, with `errors[].path` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or one that is not valid for this API. In AWS, API Gateway's JWT authorizer answers a missing, expired or wrongly signed token itself, before any function runs, with its own body `{"message":"Unauthorized"}` (`application/json`), not a problem document. A verified token without the claims this API needs gets a problem document. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description No such record in this firm */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createPracticeContact: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    kind: "person" | "organization";
                    name: string;
                    firstName?: string;
                    lastName?: string;
                    /** Format: email */
                    email?: string;
                    phone?: string;
                    address?: {
                        line1: string;
                        line2?: string;
                        city: string;
                        region?: string;
                        postcode: string;
                        country: string;
                    };
                    /** @enum {string} */
                    numberingSequence?: "client" | "vendor" | "other";
                    /** @description No `*` or look-alikes, spaces, control or invisible characters; typed in its plain (NFKC) form with the digits 0-9. Compared case-insensitively, a trailing number by value (`0124` = `124`, `M00050` = `m50`); shown as typed. */
                    reference?: string;
                    rateOverrides?: {
                        rateLabelId: string;
                        value: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        kind: "person" | "organization";
                        name: string;
                        firstName?: string;
                        lastName?: string;
                        /** Format: email */
                        email?: string;
                        phone?: string;
                        address?: {
                            line1: string;
                            line2?: string;
                            city: string;
                            region?: string;
                            postcode: string;
                            country: string;
                        };
                        /** @enum {string} */
                        numberingSequence: "client" | "vendor" | "other";
                        reference: string | null;
                        rateOverrides: {
                            rateLabelId: string;
                            value: string;
                        }[];
                        link: {
                            /** @enum {string} */
                            status: "pending" | "synchronized" | "unsynchronized" | "unknown" | "error";
                            otherId?: string;
                            error?: {
                                /** @enum {string} */
                                code: "duplicate_number" | "invalid" | "no_response" | "client_not_linked";
                                message: string;
                            };
                        };
                        version: number;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Malformed or invalid input, with `errors[].path` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or one that is not valid for this API. In AWS, API Gateway's JWT authorizer answers a missing, expired or wrongly signed token itself, before any function runs, with its own body `{"message":"Unauthorized"}` (`application/json`), not a problem document. A verified token without the claims this API needs gets a problem document. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description The token lacks the "practice" scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record in this firm */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description State conflict (duplicate number, locked, restricted) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 256 KB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not declared `application/json` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPracticeContact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The record's id (anything not shaped like one of ours is a 404) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        kind: "person" | "organization";
                        name: string;
                        firstName?: string;
                        lastName?: string;
                        /** Format: email */
                        email?: string;
                        phone?: string;
                        address?: {
                            line1: string;
                            line2?: string;
                            city: string;
                            region?: string;
                            postcode: string;
                            country: string;
                        };
                        /** @enum {string} */
                        numberingSequence: "client" | "vendor" | "other";
                        reference: string | null;
                        rateOverrides: {
                            rateLabelId: string;
                            value: string;
                        }[];
                        link: {
                            /** @enum {string} */
                            status: "pending" | "synchronized" | "unsynchronized" | "unknown" | "error";
                            otherId?: string;
                            error?: {
                                /** @enum {string} */
                                code: "duplicate_number" | "invalid" | "no_response" | "client_not_linked";
                                message: string;
                            };
                        };
                        version: number;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Malformed or invalid input, with `errors[].path` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or one that is not valid for this API. In AWS, API Gateway's JWT authorizer answers a missing, expired or wrongly signed token itself, before any function runs, with its own body `{"message":"Unauthorized"}` (`application/json`), not a problem document. A verified token without the claims this API needs gets a problem document. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description No such record in this firm */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patchPracticeContact: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag (`"<version>"`) last read; 412 if stale. */
                "If-Match"?: string;
            };
            path: {
                /** @description The record's id (anything not shaped like one of ours is a 404) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    kind?: "person" | "organization";
                    name?: string;
                    firstName?: string | null;
                    lastName?: string | null;
                    email?: string | null;
                    phone?: string | null;
                    address?: {
                        line1: string;
                        line2?: string;
                        city: string;
                        region?: string;
                        postcode: string;
                        country: string;
                    } | null;
                    /** @enum {string} */
                    numberingSequence?: "client" | "vendor" | "other";
                    reference?: string | null;
                    rateOverrides?: {
                        rateLabelId: string;
                        value: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        kind: "person" | "organization";
                        name: string;
                        firstName?: string;
                        lastName?: string;
                        /** Format: email */
                        email?: string;
                        phone?: string;
                        address?: {
                            line1: string;
                            line2?: string;
                            city: string;
                            region?: string;
                            postcode: string;
                            country: string;
                        };
                        /** @enum {string} */
                        numberingSequence: "client" | "vendor" | "other";
                        reference: string | null;
                        rateOverrides: {
                            rateLabelId: string;
                            value: string;
                        }[];
                        link: {
                            /** @enum {string} */
                            status: "pending" | "synchronized" | "unsynchronized" | "unknown" | "error";
                            otherId?: string;
                            error?: {
                                /** @enum {string} */
                                code: "duplicate_number" | "invalid" | "no_response" | "client_not_linked";
                                message: string;
                            };
                        };
                        version: number;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Malformed or invalid input, with `errors[].path` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or one that is not valid for this API. In AWS, API Gateway's JWT authorizer answers a missing, expired or wrongly signed token itself, before any function runs, with its own body `{"message":"Unauthorized"}` (`application/json`), not a problem document. A verified token without the claims this API needs gets a problem document. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description The token lacks the "practice" scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record in this firm */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description State conflict (duplicate number, locked, restricted) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Stale If-Match */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 256 KB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not declared `application/json` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listAccountingContacts: {
        parameters: {
            query?: {
                limit?: string;
                cursor?: string;
                search?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            /** @enum {string} */
                            kind: "person" | "organization" | "group";
                            name: string;
                            firstName?: string;
                            lastName?: string;
                            /** Format: email */
                            email?: string;
                            phone?: string;
                            address?: {
                                line1: string;
                                line2?: string;
                                city: string;
                                region?: string;
                                postcode: string;
                                country: string;
                            };
                            /** @enum {string} */
                            numberingSequence: "client" | "vendor" | "other";
                            contactNumber: string;
                            link: {
                                /** @enum {string} */
                                status: "pending" | "synchronized" | "unsynchronized" | "unknown" | "error";
                                otherId?: string;
                                error?: {
                                    /** @enum {string} */
                                    code: "duplicate_number" | "invalid" | "no_response" | "client_not_linked";
                                    message: string;
                                };
                            };
                            version: number;
                            createdAt: string;
                            updatedAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Malformed or invalid input, with `errors[].path` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or one that is not valid for this API. In AWS, API Gateway's JWT authorizer answers a missing, expired or wrongly signed token itself, before any function runs, with its own body `{"message":"Unauthorized"}` (`application/json`), not a problem document. A verified token without the claims this API needs gets a problem document. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description No such record in this firm */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createAccountingContact: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    kind: "person" | "organization" | "group";
                    name: string;
                    firstName?: string;
                    lastName?: string;
                    /** Format: email */
                    email?: string;
                    phone?: string;
                    address?: {
                        line1: string;
                        line2?: string;
                        city: string;
                        region?: string;
                        postcode: string;
                        country: string;
                    };
                    /** @enum {string} */
                    numberingSequence?: "client" | "vendor" | "other";
                    /** @description No `*` or look-alikes, spaces, control or invisible characters; typed in its plain (NFKC) form with the digits 0-9. Compared case-insensitively, a trailing number by value (`0124` = `124`, `M00050` = `m50`); shown as typed. */
                    contactNumber?: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        kind: "person" | "organization" | "group";
                        name: string;
                        firstName?: string;
                        lastName?: string;
                        /** Format: email */
                        email?: string;
                        phone?: string;
                        address?: {
                            line1: string;
                            line2?: string;
                            city: string;
                            region?: string;
                            postcode: string;
                            country: string;
                        };
                        /** @enum {string} */
                        numberingSequence: "client" | "vendor" | "other";
                        contactNumber: string;
                        link: {
                            /** @enum {string} */
                            status: "pending" | "synchronized" | "unsynchronized" | "unknown" | "error";
                            otherId?: string;
                            error?: {
                                /** @enum {string} */
                                code: "duplicate_number" | "invalid" | "no_response" | "client_not_linked";
                                message: string;
                            };
                        };
                        version: number;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Malformed or invalid input, with `errors[].path` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or one that is not valid for this API. In AWS, API Gateway's JWT authorizer answers a missing, expired or wrongly signed token itself, before any function runs, with its own body `{"message":"Unauthorized"}` (`application/json`), not a problem document. A verified token without the claims this API needs gets a problem document. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description The token lacks the "accounting" scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record in this firm */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description State conflict (duplicate number, locked, restricted) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 256 KB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not declared `application/json` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAccountingContact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The record's id (anything not shaped like one of ours is a 404) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        kind: "person" | "organization" | "group";
                        name: string;
                        firstName?: string;
                        lastName?: string;
                        /** Format: email */
                        email?: string;
                        phone?: string;
                        address?: {
                            line1: string;
                            line2?: string;
                            city: string;
                            region?: string;
                            postcode: string;
                            country: string;
                        };
                        /** @enum {string} */
                        numberingSequence: "client" | "vendor" | "other";
                        contactNumber: string;
                        link: {
                            /** @enum {string} */
                            status: "pending" | "synchronized" | "unsynchronized" | "unknown" | "error";
                            otherId?: string;
                            error?: {
                                /** @enum {string} */
                                code: "duplicate_number" | "invalid" | "no_response" | "client_not_linked";
                                message: string;
                            };
                        };
                        version: number;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Malformed or invalid input, with `errors[].path` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or one that is not valid for this API. In AWS, API Gateway's JWT authorizer answers a missing, expired or wrongly signed token itself, before any function runs, with its own body `{"message":"Unauthorized"}` (`application/json`), not a problem document. A verified token without the claims this API needs gets a problem document. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description No such record in this firm */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patchAccountingContact: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag (`"<version>"`) last read; 412 if stale. */
                "If-Match"?: string;
            };
            path: {
                /** @description The record's id (anything not shaped like one of ours is a 404) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    kind?: "person" | "organization" | "group";
                    name?: string;
                    firstName?: string | null;
                    lastName?: string | null;
                    email?: string | null;
                    phone?: string | null;
                    address?: {
                        line1: string;
                        line2?: string;
                        city: string;
                        region?: string;
                        postcode: string;
                        country: string;
                    } | null;
                    /** @description No `*` or look-alikes, spaces, control or invisible characters; typed in its plain (NFKC) form with the digits 0-9. Compared case-insensitively, a trailing number by value (`0124` = `124`, `M00050` = `m50`); shown as typed. */
                    contactNumber?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        kind: "person" | "organization" | "group";
                        name: string;
                        firstName?: string;
                        lastName?: string;
                        /** Format: email */
                        email?: string;
                        phone?: string;
                        address?: {
                            line1: string;
                            line2?: string;
                            city: string;
                            region?: string;
                            postcode: string;
                            country: string;
                        };
                        /** @enum {string} */
                        numberingSequence: "client" | "vendor" | "other";
                        contactNumber: string;
                        link: {
                            /** @enum {string} */
                            status: "pending" | "synchronized" | "unsynchronized" | "unknown" | "error";
                            otherId?: string;
                            error?: {
                                /** @enum {string} */
                                code: "duplicate_number" | "invalid" | "no_response" | "client_not_linked";
                                message: string;
                            };
                        };
                        version: number;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Malformed or invalid input, with `errors[].path` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or one that is not valid for this API. In AWS, API Gateway's JWT authorizer answers a missing, expired or wrongly signed token itself, before any function runs, with its own body `{"message":"Unauthorized"}` (`application/json`), not a problem document. A verified token without the claims this API needs gets a problem document. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description The token lacks the "accounting" scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record in this firm */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description State conflict (duplicate number, locked, restricted) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Stale If-Match */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 256 KB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not declared `application/json` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listMatters: {
        parameters: {
            query?: {
                limit?: string;
                cursor?: string;
                search?: string;
                clientId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            name: string;
                            clientIds: string[];
                            primaryClientId: string;
                            fileReference: string | null;
                            billing: {
                                rateLabelId?: string;
                                customRatesEnabled: boolean;
                                rateOverrides: {
                                    rateLabelId: string;
                                    value: string;
                                }[];
                                emailInvoices: boolean;
                                ledesEnabled: boolean;
                                clientMatterId?: string;
                                printInvoices: boolean;
                                paymentTermsDays?: number;
                            };
                            link: {
                                /** @enum {string} */
                                status: "pending" | "synchronized" | "unsynchronized" | "unknown" | "error";
                                otherId?: string;
                                error?: {
                                    /** @enum {string} */
                                    code: "duplicate_number" | "invalid" | "no_response" | "client_not_linked";
                                    message: string;
                                };
                            };
                            version: number;
                            createdAt: string;
                            updatedAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Malformed or invalid input, with `errors[].path` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or one that is not valid for this API. In AWS, API Gateway's JWT authorizer answers a missing, expired or wrongly signed token itself, before any function runs, with its own body `{"message":"Unauthorized"}` (`application/json`), not a problem document. A verified token without the claims this API needs gets a problem document. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description No such record in this firm */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createMatter: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    clientIds: string[];
                    /** @description No `*` or look-alikes, spaces, control or invisible characters; typed in its plain (NFKC) form with the digits 0-9. Compared case-insensitively, a trailing number by value (`0124` = `124`, `M00050` = `m50`); shown as typed. */
                    fileReference?: string;
                    billing?: {
                        rateLabelId?: string;
                        customRatesEnabled?: boolean;
                        rateOverrides?: {
                            rateLabelId: string;
                            value: string;
                        }[];
                        emailInvoices?: boolean;
                        ledesEnabled?: boolean;
                        clientMatterId?: string;
                        printInvoices?: boolean;
                        paymentTermsDays?: number;
                    };
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        clientIds: string[];
                        primaryClientId: string;
                        fileReference: string | null;
                        billing: {
                            rateLabelId?: string;
                            customRatesEnabled: boolean;
                            rateOverrides: {
                                rateLabelId: string;
                                value: string;
                            }[];
                            emailInvoices: boolean;
                            ledesEnabled: boolean;
                            clientMatterId?: string;
                            printInvoices: boolean;
                            paymentTermsDays?: number;
                        };
                        link: {
                            /** @enum {string} */
                            status: "pending" | "synchronized" | "unsynchronized" | "unknown" | "error";
                            otherId?: string;
                            error?: {
                                /** @enum {string} */
                                code: "duplicate_number" | "invalid" | "no_response" | "client_not_linked";
                                message: string;
                            };
                        };
                        version: number;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Malformed or invalid input, with `errors[].path` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or one that is not valid for this API. In AWS, API Gateway's JWT authorizer answers a missing, expired or wrongly signed token itself, before any function runs, with its own body `{"message":"Unauthorized"}` (`application/json`), not a problem document. A verified token without the claims this API needs gets a problem document. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description The token lacks the "practice" scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record in this firm */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description State conflict (duplicate number, locked, restricted) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 256 KB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not declared `application/json` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMatter: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The record's id (anything not shaped like one of ours is a 404) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        clientIds: string[];
                        primaryClientId: string;
                        fileReference: string | null;
                        billing: {
                            rateLabelId?: string;
                            customRatesEnabled: boolean;
                            rateOverrides: {
                                rateLabelId: string;
                                value: string;
                            }[];
                            emailInvoices: boolean;
                            ledesEnabled: boolean;
                            clientMatterId?: string;
                            printInvoices: boolean;
                            paymentTermsDays?: number;
                        };
                        link: {
                            /** @enum {string} */
                            status: "pending" | "synchronized" | "unsynchronized" | "unknown" | "error";
                            otherId?: string;
                            error?: {
                                /** @enum {string} */
                                code: "duplicate_number" | "invalid" | "no_response" | "client_not_linked";
                                message: string;
                            };
                        };
                        version: number;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Malformed or invalid input, with `errors[].path` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or one that is not valid for this API. In AWS, API Gateway's JWT authorizer answers a missing, expired or wrongly signed token itself, before any function runs, with its own body `{"message":"Unauthorized"}` (`application/json`), not a problem document. A verified token without the claims this API needs gets a problem document. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description No such record in this firm */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patchMatter: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag (`"<version>"`) last read; 412 if stale. */
                "If-Match"?: string;
            };
            path: {
                /** @description The record's id (anything not shaped like one of ours is a 404) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    /** @description No `*` or look-alikes, spaces, control or invisible characters; typed in its plain (NFKC) form with the digits 0-9. Compared case-insensitively, a trailing number by value (`0124` = `124`, `M00050` = `m50`); shown as typed. */
                    fileReference?: string;
                    billing?: {
                        rateLabelId?: string | null;
                        customRatesEnabled?: boolean;
                        rateOverrides?: {
                            rateLabelId: string;
                            value: string;
                        }[];
                        emailInvoices?: boolean;
                        ledesEnabled?: boolean;
                        clientMatterId?: string | null;
                        printInvoices?: boolean;
                        paymentTermsDays?: number | null;
                    };
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        clientIds: string[];
                        primaryClientId: string;
                        fileReference: string | null;
                        billing: {
                            rateLabelId?: string;
                            customRatesEnabled: boolean;
                            rateOverrides: {
                                rateLabelId: string;
                                value: string;
                            }[];
                            emailInvoices: boolean;
                            ledesEnabled: boolean;
                            clientMatterId?: string;
                            printInvoices: boolean;
                            paymentTermsDays?: number;
                        };
                        link: {
                            /** @enum {string} */
                            status: "pending" | "synchronized" | "unsynchronized" | "unknown" | "error";
                            otherId?: string;
                            error?: {
                                /** @enum {string} */
                                code: "duplicate_number" | "invalid" | "no_response" | "client_not_linked";
                                message: string;
                            };
                        };
                        version: number;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Malformed or invalid input, with `errors[].path` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or one that is not valid for this API. In AWS, API Gateway's JWT authorizer answers a missing, expired or wrongly signed token itself, before any function runs, with its own body `{"message":"Unauthorized"}` (`application/json`), not a problem document. A verified token without the claims this API needs gets a problem document. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description The token lacks the "practice" scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record in this firm */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description State conflict (duplicate number, locked, restricted) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Stale If-Match */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 256 KB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not declared `application/json` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putMatterClients: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag (`"<version>"`) last read; 412 if stale. */
                "If-Match"?: string;
            };
            path: {
                /** @description The record's id (anything not shaped like one of ours is a 404) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    clientIds: string[];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        clientIds: string[];
                        primaryClientId: string;
                        fileReference: string | null;
                        billing: {
                            rateLabelId?: string;
                            customRatesEnabled: boolean;
                            rateOverrides: {
                                rateLabelId: string;
                                value: string;
                            }[];
                            emailInvoices: boolean;
                            ledesEnabled: boolean;
                            clientMatterId?: string;
                            printInvoices: boolean;
                            paymentTermsDays?: number;
                        };
                        link: {
                            /** @enum {string} */
                            status: "pending" | "synchronized" | "unsynchronized" | "unknown" | "error";
                            otherId?: string;
                            error?: {
                                /** @enum {string} */
                                code: "duplicate_number" | "invalid" | "no_response" | "client_not_linked";
                                message: string;
                            };
                        };
                        version: number;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Malformed or invalid input, with `errors[].path` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or one that is not valid for this API. In AWS, API Gateway's JWT authorizer answers a missing, expired or wrongly signed token itself, before any function runs, with its own body `{"message":"Unauthorized"}` (`application/json`), not a problem document. A verified token without the claims this API needs gets a problem document. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description The token lacks the "practice" scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record in this firm */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description State conflict (duplicate number, locked, restricted) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Stale If-Match */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 256 KB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not declared `application/json` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMatterBalance: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The record's id (anything not shaped like one of ours is a 404) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        unbilled: string;
                        billed: string;
                        paid: string;
                        outstanding: string;
                        updatedAt: string | null;
                    };
                };
            };
            /** @description Malformed or invalid input, with `errors[].path` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or one that is not valid for this API. In AWS, API Gateway's JWT authorizer answers a missing, expired or wrongly signed token itself, before any function runs, with its own body `{"message":"Unauthorized"}` (`application/json`), not a problem document. A verified token without the claims this API needs gets a problem document. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description No such record in this firm */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listMatterInvoices: {
        parameters: {
            query?: {
                limit?: string;
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description The record's id (anything not shaped like one of ours is a 404) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            invoiceNumber: string;
                            contactId: string;
                            invoiceDate: string;
                            dueDate: string;
                            amount: string;
                            paid: string;
                            outstanding: string;
                            /** @enum {string} */
                            status: "open" | "paid" | "void";
                            billId: string;
                            overdue: boolean;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Malformed or invalid input, with `errors[].path` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or one that is not valid for this API. In AWS, API Gateway's JWT authorizer answers a missing, expired or wrongly signed token itself, before any function runs, with its own body `{"message":"Unauthorized"}` (`application/json`), not a problem document. A verified token without the claims this API needs gets a problem document. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description No such record in this firm */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listFiles: {
        parameters: {
            query?: {
                limit?: string;
                cursor?: string;
                search?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            matterNumber: string;
                            name: string;
                            clientIds: string[];
                            primaryClientId: string;
                            allocations: {
                                contactId: string;
                                percent: string;
                            }[];
                            splitSetByHand: boolean;
                            options: {
                                emailInvoices: boolean;
                                ledesEnabled: boolean;
                                clientMatterId?: string;
                                printInvoices: boolean;
                                paymentTermsDays?: number;
                            };
                            link: {
                                /** @enum {string} */
                                status: "pending" | "synchronized" | "unsynchronized" | "unknown" | "error";
                                otherId?: string;
                                error?: {
                                    /** @enum {string} */
                                    code: "duplicate_number" | "invalid" | "no_response" | "client_not_linked";
                                    message: string;
                                };
                            };
                            version: number;
                            createdAt: string;
                            updatedAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Malformed or invalid input, with `errors[].path` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or one that is not valid for this API. In AWS, API Gateway's JWT authorizer answers a missing, expired or wrongly signed token itself, before any function runs, with its own body `{"message":"Unauthorized"}` (`application/json`), not a problem document. A verified token without the claims this API needs gets a problem document. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description No such record in this firm */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getFile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The record's id (anything not shaped like one of ours is a 404) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        matterNumber: string;
                        name: string;
                        clientIds: string[];
                        primaryClientId: string;
                        allocations: {
                            contactId: string;
                            percent: string;
                        }[];
                        splitSetByHand: boolean;
                        options: {
                            emailInvoices: boolean;
                            ledesEnabled: boolean;
                            clientMatterId?: string;
                            printInvoices: boolean;
                            paymentTermsDays?: number;
                        };
                        link: {
                            /** @enum {string} */
                            status: "pending" | "synchronized" | "unsynchronized" | "unknown" | "error";
                            otherId?: string;
                            error?: {
                                /** @enum {string} */
                                code: "duplicate_number" | "invalid" | "no_response" | "client_not_linked";
                                message: string;
                            };
                        };
                        version: number;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Malformed or invalid input, with `errors[].path` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or one that is not valid for this API. In AWS, API Gateway's JWT authorizer answers a missing, expired or wrongly signed token itself, before any function runs, with its own body `{"message":"Unauthorized"}` (`application/json`), not a problem document. A verified token without the claims this API needs gets a problem document. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description No such record in this firm */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putFileAllocations: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag (`"<version>"`) last read; 412 if stale. */
                "If-Match"?: string;
            };
            path: {
                /** @description The record's id (anything not shaped like one of ours is a 404) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    allocations: {
                        contactId: string;
                        percent: string | number;
                    }[];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        matterNumber: string;
                        name: string;
                        clientIds: string[];
                        primaryClientId: string;
                        allocations: {
                            contactId: string;
                            percent: string;
                        }[];
                        splitSetByHand: boolean;
                        options: {
                            emailInvoices: boolean;
                            ledesEnabled: boolean;
                            clientMatterId?: string;
                            printInvoices: boolean;
                            paymentTermsDays?: number;
                        };
                        link: {
                            /** @enum {string} */
                            status: "pending" | "synchronized" | "unsynchronized" | "unknown" | "error";
                            otherId?: string;
                            error?: {
                                /** @enum {string} */
                                code: "duplicate_number" | "invalid" | "no_response" | "client_not_linked";
                                message: string;
                            };
                        };
                        version: number;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Malformed or invalid input, with `errors[].path` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or one that is not valid for this API. In AWS, API Gateway's JWT authorizer answers a missing, expired or wrongly signed token itself, before any function runs, with its own body `{"message":"Unauthorized"}` (`application/json`), not a problem document. A verified token without the claims this API needs gets a problem document. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description The token lacks the "accounting" scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record in this firm */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description State conflict (duplicate number, locked, restricted) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Stale If-Match */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 256 KB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not declared `application/json` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putFileClients: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The record's id (anything not shaped like one of ours is a 404) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed or invalid input, with `errors[].path` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or one that is not valid for this API. In AWS, API Gateway's JWT authorizer answers a missing, expired or wrongly signed token itself, before any function runs, with its own body `{"message":"Unauthorized"}` (`application/json`), not a problem document. A verified token without the claims this API needs gets a problem document. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description The token lacks the "accounting" scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record in this firm */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description State conflict (duplicate number, locked, restricted) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putFilePrimaryClient: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The record's id (anything not shaped like one of ours is a 404) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed or invalid input, with `errors[].path` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or one that is not valid for this API. In AWS, API Gateway's JWT authorizer answers a missing, expired or wrongly signed token itself, before any function runs, with its own body `{"message":"Unauthorized"}` (`application/json`), not a problem document. A verified token without the claims this API needs gets a problem document. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description The token lacks the "accounting" scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record in this firm */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description State conflict (duplicate number, locked, restricted) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listDisbursements: {
        parameters: {
            query?: {
                limit?: string;
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description The record's id (anything not shaped like one of ours is a 404) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            fileId: string;
                            date: string;
                            description: string;
                            amount: string;
                            expenseCode?: string;
                            /** @enum {string} */
                            status: "unbilled" | "billed";
                            createdAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Malformed or invalid input, with `errors[].path` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or one that is not valid for this API. In AWS, API Gateway's JWT authorizer answers a missing, expired or wrongly signed token itself, before any function runs, with its own body `{"message":"Unauthorized"}` (`application/json`), not a problem document. A verified token without the claims this API needs gets a problem document. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description No such record in this firm */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createDisbursement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The record's id (anything not shaped like one of ours is a 404) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    date: string;
                    description: string;
                    amount: string;
                    expenseCode?: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        fileId: string;
                        date: string;
                        description: string;
                        amount: string;
                        expenseCode?: string;
                        /** @enum {string} */
                        status: "unbilled" | "billed";
                        createdAt: string;
                    };
                };
            };
            /** @description Malformed or invalid input, with `errors[].path` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or one that is not valid for this API. In AWS, API Gateway's JWT authorizer answers a missing, expired or wrongly signed token itself, before any function runs, with its own body `{"message":"Unauthorized"}` (`application/json`), not a problem document. A verified token without the claims this API needs gets a problem document. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description The token lacks the "accounting" scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record in this firm */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description State conflict (duplicate number, locked, restricted) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 256 KB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not declared `application/json` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listUsers: {
        parameters: {
            query?: {
                limit?: string;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            name: string;
                            firstName?: string;
                            lastName?: string;
                            email: string;
                            systemRoleId?: string;
                            defaultRateLabelId?: string;
                            classification?: string;
                            ledesId?: string;
                            customRates: {
                                rateLabelId: string;
                                value: string;
                            }[];
                            version: number;
                            createdAt: string;
                            updatedAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Malformed or invalid input, with `errors[].path` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or one that is not valid for this API. In AWS, API Gateway's JWT authorizer answers a missing, expired or wrongly signed token itself, before any function runs, with its own body `{"message":"Unauthorized"}` (`application/json`), not a problem document. A verified token without the claims this API needs gets a problem document. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description No such record in this firm */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    firstName?: string;
                    lastName?: string;
                    /** Format: email */
                    email: string;
                    systemRoleId?: string;
                    defaultRateLabelId?: string;
                    /** @enum {string} */
                    classification?: "ADJSTR" | "ADJSMT" | "ANALST" | "ARBITR" | "ASSOC" | "TRANEE" | "AUDITR" | "CLKSEC" | "CONSLT" | "TEMPAT" | "TEMPOS" | "CSTCNS" | "CTRPTR" | "DSCATT" | "DSCPMG" | "DSCANJ" | "DSCANS" | "DOCCDR" | "DOCRAT" | "DOCRNA" | "EVDEVL" | "EXPERT" | "FLTFEE" | "FORANL" | "HLNLPF" | "INVSTG" | "IPSVPV" | "IPAGNT" | "LGLAST" | "LGLINT" | "LGPRMG" | "LIBRRN" | "MEDITR" | "MDRCRV" | "OFCOUN" | "NBOTHR" | "PARALG" | "PARTNR" | "RSRCHR" | "RSPROF" | "SECNDE" | "SPAGNT" | "SOLDSG" | "STFATT" | "STFCNS" | "TPADMN" | "TRAINR" | "TRNDEV" | "TRNFAG" | "TRANSL" | "VIDOGR";
                    ledesId?: string;
                    customRates?: {
                        rateLabelId: string;
                        value: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        firstName?: string;
                        lastName?: string;
                        email: string;
                        systemRoleId?: string;
                        defaultRateLabelId?: string;
                        classification?: string;
                        ledesId?: string;
                        customRates: {
                            rateLabelId: string;
                            value: string;
                        }[];
                        version: number;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Malformed or invalid input, with `errors[].path` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or one that is not valid for this API. In AWS, API Gateway's JWT authorizer answers a missing, expired or wrongly signed token itself, before any function runs, with its own body `{"message":"Unauthorized"}` (`application/json`), not a problem document. A verified token without the claims this API needs gets a problem document. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description The token lacks the "admin" scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record in this firm */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description State conflict (duplicate number, locked, restricted) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 256 KB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not declared `application/json` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patchUser: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag (`"<version>"`) last read; 412 if stale. */
                "If-Match"?: string;
            };
            path: {
                /** @description The record's id (anything not shaped like one of ours is a 404) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    /** Format: email */
                    email?: string;
                    firstName?: string | null;
                    lastName?: string | null;
                    systemRoleId?: string | null;
                    defaultRateLabelId?: string | null;
                    classification?: ("ADJSTR" | "ADJSMT" | "ANALST" | "ARBITR" | "ASSOC" | "TRANEE" | "AUDITR" | "CLKSEC" | "CONSLT" | "TEMPAT" | "TEMPOS" | "CSTCNS" | "CTRPTR" | "DSCATT" | "DSCPMG" | "DSCANJ" | "DSCANS" | "DOCCDR" | "DOCRAT" | "DOCRNA" | "EVDEVL" | "EXPERT" | "FLTFEE" | "FORANL" | "HLNLPF" | "INVSTG" | "IPSVPV" | "IPAGNT" | "LGLAST" | "LGLINT" | "LGPRMG" | "LIBRRN" | "MEDITR" | "MDRCRV" | "OFCOUN" | "NBOTHR" | "PARALG" | "PARTNR" | "RSRCHR" | "RSPROF" | "SECNDE" | "SPAGNT" | "SOLDSG" | "STFATT" | "STFCNS" | "TPADMN" | "TRAINR" | "TRNDEV" | "TRNFAG" | "TRANSL" | "VIDOGR") | null;
                    ledesId?: string | null;
                    customRates?: {
                        rateLabelId: string;
                        value: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        firstName?: string;
                        lastName?: string;
                        email: string;
                        systemRoleId?: string;
                        defaultRateLabelId?: string;
                        classification?: string;
                        ledesId?: string;
                        customRates: {
                            rateLabelId: string;
                            value: string;
                        }[];
                        version: number;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Malformed or invalid input, with `errors[].path` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or one that is not valid for this API. In AWS, API Gateway's JWT authorizer answers a missing, expired or wrongly signed token itself, before any function runs, with its own body `{"message":"Unauthorized"}` (`application/json`), not a problem document. A verified token without the claims this API needs gets a problem document. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description The token lacks the "admin" scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record in this firm */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description State conflict (duplicate number, locked, restricted) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Stale If-Match */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 256 KB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not declared `application/json` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putSystemRole: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag (`"<version>"`) last read; 412 if stale. */
                "If-Match"?: string;
            };
            path: {
                /** @description The record's id (anything not shaped like one of ours is a 404) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    defaultRateLabelId?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        defaultRateLabelId?: string;
                        version: number;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Malformed or invalid input, with `errors[].path` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or one that is not valid for this API. In AWS, API Gateway's JWT authorizer answers a missing, expired or wrongly signed token itself, before any function runs, with its own body `{"message":"Unauthorized"}` (`application/json`), not a problem document. A verified token without the claims this API needs gets a problem document. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description The token lacks the "admin" scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record in this firm */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description State conflict (duplicate number, locked, restricted) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Stale If-Match */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 256 KB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not declared `application/json` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listSystemRoles: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            name: string;
                            defaultRateLabelId?: string;
                            version: number;
                            createdAt: string;
                            updatedAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Malformed or invalid input, with `errors[].path` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or one that is not valid for this API. In AWS, API Gateway's JWT authorizer answers a missing, expired or wrongly signed token itself, before any function runs, with its own body `{"message":"Unauthorized"}` (`application/json`), not a problem document. A verified token without the claims this API needs gets a problem document. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description No such record in this firm */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listAccountingUsers: {
        parameters: {
            query?: {
                limit?: string;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            name: string;
                            email: string;
                            version: number;
                            createdAt: string;
                            updatedAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Malformed or invalid input, with `errors[].path` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or one that is not valid for this API. In AWS, API Gateway's JWT authorizer answers a missing, expired or wrongly signed token itself, before any function runs, with its own body `{"message":"Unauthorized"}` (`application/json`), not a problem document. A verified token without the claims this API needs gets a problem document. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description No such record in this firm */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createAccountingUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /** Format: email */
                    email: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        email: string;
                        version: number;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Malformed or invalid input, with `errors[].path` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or one that is not valid for this API. In AWS, API Gateway's JWT authorizer answers a missing, expired or wrongly signed token itself, before any function runs, with its own body `{"message":"Unauthorized"}` (`application/json`), not a problem document. A verified token without the claims this API needs gets a problem document. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description The token lacks the "admin" scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record in this firm */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description State conflict (duplicate number, locked, restricted) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 256 KB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not declared `application/json` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listRateLabels: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            name: string;
                            /** @enum {string} */
                            type: "hourly" | "fixed" | "custom";
                            baseValue?: string;
                            active: boolean;
                            timekeeperValues: {
                                userId: string;
                                value: string;
                            }[];
                            version: number;
                            createdAt: string;
                            updatedAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Malformed or invalid input, with `errors[].path` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or one that is not valid for this API. In AWS, API Gateway's JWT authorizer answers a missing, expired or wrongly signed token itself, before any function runs, with its own body `{"message":"Unauthorized"}` (`application/json`), not a problem document. A verified token without the claims this API needs gets a problem document. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description No such record in this firm */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createRateLabel: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    baseValue?: string;
                    active?: boolean;
                    timekeeperValues?: {
                        userId: string;
                        value: string;
                    }[];
                    /**
                     * @default hourly
                     * @enum {string}
                     */
                    type?: "hourly" | "fixed" | "custom";
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        /** @enum {string} */
                        type: "hourly" | "fixed" | "custom";
                        baseValue?: string;
                        active: boolean;
                        timekeeperValues: {
                            userId: string;
                            value: string;
                        }[];
                        version: number;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Malformed or invalid input, with `errors[].path` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or one that is not valid for this API. In AWS, API Gateway's JWT authorizer answers a missing, expired or wrongly signed token itself, before any function runs, with its own body `{"message":"Unauthorized"}` (`application/json`), not a problem document. A verified token without the claims this API needs gets a problem document. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description The token lacks the "admin" scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record in this firm */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description State conflict (duplicate number, locked, restricted) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 256 KB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not declared `application/json` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteRateLabel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The record's id (anything not shaped like one of ours is a 404) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    mergeIntoId: string;
                    reason: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        mergedInto: string;
                        reason: string;
                        repointed: {
                            [key: string]: number;
                        };
                    };
                };
            };
            /** @description Malformed or invalid input, with `errors[].path` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or one that is not valid for this API. In AWS, API Gateway's JWT authorizer answers a missing, expired or wrongly signed token itself, before any function runs, with its own body `{"message":"Unauthorized"}` (`application/json`), not a problem document. A verified token without the claims this API needs gets a problem document. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description The token lacks the "admin" scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record in this firm */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description State conflict (duplicate number, locked, restricted) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 256 KB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not declared `application/json` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patchRateLabel: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag (`"<version>"`) last read; 412 if stale. */
                "If-Match"?: string;
            };
            path: {
                /** @description The record's id (anything not shaped like one of ours is a 404) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    baseValue?: string;
                    active?: boolean;
                    timekeeperValues?: {
                        userId: string;
                        value: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        /** @enum {string} */
                        type: "hourly" | "fixed" | "custom";
                        baseValue?: string;
                        active: boolean;
                        timekeeperValues: {
                            userId: string;
                            value: string;
                        }[];
                        version: number;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Malformed or invalid input, with `errors[].path` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or one that is not valid for this API. In AWS, API Gateway's JWT authorizer answers a missing, expired or wrongly signed token itself, before any function runs, with its own body `{"message":"Unauthorized"}` (`application/json`), not a problem document. A verified token without the claims this API needs gets a problem document. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description The token lacks the "admin" scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record in this firm */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description State conflict (duplicate number, locked, restricted) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Stale If-Match */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 256 KB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not declared `application/json` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listQuickCodes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            code: string;
                            description: string;
                            rateLabelByRole: {
                                [key: string]: string;
                            };
                            taskCode?: string;
                            activityCode?: string;
                            version: number;
                            createdAt: string;
                            updatedAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Malformed or invalid input, with `errors[].path` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or one that is not valid for this API. In AWS, API Gateway's JWT authorizer answers a missing, expired or wrongly signed token itself, before any function runs, with its own body `{"message":"Unauthorized"}` (`application/json`), not a problem document. A verified token without the claims this API needs gets a problem document. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description No such record in this firm */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createQuickCode: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code: string;
                    description: string;
                    /** @default {} */
                    rateLabelByRole?: {
                        [key: string]: string;
                    };
                    taskCode?: string;
                    activityCode?: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        description: string;
                        rateLabelByRole: {
                            [key: string]: string;
                        };
                        taskCode?: string;
                        activityCode?: string;
                        version: number;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Malformed or invalid input, with `errors[].path` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or one that is not valid for this API. In AWS, API Gateway's JWT authorizer answers a missing, expired or wrongly signed token itself, before any function runs, with its own body `{"message":"Unauthorized"}` (`application/json`), not a problem document. A verified token without the claims this API needs gets a problem document. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description The token lacks the "admin" scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record in this firm */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description State conflict (duplicate number, locked, restricted) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 256 KB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not declared `application/json` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listTimeEntries: {
        parameters: {
            query?: {
                matterId?: string;
                timekeeperId?: string;
                from?: string;
                to?: string;
                status?: "open" | "draft" | "billed";
                limit?: string;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            matterId: string;
                            timekeeperId: string;
                            date: string;
                            description: string;
                            hours: string;
                            billableHours: string;
                            quickCode?: string;
                            /** @enum {string} */
                            behavior: "bill" | "hide" | "no_charge" | "non_billable";
                            taskCode?: string;
                            activityCode?: string;
                            rate: {
                                labelId: string;
                                labelName: string;
                                /** @enum {string} */
                                type: "hourly" | "fixed" | "custom";
                                value: string;
                                /** @enum {string} */
                                labelSource: "entry" | "matter" | "quick_code" | "timekeeper" | "system_role" | "default";
                                /** @enum {string} */
                                valueSource: "matter_override" | "client_override" | "timekeeper_override" | "base" | "entry";
                                historic: boolean;
                            };
                            amount: string;
                            /** @enum {string} */
                            status: "open" | "draft" | "billed";
                            invoiceNumber?: string;
                            version: number;
                            createdAt: string;
                            updatedAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Malformed or invalid input, with `errors[].path` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or one that is not valid for this API. In AWS, API Gateway's JWT authorizer answers a missing, expired or wrongly signed token itself, before any function runs, with its own body `{"message":"Unauthorized"}` (`application/json`), not a problem document. A verified token without the claims this API needs gets a problem document. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description No such record in this firm */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createTimeEntry: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    matterId: string;
                    timekeeperId: string;
                    date: string;
                    description: string;
                    hours: string;
                    billableHours?: string;
                    quickCode?: string;
                    rateLabelId?: string;
                    rateValue?: string;
                    amount?: string;
                    /** @enum {string} */
                    behavior: "bill" | "hide" | "no_charge" | "non_billable";
                    taskCode?: string;
                    activityCode?: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        matterId: string;
                        timekeeperId: string;
                        date: string;
                        description: string;
                        hours: string;
                        billableHours: string;
                        quickCode?: string;
                        /** @enum {string} */
                        behavior: "bill" | "hide" | "no_charge" | "non_billable";
                        taskCode?: string;
                        activityCode?: string;
                        rate: {
                            labelId: string;
                            labelName: string;
                            /** @enum {string} */
                            type: "hourly" | "fixed" | "custom";
                            value: string;
                            /** @enum {string} */
                            labelSource: "entry" | "matter" | "quick_code" | "timekeeper" | "system_role" | "default";
                            /** @enum {string} */
                            valueSource: "matter_override" | "client_override" | "timekeeper_override" | "base" | "entry";
                            historic: boolean;
                        };
                        amount: string;
                        /** @enum {string} */
                        status: "open" | "draft" | "billed";
                        invoiceNumber?: string;
                        version: number;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Malformed or invalid input, with `errors[].path` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or one that is not valid for this API. In AWS, API Gateway's JWT authorizer answers a missing, expired or wrongly signed token itself, before any function runs, with its own body `{"message":"Unauthorized"}` (`application/json`), not a problem document. A verified token without the claims this API needs gets a problem document. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description The token lacks the "practice" scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record in this firm */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description State conflict (duplicate number, locked, restricted) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 256 KB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not declared `application/json` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getTimeEntry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The record's id (anything not shaped like one of ours is a 404) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        matterId: string;
                        timekeeperId: string;
                        date: string;
                        description: string;
                        hours: string;
                        billableHours: string;
                        quickCode?: string;
                        /** @enum {string} */
                        behavior: "bill" | "hide" | "no_charge" | "non_billable";
                        taskCode?: string;
                        activityCode?: string;
                        rate: {
                            labelId: string;
                            labelName: string;
                            /** @enum {string} */
                            type: "hourly" | "fixed" | "custom";
                            value: string;
                            /** @enum {string} */
                            labelSource: "entry" | "matter" | "quick_code" | "timekeeper" | "system_role" | "default";
                            /** @enum {string} */
                            valueSource: "matter_override" | "client_override" | "timekeeper_override" | "base" | "entry";
                            historic: boolean;
                        };
                        amount: string;
                        /** @enum {string} */
                        status: "open" | "draft" | "billed";
                        invoiceNumber?: string;
                        version: number;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Malformed or invalid input, with `errors[].path` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or one that is not valid for this API. In AWS, API Gateway's JWT authorizer answers a missing, expired or wrongly signed token itself, before any function runs, with its own body `{"message":"Unauthorized"}` (`application/json`), not a problem document. A verified token without the claims this API needs gets a problem document. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description No such record in this firm */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patchTimeEntry: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag (`"<version>"`) last read; 412 if stale. */
                "If-Match"?: string;
            };
            path: {
                /** @description The record's id (anything not shaped like one of ours is a 404) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    matterId?: string;
                    timekeeperId?: string;
                    date?: string;
                    description?: string;
                    hours?: string;
                    billableHours?: string | null;
                    quickCode?: string | null;
                    rateLabelId?: string | null;
                    rateValue?: string | null;
                    amount?: string | null;
                    /** @enum {string} */
                    behavior?: "bill" | "hide" | "no_charge" | "non_billable";
                    taskCode?: string | null;
                    activityCode?: string | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        matterId: string;
                        timekeeperId: string;
                        date: string;
                        description: string;
                        hours: string;
                        billableHours: string;
                        quickCode?: string;
                        /** @enum {string} */
                        behavior: "bill" | "hide" | "no_charge" | "non_billable";
                        taskCode?: string;
                        activityCode?: string;
                        rate: {
                            labelId: string;
                            labelName: string;
                            /** @enum {string} */
                            type: "hourly" | "fixed" | "custom";
                            value: string;
                            /** @enum {string} */
                            labelSource: "entry" | "matter" | "quick_code" | "timekeeper" | "system_role" | "default";
                            /** @enum {string} */
                            valueSource: "matter_override" | "client_override" | "timekeeper_override" | "base" | "entry";
                            historic: boolean;
                        };
                        amount: string;
                        /** @enum {string} */
                        status: "open" | "draft" | "billed";
                        invoiceNumber?: string;
                        version: number;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Malformed or invalid input, with `errors[].path` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or one that is not valid for this API. In AWS, API Gateway's JWT authorizer answers a missing, expired or wrongly signed token itself, before any function runs, with its own body `{"message":"Unauthorized"}` (`application/json`), not a problem document. A verified token without the claims this API needs gets a problem document. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description The token lacks the "practice" scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record in this firm */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description State conflict (duplicate number, locked, restricted) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Stale If-Match */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 256 KB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not declared `application/json` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    startTimeExport: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    timekeeperId?: string;
                    matterId?: string;
                    from?: string;
                    to?: string;
                };
            };
        };
        responses: {
            /** @description Accepted: the job, to follow at its `Location` */
            202: {
                headers: {
                    Location: components["headers"]["Location"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        status: "queued" | "running" | "succeeded" | "failed" | "partially_failed";
                        progress: {
                            done: number;
                            total: number;
                        };
                        reason?: string;
                        createdAt: string;
                        updatedAt: string;
                        /** @constant */
                        kind: "time_export";
                        errors: {
                            timeEntryId: string;
                            /** @enum {string} */
                            code: "matter_not_linked" | "contact_not_linked" | "timekeeper_not_in_accounting" | "import_failed";
                            message: string;
                        }[];
                    } | {
                        id: string;
                        /** @enum {string} */
                        status: "queued" | "running" | "succeeded" | "failed" | "partially_failed";
                        progress: {
                            done: number;
                            total: number;
                        };
                        reason?: string;
                        createdAt: string;
                        updatedAt: string;
                        /** @constant */
                        kind: "bill_production";
                        errors: {
                            billId: string;
                            contactId?: string;
                            /** @description Why: `not_found`, `wrong_status` (no longer approved), `nothing_to_bill`, `production_failed` (failed on every try), `email_failed` (produced, not emailed: send it with POST /billing/bills/{id}/email) or `email_uncertain` (one email may not have gone out) */
                            code: string;
                            message: string;
                        }[];
                        printBatch?: {
                            bills: number;
                            invoices: number;
                            url?: string;
                        };
                    };
                };
            };
            /** @description Malformed or invalid input, with `errors[].path` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or one that is not valid for this API. In AWS, API Gateway's JWT authorizer answers a missing, expired or wrongly signed token itself, before any function runs, with its own body `{"message":"Unauthorized"}` (`application/json`), not a problem document. A verified token without the claims this API needs gets a problem document. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description The token lacks the "practice" scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record in this firm */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description State conflict (duplicate number, locked, restricted) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 256 KB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not declared `application/json` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listLedger: {
        parameters: {
            query?: {
                status?: "unbilled" | "billed";
                limit?: string;
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description The record's id (anything not shaped like one of ours is a 404) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            fileId: string;
                            timeEntryId: string;
                            date: string;
                            timekeeperId: string;
                            timekeeperName: string;
                            description: string;
                            hours: string;
                            rate: string;
                            amount: string;
                            /** @enum {string} */
                            type: "billable_work" | "on_hold" | "non_billable_work";
                            /** @enum {string} */
                            status: "unbilled" | "billed";
                            billId?: string;
                            billedAmount?: string;
                            noCharge?: boolean;
                            taskCode?: string;
                            activityCode?: string;
                            version: number;
                            createdAt: string;
                            updatedAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Malformed or invalid input, with `errors[].path` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or one that is not valid for this API. In AWS, API Gateway's JWT authorizer answers a missing, expired or wrongly signed token itself, before any function runs, with its own body `{"message":"Unauthorized"}` (`application/json`), not a problem document. A verified token without the claims this API needs gets a problem document. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description No such record in this firm */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patchLedgerEntry: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag (`"<version>"`) last read; 412 if stale. */
                "If-Match"?: string;
            };
            path: {
                /** @description The record's id (anything not shaped like one of ours is a 404) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    description?: string;
                    hours?: string;
                    rate?: string;
                    /** @enum {string} */
                    type?: "billable_work" | "on_hold" | "non_billable_work";
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        fileId: string;
                        timeEntryId: string;
                        date: string;
                        timekeeperId: string;
                        timekeeperName: string;
                        description: string;
                        hours: string;
                        rate: string;
                        amount: string;
                        /** @enum {string} */
                        type: "billable_work" | "on_hold" | "non_billable_work";
                        /** @enum {string} */
                        status: "unbilled" | "billed";
                        billId?: string;
                        billedAmount?: string;
                        noCharge?: boolean;
                        taskCode?: string;
                        activityCode?: string;
                        version: number;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Malformed or invalid input, with `errors[].path` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or one that is not valid for this API. In AWS, API Gateway's JWT authorizer answers a missing, expired or wrongly signed token itself, before any function runs, with its own body `{"message":"Unauthorized"}` (`application/json`), not a problem document. A verified token without the claims this API needs gets a problem document. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description The token lacks the "accounting" scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record in this firm */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description State conflict (duplicate number, locked, restricted) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Stale If-Match */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 256 KB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not declared `application/json` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listNotifications: {
        parameters: {
            query?: {
                limit?: string;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            jobId: string;
                            message: string;
                            errorCount: number;
                            createdAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Malformed or invalid input, with `errors[].path` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or one that is not valid for this API. In AWS, API Gateway's JWT authorizer answers a missing, expired or wrongly signed token itself, before any function runs, with its own body `{"message":"Unauthorized"}` (`application/json`), not a problem document. A verified token without the claims this API needs gets a problem document. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description No such record in this firm */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createBill: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    fileId: string;
                    throughDate?: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        fileId: string;
                        matterNumber: string;
                        matterName: string;
                        /** @enum {string} */
                        status: "draft" | "approved" | "finalized" | "paid";
                        /** @enum {string} */
                        pendingStep?: "posting" | "reverting";
                        description?: string;
                        throughDate?: string;
                        period: {
                            from: string;
                            to: string;
                        };
                        invoiceDate: string | null;
                        dueDate: string | null;
                        paymentTermsDays: number | null;
                        lineCount: number;
                        lines: {
                            id: string;
                            /** @enum {string} */
                            kind: "time" | "disbursement";
                            date: string;
                            timekeeperId?: string;
                            timekeeperName?: string;
                            description: string;
                            hours?: string;
                            rate?: string;
                            amount: string;
                            adjustment: string;
                            writeDown?: {
                                amount: string;
                                percent?: string;
                                reason: string;
                            };
                            discountShare: string;
                            billedAmount: string;
                            noCharge?: boolean;
                            taskCode?: string;
                            activityCode?: string;
                            expenseCode?: string;
                        }[];
                        linesNextCursor: string | null;
                        feesTotal: string;
                        disbursementsTotal: string;
                        adjustmentsTotal: string;
                        discount: {
                            amount?: string;
                            percent?: string;
                            reason: string;
                            value: string;
                        } | null;
                        total: string;
                        allocations: {
                            contactId: string;
                            percent: string;
                            amount: string;
                        }[];
                        invoices: {
                            id: string;
                            billId: string;
                            contactId: string;
                            invoiceNumber: string;
                            invoiceDate: string;
                            dueDate: string;
                            percent: string;
                            amount: string;
                            paid: string;
                            outstanding: string;
                            /** @enum {string} */
                            status: "open" | "paid" | "void";
                            overdue: boolean;
                        }[];
                        heldInvoiceNumbers: {
                            contactId: string;
                            invoiceNumber: string;
                        }[];
                        paid: string;
                        outstanding: string;
                        overdue: boolean;
                        documents: {
                            /** @enum {string} */
                            kind: "invoice_pdf" | "ledes" | "print_batch";
                            contactId?: string;
                            invoiceNumber?: string;
                            version: number;
                            url: string;
                        }[];
                        deliveries: {
                            to: string;
                            contactId: string;
                            sentAt: string;
                            messageId: string;
                        }[];
                        warnings?: {
                            /** @constant */
                            code: "unprintable_characters";
                            path: string;
                            contactId?: string;
                            message: string;
                        }[];
                        version: number;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Malformed or invalid input, with `errors[].path` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or one that is not valid for this API. In AWS, API Gateway's JWT authorizer answers a missing, expired or wrongly signed token itself, before any function runs, with its own body `{"message":"Unauthorized"}` (`application/json`), not a problem document. A verified token without the claims this API needs gets a problem document. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description The token lacks the "accounting" scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record in this firm */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description State conflict (duplicate number, locked, restricted) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 256 KB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not declared `application/json` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAccountingBill: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The record's id (anything not shaped like one of ours is a 404) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        fileId: string;
                        matterNumber: string;
                        matterName: string;
                        /** @enum {string} */
                        status: "draft" | "approved" | "finalized" | "paid";
                        /** @enum {string} */
                        pendingStep?: "posting" | "reverting";
                        description?: string;
                        throughDate?: string;
                        period: {
                            from: string;
                            to: string;
                        };
                        invoiceDate: string | null;
                        dueDate: string | null;
                        paymentTermsDays: number | null;
                        lineCount: number;
                        lines: {
                            id: string;
                            /** @enum {string} */
                            kind: "time" | "disbursement";
                            date: string;
                            timekeeperId?: string;
                            timekeeperName?: string;
                            description: string;
                            hours?: string;
                            rate?: string;
                            amount: string;
                            adjustment: string;
                            writeDown?: {
                                amount: string;
                                percent?: string;
                                reason: string;
                            };
                            discountShare: string;
                            billedAmount: string;
                            noCharge?: boolean;
                            taskCode?: string;
                            activityCode?: string;
                            expenseCode?: string;
                        }[];
                        linesNextCursor: string | null;
                        feesTotal: string;
                        disbursementsTotal: string;
                        adjustmentsTotal: string;
                        discount: {
                            amount?: string;
                            percent?: string;
                            reason: string;
                            value: string;
                        } | null;
                        total: string;
                        allocations: {
                            contactId: string;
                            percent: string;
                            amount: string;
                        }[];
                        invoices: {
                            id: string;
                            billId: string;
                            contactId: string;
                            invoiceNumber: string;
                            invoiceDate: string;
                            dueDate: string;
                            percent: string;
                            amount: string;
                            paid: string;
                            outstanding: string;
                            /** @enum {string} */
                            status: "open" | "paid" | "void";
                            overdue: boolean;
                        }[];
                        heldInvoiceNumbers: {
                            contactId: string;
                            invoiceNumber: string;
                        }[];
                        paid: string;
                        outstanding: string;
                        overdue: boolean;
                        documents: {
                            /** @enum {string} */
                            kind: "invoice_pdf" | "ledes" | "print_batch";
                            contactId?: string;
                            invoiceNumber?: string;
                            version: number;
                            url: string;
                        }[];
                        deliveries: {
                            to: string;
                            contactId: string;
                            sentAt: string;
                            messageId: string;
                        }[];
                        warnings?: {
                            /** @constant */
                            code: "unprintable_characters";
                            path: string;
                            contactId?: string;
                            message: string;
                        }[];
                        version: number;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Malformed or invalid input, with `errors[].path` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or one that is not valid for this API. In AWS, API Gateway's JWT authorizer answers a missing, expired or wrongly signed token itself, before any function runs, with its own body `{"message":"Unauthorized"}` (`application/json`), not a problem document. A verified token without the claims this API needs gets a problem document. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description No such record in this firm */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteBill: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The record's id (anything not shaped like one of ours is a 404) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed or invalid input, with `errors[].path` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or one that is not valid for this API. In AWS, API Gateway's JWT authorizer answers a missing, expired or wrongly signed token itself, before any function runs, with its own body `{"message":"Unauthorized"}` (`application/json`), not a problem document. A verified token without the claims this API needs gets a problem document. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description The token lacks the "accounting" scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record in this firm */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description State conflict (duplicate number, locked, restricted) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patchBill: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag (`"<version>"`) last read; 412 if stale. */
                "If-Match"?: string;
            };
            path: {
                /** @description The record's id (anything not shaped like one of ours is a 404) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    description?: string;
                    removeLineIds?: string[];
                    adjustments?: {
                        lineId: string;
                        amount?: string;
                        percent?: string;
                        reason: string;
                    }[];
                    discount?: {
                        amount?: string;
                        percent?: string;
                        reason: string;
                    } | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        fileId: string;
                        matterNumber: string;
                        matterName: string;
                        /** @enum {string} */
                        status: "draft" | "approved" | "finalized" | "paid";
                        /** @enum {string} */
                        pendingStep?: "posting" | "reverting";
                        description?: string;
                        throughDate?: string;
                        period: {
                            from: string;
                            to: string;
                        };
                        invoiceDate: string | null;
                        dueDate: string | null;
                        paymentTermsDays: number | null;
                        lineCount: number;
                        lines: {
                            id: string;
                            /** @enum {string} */
                            kind: "time" | "disbursement";
                            date: string;
                            timekeeperId?: string;
                            timekeeperName?: string;
                            description: string;
                            hours?: string;
                            rate?: string;
                            amount: string;
                            adjustment: string;
                            writeDown?: {
                                amount: string;
                                percent?: string;
                                reason: string;
                            };
                            discountShare: string;
                            billedAmount: string;
                            noCharge?: boolean;
                            taskCode?: string;
                            activityCode?: string;
                            expenseCode?: string;
                        }[];
                        linesNextCursor: string | null;
                        feesTotal: string;
                        disbursementsTotal: string;
                        adjustmentsTotal: string;
                        discount: {
                            amount?: string;
                            percent?: string;
                            reason: string;
                            value: string;
                        } | null;
                        total: string;
                        allocations: {
                            contactId: string;
                            percent: string;
                            amount: string;
                        }[];
                        invoices: {
                            id: string;
                            billId: string;
                            contactId: string;
                            invoiceNumber: string;
                            invoiceDate: string;
                            dueDate: string;
                            percent: string;
                            amount: string;
                            paid: string;
                            outstanding: string;
                            /** @enum {string} */
                            status: "open" | "paid" | "void";
                            overdue: boolean;
                        }[];
                        heldInvoiceNumbers: {
                            contactId: string;
                            invoiceNumber: string;
                        }[];
                        paid: string;
                        outstanding: string;
                        overdue: boolean;
                        documents: {
                            /** @enum {string} */
                            kind: "invoice_pdf" | "ledes" | "print_batch";
                            contactId?: string;
                            invoiceNumber?: string;
                            version: number;
                            url: string;
                        }[];
                        deliveries: {
                            to: string;
                            contactId: string;
                            sentAt: string;
                            messageId: string;
                        }[];
                        warnings?: {
                            /** @constant */
                            code: "unprintable_characters";
                            path: string;
                            contactId?: string;
                            message: string;
                        }[];
                        version: number;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Malformed or invalid input, with `errors[].path` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or one that is not valid for this API. In AWS, API Gateway's JWT authorizer answers a missing, expired or wrongly signed token itself, before any function runs, with its own body `{"message":"Unauthorized"}` (`application/json`), not a problem document. A verified token without the claims this API needs gets a problem document. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description The token lacks the "accounting" scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record in this firm */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description State conflict (duplicate number, locked, restricted) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Stale If-Match */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 256 KB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not declared `application/json` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    approveBill: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag (`"<version>"`) last read; 412 if stale. */
                "If-Match"?: string;
            };
            path: {
                /** @description The record's id (anything not shaped like one of ours is a 404) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        fileId: string;
                        matterNumber: string;
                        matterName: string;
                        /** @enum {string} */
                        status: "draft" | "approved" | "finalized" | "paid";
                        /** @enum {string} */
                        pendingStep?: "posting" | "reverting";
                        description?: string;
                        throughDate?: string;
                        period: {
                            from: string;
                            to: string;
                        };
                        invoiceDate: string | null;
                        dueDate: string | null;
                        paymentTermsDays: number | null;
                        lineCount: number;
                        lines: {
                            id: string;
                            /** @enum {string} */
                            kind: "time" | "disbursement";
                            date: string;
                            timekeeperId?: string;
                            timekeeperName?: string;
                            description: string;
                            hours?: string;
                            rate?: string;
                            amount: string;
                            adjustment: string;
                            writeDown?: {
                                amount: string;
                                percent?: string;
                                reason: string;
                            };
                            discountShare: string;
                            billedAmount: string;
                            noCharge?: boolean;
                            taskCode?: string;
                            activityCode?: string;
                            expenseCode?: string;
                        }[];
                        linesNextCursor: string | null;
                        feesTotal: string;
                        disbursementsTotal: string;
                        adjustmentsTotal: string;
                        discount: {
                            amount?: string;
                            percent?: string;
                            reason: string;
                            value: string;
                        } | null;
                        total: string;
                        allocations: {
                            contactId: string;
                            percent: string;
                            amount: string;
                        }[];
                        invoices: {
                            id: string;
                            billId: string;
                            contactId: string;
                            invoiceNumber: string;
                            invoiceDate: string;
                            dueDate: string;
                            percent: string;
                            amount: string;
                            paid: string;
                            outstanding: string;
                            /** @enum {string} */
                            status: "open" | "paid" | "void";
                            overdue: boolean;
                        }[];
                        heldInvoiceNumbers: {
                            contactId: string;
                            invoiceNumber: string;
                        }[];
                        paid: string;
                        outstanding: string;
                        overdue: boolean;
                        documents: {
                            /** @enum {string} */
                            kind: "invoice_pdf" | "ledes" | "print_batch";
                            contactId?: string;
                            invoiceNumber?: string;
                            version: number;
                            url: string;
                        }[];
                        deliveries: {
                            to: string;
                            contactId: string;
                            sentAt: string;
                            messageId: string;
                        }[];
                        warnings?: {
                            /** @constant */
                            code: "unprintable_characters";
                            path: string;
                            contactId?: string;
                            message: string;
                        }[];
                        version: number;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Malformed or invalid input, with `errors[].path` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or one that is not valid for this API. In AWS, API Gateway's JWT authorizer answers a missing, expired or wrongly signed token itself, before any function runs, with its own body `{"message":"Unauthorized"}` (`application/json`), not a problem document. A verified token without the claims this API needs gets a problem document. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description The token lacks the "accounting" scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record in this firm */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description State conflict (duplicate number, locked, restricted) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Stale If-Match */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    productionList: {
        parameters: {
            query?: {
                limit?: string;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            fileId: string;
                            matterNumber: string;
                            matterName: string;
                            /** @enum {string} */
                            status: "draft" | "approved" | "finalized" | "paid";
                            /** @enum {string} */
                            pendingStep?: "posting" | "reverting";
                            description?: string;
                            throughDate?: string;
                            period: {
                                from: string;
                                to: string;
                            };
                            invoiceDate: string | null;
                            dueDate: string | null;
                            paymentTermsDays: number | null;
                            lineCount: number;
                            lines: {
                                id: string;
                                /** @enum {string} */
                                kind: "time" | "disbursement";
                                date: string;
                                timekeeperId?: string;
                                timekeeperName?: string;
                                description: string;
                                hours?: string;
                                rate?: string;
                                amount: string;
                                adjustment: string;
                                writeDown?: {
                                    amount: string;
                                    percent?: string;
                                    reason: string;
                                };
                                discountShare: string;
                                billedAmount: string;
                                noCharge?: boolean;
                                taskCode?: string;
                                activityCode?: string;
                                expenseCode?: string;
                            }[];
                            linesNextCursor: string | null;
                            feesTotal: string;
                            disbursementsTotal: string;
                            adjustmentsTotal: string;
                            discount: {
                                amount?: string;
                                percent?: string;
                                reason: string;
                                value: string;
                            } | null;
                            total: string;
                            allocations: {
                                contactId: string;
                                percent: string;
                                amount: string;
                            }[];
                            invoices: {
                                id: string;
                                billId: string;
                                contactId: string;
                                invoiceNumber: string;
                                invoiceDate: string;
                                dueDate: string;
                                percent: string;
                                amount: string;
                                paid: string;
                                outstanding: string;
                                /** @enum {string} */
                                status: "open" | "paid" | "void";
                                overdue: boolean;
                            }[];
                            heldInvoiceNumbers: {
                                contactId: string;
                                invoiceNumber: string;
                            }[];
                            paid: string;
                            outstanding: string;
                            overdue: boolean;
                            documents: {
                                /** @enum {string} */
                                kind: "invoice_pdf" | "ledes" | "print_batch";
                                contactId?: string;
                                invoiceNumber?: string;
                                version: number;
                                url: string;
                            }[];
                            deliveries: {
                                to: string;
                                contactId: string;
                                sentAt: string;
                                messageId: string;
                            }[];
                            warnings?: {
                                /** @constant */
                                code: "unprintable_characters";
                                path: string;
                                contactId?: string;
                                message: string;
                            }[];
                            version: number;
                            createdAt: string;
                            updatedAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Malformed or invalid input, with `errors[].path` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or one that is not valid for this API. In AWS, API Gateway's JWT authorizer answers a missing, expired or wrongly signed token itself, before any function runs, with its own body `{"message":"Unauthorized"}` (`application/json`), not a problem document. A verified token without the claims this API needs gets a problem document. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description No such record in this firm */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    produceBills: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    billIds?: string[];
                };
            };
        };
        responses: {
            /** @description Accepted: the job, to follow at its `Location` */
            202: {
                headers: {
                    Location: components["headers"]["Location"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        status: "queued" | "running" | "succeeded" | "failed" | "partially_failed";
                        progress: {
                            done: number;
                            total: number;
                        };
                        reason?: string;
                        createdAt: string;
                        updatedAt: string;
                        /** @constant */
                        kind: "time_export";
                        errors: {
                            timeEntryId: string;
                            /** @enum {string} */
                            code: "matter_not_linked" | "contact_not_linked" | "timekeeper_not_in_accounting" | "import_failed";
                            message: string;
                        }[];
                    } | {
                        id: string;
                        /** @enum {string} */
                        status: "queued" | "running" | "succeeded" | "failed" | "partially_failed";
                        progress: {
                            done: number;
                            total: number;
                        };
                        reason?: string;
                        createdAt: string;
                        updatedAt: string;
                        /** @constant */
                        kind: "bill_production";
                        errors: {
                            billId: string;
                            contactId?: string;
                            /** @description Why: `not_found`, `wrong_status` (no longer approved), `nothing_to_bill`, `production_failed` (failed on every try), `email_failed` (produced, not emailed: send it with POST /billing/bills/{id}/email) or `email_uncertain` (one email may not have gone out) */
                            code: string;
                            message: string;
                        }[];
                        printBatch?: {
                            bills: number;
                            invoices: number;
                            url?: string;
                        };
                    };
                };
            };
            /** @description Malformed or invalid input, with `errors[].path` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or one that is not valid for this API. In AWS, API Gateway's JWT authorizer answers a missing, expired or wrongly signed token itself, before any function runs, with its own body `{"message":"Unauthorized"}` (`application/json`), not a problem document. A verified token without the claims this API needs gets a problem document. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description The token lacks the "billing" scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record in this firm */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description State conflict (duplicate number, locked, restricted) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 256 KB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not declared `application/json` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    revertBills: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    billIds?: string[];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        reverted: string[];
                        failed: {
                            billId: string;
                            code: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Malformed or invalid input, with `errors[].path` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or one that is not valid for this API. In AWS, API Gateway's JWT authorizer answers a missing, expired or wrongly signed token itself, before any function runs, with its own body `{"message":"Unauthorized"}` (`application/json`), not a problem document. A verified token without the claims this API needs gets a problem document. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description The token lacks the "billing" scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record in this firm */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description State conflict (duplicate number, locked, restricted) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 256 KB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not declared `application/json` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    previewProduction: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    billIds?: string[];
                };
            };
        };
        responses: {
            /** @description OK: the document itself */
            200: {
                headers: {
                    "Content-Disposition": components["headers"]["ContentDisposition"];
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description Malformed or invalid input, with `errors[].path` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or one that is not valid for this API. In AWS, API Gateway's JWT authorizer answers a missing, expired or wrongly signed token itself, before any function runs, with its own body `{"message":"Unauthorized"}` (`application/json`), not a problem document. A verified token without the claims this API needs gets a problem document. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description No such record in this firm */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description State conflict (duplicate number, locked, restricted) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 256 KB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not declared `application/json` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listBills: {
        parameters: {
            query?: {
                limit?: string;
                cursor?: string;
                status?: "draft" | "approved" | "finalized" | "paid";
                fileId?: string;
                contactId?: string;
                from?: string;
                to?: string;
                overdue?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            fileId: string;
                            matterNumber: string;
                            matterName: string;
                            /** @enum {string} */
                            status: "draft" | "approved" | "finalized" | "paid";
                            /** @enum {string} */
                            pendingStep?: "posting" | "reverting";
                            description?: string;
                            throughDate?: string;
                            period: {
                                from: string;
                                to: string;
                            };
                            invoiceDate: string | null;
                            dueDate: string | null;
                            paymentTermsDays: number | null;
                            lineCount: number;
                            lines: {
                                id: string;
                                /** @enum {string} */
                                kind: "time" | "disbursement";
                                date: string;
                                timekeeperId?: string;
                                timekeeperName?: string;
                                description: string;
                                hours?: string;
                                rate?: string;
                                amount: string;
                                adjustment: string;
                                writeDown?: {
                                    amount: string;
                                    percent?: string;
                                    reason: string;
                                };
                                discountShare: string;
                                billedAmount: string;
                                noCharge?: boolean;
                                taskCode?: string;
                                activityCode?: string;
                                expenseCode?: string;
                            }[];
                            linesNextCursor: string | null;
                            feesTotal: string;
                            disbursementsTotal: string;
                            adjustmentsTotal: string;
                            discount: {
                                amount?: string;
                                percent?: string;
                                reason: string;
                                value: string;
                            } | null;
                            total: string;
                            allocations: {
                                contactId: string;
                                percent: string;
                                amount: string;
                            }[];
                            invoices: {
                                id: string;
                                billId: string;
                                contactId: string;
                                invoiceNumber: string;
                                invoiceDate: string;
                                dueDate: string;
                                percent: string;
                                amount: string;
                                paid: string;
                                outstanding: string;
                                /** @enum {string} */
                                status: "open" | "paid" | "void";
                                overdue: boolean;
                            }[];
                            heldInvoiceNumbers: {
                                contactId: string;
                                invoiceNumber: string;
                            }[];
                            paid: string;
                            outstanding: string;
                            overdue: boolean;
                            documents: {
                                /** @enum {string} */
                                kind: "invoice_pdf" | "ledes" | "print_batch";
                                contactId?: string;
                                invoiceNumber?: string;
                                version: number;
                                url: string;
                            }[];
                            deliveries: {
                                to: string;
                                contactId: string;
                                sentAt: string;
                                messageId: string;
                            }[];
                            warnings?: {
                                /** @constant */
                                code: "unprintable_characters";
                                path: string;
                                contactId?: string;
                                message: string;
                            }[];
                            version: number;
                            createdAt: string;
                            updatedAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Malformed or invalid input, with `errors[].path` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or one that is not valid for this API. In AWS, API Gateway's JWT authorizer answers a missing, expired or wrongly signed token itself, before any function runs, with its own body `{"message":"Unauthorized"}` (`application/json`), not a problem document. A verified token without the claims this API needs gets a problem document. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description No such record in this firm */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getBill: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The record's id (anything not shaped like one of ours is a 404) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        fileId: string;
                        matterNumber: string;
                        matterName: string;
                        /** @enum {string} */
                        status: "draft" | "approved" | "finalized" | "paid";
                        /** @enum {string} */
                        pendingStep?: "posting" | "reverting";
                        description?: string;
                        throughDate?: string;
                        period: {
                            from: string;
                            to: string;
                        };
                        invoiceDate: string | null;
                        dueDate: string | null;
                        paymentTermsDays: number | null;
                        lineCount: number;
                        lines: {
                            id: string;
                            /** @enum {string} */
                            kind: "time" | "disbursement";
                            date: string;
                            timekeeperId?: string;
                            timekeeperName?: string;
                            description: string;
                            hours?: string;
                            rate?: string;
                            amount: string;
                            adjustment: string;
                            writeDown?: {
                                amount: string;
                                percent?: string;
                                reason: string;
                            };
                            discountShare: string;
                            billedAmount: string;
                            noCharge?: boolean;
                            taskCode?: string;
                            activityCode?: string;
                            expenseCode?: string;
                        }[];
                        linesNextCursor: string | null;
                        feesTotal: string;
                        disbursementsTotal: string;
                        adjustmentsTotal: string;
                        discount: {
                            amount?: string;
                            percent?: string;
                            reason: string;
                            value: string;
                        } | null;
                        total: string;
                        allocations: {
                            contactId: string;
                            percent: string;
                            amount: string;
                        }[];
                        invoices: {
                            id: string;
                            billId: string;
                            contactId: string;
                            invoiceNumber: string;
                            invoiceDate: string;
                            dueDate: string;
                            percent: string;
                            amount: string;
                            paid: string;
                            outstanding: string;
                            /** @enum {string} */
                            status: "open" | "paid" | "void";
                            overdue: boolean;
                        }[];
                        heldInvoiceNumbers: {
                            contactId: string;
                            invoiceNumber: string;
                        }[];
                        paid: string;
                        outstanding: string;
                        overdue: boolean;
                        documents: {
                            /** @enum {string} */
                            kind: "invoice_pdf" | "ledes" | "print_batch";
                            contactId?: string;
                            invoiceNumber?: string;
                            version: number;
                            url: string;
                        }[];
                        deliveries: {
                            to: string;
                            contactId: string;
                            sentAt: string;
                            messageId: string;
                        }[];
                        warnings?: {
                            /** @constant */
                            code: "unprintable_characters";
                            path: string;
                            contactId?: string;
                            message: string;
                        }[];
                        version: number;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Malformed or invalid input, with `errors[].path` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or one that is not valid for this API. In AWS, API Gateway's JWT authorizer answers a missing, expired or wrongly signed token itself, before any function runs, with its own body `{"message":"Unauthorized"}` (`application/json`), not a problem document. A verified token without the claims this API needs gets a problem document. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description No such record in this firm */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    billLines: {
        parameters: {
            query?: {
                limit?: string;
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description The record's id (anything not shaped like one of ours is a 404) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            /** @enum {string} */
                            kind: "time" | "disbursement";
                            date: string;
                            timekeeperId?: string;
                            timekeeperName?: string;
                            description: string;
                            hours?: string;
                            rate?: string;
                            amount: string;
                            adjustment: string;
                            writeDown?: {
                                amount: string;
                                percent?: string;
                                reason: string;
                            };
                            discountShare: string;
                            billedAmount: string;
                            noCharge?: boolean;
                            taskCode?: string;
                            activityCode?: string;
                            expenseCode?: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Malformed or invalid input, with `errors[].path` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or one that is not valid for this API. In AWS, API Gateway's JWT authorizer answers a missing, expired or wrongly signed token itself, before any function runs, with its own body `{"message":"Unauthorized"}` (`application/json`), not a problem document. A verified token without the claims this API needs gets a problem document. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description No such record in this firm */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listInvoices: {
        parameters: {
            query?: {
                limit?: string;
                cursor?: string;
                status?: "open" | "paid" | "void";
                fileId?: string;
                contactId?: string;
                overdue?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            billId: string;
                            contactId: string;
                            invoiceNumber: string;
                            invoiceDate: string;
                            dueDate: string;
                            percent: string;
                            amount: string;
                            paid: string;
                            outstanding: string;
                            /** @enum {string} */
                            status: "open" | "paid" | "void";
                            overdue: boolean;
                            fileId: string;
                            matterNumber: string;
                            voidReason?: string;
                            voidedAt?: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Malformed or invalid input, with `errors[].path` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or one that is not valid for this API. In AWS, API Gateway's JWT authorizer answers a missing, expired or wrongly signed token itself, before any function runs, with its own body `{"message":"Unauthorized"}` (`application/json`), not a problem document. A verified token without the claims this API needs gets a problem document. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description No such record in this firm */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    aging: {
        parameters: {
            query?: {
                asOf?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        asOf: string;
                        currency: string;
                        clients: {
                            contactId: string;
                            name: string;
                            invoices: number;
                            current: string;
                            "1-30": string;
                            "31-60": string;
                            "61-90": string;
                            "90+": string;
                            total: string;
                        }[];
                        totals: {
                            current: string;
                            "1-30": string;
                            "31-60": string;
                            "61-90": string;
                            "90+": string;
                            total: string;
                        };
                    };
                };
            };
            /** @description Malformed or invalid input, with `errors[].path` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or one that is not valid for this API. In AWS, API Gateway's JWT authorizer answers a missing, expired or wrongly signed token itself, before any function runs, with its own body `{"message":"Unauthorized"}` (`application/json`), not a problem document. A verified token without the claims this API needs gets a problem document. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description No such record in this firm */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    previewBill: {
        parameters: {
            query?: {
                contactId?: string;
            };
            header?: never;
            path: {
                /** @description The record's id (anything not shaped like one of ours is a 404) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: the document itself */
            200: {
                headers: {
                    "Content-Disposition": components["headers"]["ContentDisposition"];
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description Malformed or invalid input, with `errors[].path` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or one that is not valid for this API. In AWS, API Gateway's JWT authorizer answers a missing, expired or wrongly signed token itself, before any function runs, with its own body `{"message":"Unauthorized"}` (`application/json`), not a problem document. A verified token without the claims this API needs gets a problem document. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description No such record in this firm */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ebilling: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    billIds: string[];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            billId: string;
                            contactId: string;
                            invoiceNumber: string;
                            url: string;
                        }[];
                    };
                };
            };
            /** @description Malformed or invalid input, with `errors[].path` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or one that is not valid for this API. In AWS, API Gateway's JWT authorizer answers a missing, expired or wrongly signed token itself, before any function runs, with its own body `{"message":"Unauthorized"}` (`application/json`), not a problem document. A verified token without the claims this API needs gets a problem document. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description The token lacks the "billing" scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record in this firm */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description State conflict (duplicate number, locked, restricted) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 256 KB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not declared `application/json` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    emailBill: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The record's id (anything not shaped like one of ours is a 404) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    to?: string & (unknown & unknown);
                    contactId?: string;
                    subject?: string;
                    message?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        fileId: string;
                        matterNumber: string;
                        matterName: string;
                        /** @enum {string} */
                        status: "draft" | "approved" | "finalized" | "paid";
                        /** @enum {string} */
                        pendingStep?: "posting" | "reverting";
                        description?: string;
                        throughDate?: string;
                        period: {
                            from: string;
                            to: string;
                        };
                        invoiceDate: string | null;
                        dueDate: string | null;
                        paymentTermsDays: number | null;
                        lineCount: number;
                        lines: {
                            id: string;
                            /** @enum {string} */
                            kind: "time" | "disbursement";
                            date: string;
                            timekeeperId?: string;
                            timekeeperName?: string;
                            description: string;
                            hours?: string;
                            rate?: string;
                            amount: string;
                            adjustment: string;
                            writeDown?: {
                                amount: string;
                                percent?: string;
                                reason: string;
                            };
                            discountShare: string;
                            billedAmount: string;
                            noCharge?: boolean;
                            taskCode?: string;
                            activityCode?: string;
                            expenseCode?: string;
                        }[];
                        linesNextCursor: string | null;
                        feesTotal: string;
                        disbursementsTotal: string;
                        adjustmentsTotal: string;
                        discount: {
                            amount?: string;
                            percent?: string;
                            reason: string;
                            value: string;
                        } | null;
                        total: string;
                        allocations: {
                            contactId: string;
                            percent: string;
                            amount: string;
                        }[];
                        invoices: {
                            id: string;
                            billId: string;
                            contactId: string;
                            invoiceNumber: string;
                            invoiceDate: string;
                            dueDate: string;
                            percent: string;
                            amount: string;
                            paid: string;
                            outstanding: string;
                            /** @enum {string} */
                            status: "open" | "paid" | "void";
                            overdue: boolean;
                        }[];
                        heldInvoiceNumbers: {
                            contactId: string;
                            invoiceNumber: string;
                        }[];
                        paid: string;
                        outstanding: string;
                        overdue: boolean;
                        documents: {
                            /** @enum {string} */
                            kind: "invoice_pdf" | "ledes" | "print_batch";
                            contactId?: string;
                            invoiceNumber?: string;
                            version: number;
                            url: string;
                        }[];
                        deliveries: {
                            to: string;
                            contactId: string;
                            sentAt: string;
                            messageId: string;
                        }[];
                        warnings?: {
                            /** @constant */
                            code: "unprintable_characters";
                            path: string;
                            contactId?: string;
                            message: string;
                        }[];
                        version: number;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Malformed or invalid input, with `errors[].path` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or one that is not valid for this API. In AWS, API Gateway's JWT authorizer answers a missing, expired or wrongly signed token itself, before any function runs, with its own body `{"message":"Unauthorized"}` (`application/json`), not a problem document. A verified token without the claims this API needs gets a problem document. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description The token lacks the "billing" scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record in this firm */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description State conflict (duplicate number, locked, restricted) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 256 KB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not declared `application/json` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createPayment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The record's id (anything not shaped like one of ours is a 404) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    amount: string;
                    date: string;
                    /** @enum {string} */
                    method: "check" | "wire" | "ach" | "eft" | "card" | "cash" | "trust" | "other";
                    reference?: string;
                    contactId?: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        billId: string;
                        contactId: string;
                        invoiceNumber: string;
                        amount: string;
                        date: string;
                        /** @enum {string} */
                        method: "check" | "wire" | "ach" | "eft" | "card" | "cash" | "trust" | "other";
                        reference?: string;
                        createdAt: string;
                    };
                };
            };
            /** @description Malformed or invalid input, with `errors[].path` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or one that is not valid for this API. In AWS, API Gateway's JWT authorizer answers a missing, expired or wrongly signed token itself, before any function runs, with its own body `{"message":"Unauthorized"}` (`application/json`), not a problem document. A verified token without the claims this API needs gets a problem document. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description The token lacks the "billing" scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record in this firm */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description State conflict (duplicate number, locked, restricted) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 256 KB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not declared `application/json` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getBillingSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        scheduledProduction: boolean;
                        version: number;
                        updatedAt: string | null;
                    };
                };
            };
            /** @description Malformed or invalid input, with `errors[].path` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or one that is not valid for this API. In AWS, API Gateway's JWT authorizer answers a missing, expired or wrongly signed token itself, before any function runs, with its own body `{"message":"Unauthorized"}` (`application/json`), not a problem document. A verified token without the claims this API needs gets a problem document. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description No such record in this firm */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putBillingSettings: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag (`"<version>"`) last read; 412 if stale. */
                "If-Match"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    scheduledProduction: boolean;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        scheduledProduction: boolean;
                        version: number;
                        updatedAt: string | null;
                    };
                };
            };
            /** @description Malformed or invalid input, with `errors[].path` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or one that is not valid for this API. In AWS, API Gateway's JWT authorizer answers a missing, expired or wrongly signed token itself, before any function runs, with its own body `{"message":"Unauthorized"}` (`application/json`), not a problem document. A verified token without the claims this API needs gets a problem document. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description The token lacks the "admin" scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record in this firm */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description State conflict (duplicate number, locked, restricted) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Stale If-Match */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 256 KB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not declared `application/json` */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
