/**
 * The one declaration of the system: tables, queues, buckets, functions and
 * what triggers them (HTTP routes are listed in `api/routes.ts`). `infra/stack.ts` turns it into CDK constructs and
 * `infra/local/` into emulator resources, an HTTP router, queue and stream
 * pollers and timers, so the deployed and the local system cannot drift apart.
 */

export interface TableDecl {
  /** Partition and sort key attribute names (both strings). */
  readonly keys: { readonly pk: string; readonly sk: string };
  /** `keys` indexes carry only keys (the caller reads the items); `all` indexes carry whole items for list pages. */
  readonly indexes: readonly { readonly name: string; readonly pk: string; readonly sk: string; readonly projection: 'keys' | 'all' }[];
  /** Items with this epoch-seconds attribute expire (outbox entries). */
  readonly ttlAttribute?: string;
  /**
   * New images stream to the functions triggered by it. Only the outbox streams: the books' own writes
   * never pay for stream records, and (DynamoDB Local) only the first streamed table written is fast.
   */
  readonly stream: boolean;
  readonly description: string;
}

const bookTable = (description: string): TableDecl => ({
  keys: { pk: 'pk', sk: 'sk' },
  indexes: [
    // Sparse: records whose link is still pending, read by the reconciler (partition key sharded: lib/aws/pending-index.ts).
    { name: 'pending', pk: 'pendingPk', sk: 'pendingSk', projection: 'keys' },
    // General-purpose list indexes; each entity documents what it puts there
    // (time entries: by matter, by timekeeper, by status; each sorted by date).
    { name: 'gsi1', pk: 'gsi1pk', sk: 'gsi1sk', projection: 'all' },
    { name: 'gsi2', pk: 'gsi2pk', sk: 'gsi2sk', projection: 'all' },
    { name: 'gsi3', pk: 'gsi3pk', sk: 'gsi3sk', projection: 'all' },
  ],
  ttlAttribute: 'expiresAt',
  stream: false,
  description,
});

export const tables = {
  practice: bookTable('The practice management book: contacts, matters, users, rates, time.'),
  accounting: bookTable('The legal accounting book: contacts, files, numbering, ledger, bills.'),
  outbox: {
    keys: { pk: 'pk', sk: 'sk' },
    indexes: [],
    ttlAttribute: 'expiresAt',
    stream: true,
    description: 'Both books\' outbox: messages written in the same transaction as what they announce, streamed to their relays.',
  },
  jobs: {
    keys: { pk: 'pk', sk: 'sk' },
    indexes: [],
    ttlAttribute: 'expiresAt',
    stream: false,
    description: 'Long-running work (exports, production) and its progress.',
  },
} as const satisfies Record<string, TableDecl>;
export type TableName = keyof typeof tables;

export interface QueueDecl {
  readonly description: string;
  readonly visibilityTimeoutSeconds: number;
  /** Deliveries before a message moves to the queue's DLQ. */
  readonly maxReceiveCount: number;
  /**
   * An alarm fires (in AWS) when the queue's oldest message has waited this long: its consumer is stuck,
   * throttled or far behind. Set above what a healthy busy spell leaves waiting, and above three visibility
   * timeouts: SQS stops counting a message's age after its third receive, so a poison message on its way
   * to the DLQ never trips this alarm (the DLQ's own alarm reports it).
   */
  readonly oldestMessageAlarmSeconds: number;
}

/**
 * How long SQS keeps a message. A main queue keeps it a week, as long as the outbox entry it came from
 * (`lib/sync/outbox.entity.ts`), so a consumer broken over a long weekend loses nothing. A dead-letter
 * queue keeps it the 14-day maximum: SQS counts a moved message's age from its first send, so a DLQ must
 * keep messages longer than its queue for a late poison message to get any time there at all.
 */
export const queueRetentionDays = { queue: 7, deadLetter: 14 } as const;

export const queues = {
  billProduction: {
    description: 'Accounting-internal: plans bill production jobs and produces each bill.',
    visibilityTimeoutSeconds: 180,
    maxReceiveCount: 5,
    oldestMessageAlarmSeconds: 3600,
  },
  invoiceMail: {
    description: 'Accounting-internal: emails the invoices of each produced bill that asks for it.',
    visibilityTimeoutSeconds: 120,
    maxReceiveCount: 5,
    oldestMessageAlarmSeconds: 3600,
  },
  timeExport: {
    description: 'Practice-internal: plans time exports, page by page.',
    visibilityTimeoutSeconds: 180,
    maxReceiveCount: 5,
    oldestMessageAlarmSeconds: 900,
  },
  timeBooking: {
    description: 'Time export batches from practice to accounting, apart from sync so a large export never holds it up.',
    visibilityTimeoutSeconds: 60,
    maxReceiveCount: 5,
    oldestMessageAlarmSeconds: 900,
  },
  toAccounting: {
    description: 'Sync messages from practice to accounting.',
    visibilityTimeoutSeconds: 60,
    maxReceiveCount: 5,
    oldestMessageAlarmSeconds: 300,
  },
  toPractice: {
    description: 'Sync messages from accounting to practice.',
    visibilityTimeoutSeconds: 60,
    maxReceiveCount: 5,
    oldestMessageAlarmSeconds: 300,
  },
} as const satisfies Record<string, QueueDecl>;
export type QueueName = keyof typeof queues;

/** The queues each book's outbox entries may name; its relay may send to exactly these. */
export const outboxDestinations = {
  practice: ['toAccounting', 'timeBooking', 'timeExport'],
  accounting: ['toPractice', 'billProduction', 'invoiceMail'],
} as const satisfies Record<'practice' | 'accounting', readonly QueueName[]>;

export const buckets = {
  documents: { description: 'Invoice PDFs and LEDES files, private, reached by presigned URLs.' },
} as const;
export type BucketName = keyof typeof buckets;

/**
 * A stream batch that keeps failing is retried this often (halving on error), then Lambda hands its
 * description to the function's on-failure queue and moves on; the local stream poller does the same
 * number of retries, then logs and skips the record.
 */
export const streamRetryAttempts = 10;

/**
 * Days logs are kept (in AWS): every CloudWatch log group (the functions' logs, the HTTP API's access
 * log), and the S3 server access logs of the buckets, the one record of who fetched which document
 * through a presigned link, kept as an audit trail.
 */
export const logRetentionDays = { logGroups: 30, bucketAccess: 365 } as const;

/** A Lambda event filter pattern (the same JSON Lambda's FilterCriteria takes). */
export type FilterPattern = { readonly [key: string]: readonly (string | number | boolean)[] | FilterPattern };

export type Trigger =
  | { readonly kind: 'http' }
  | { readonly kind: 'queue'; readonly queue: QueueName; readonly batchSize: number; readonly maxConcurrency: number }
  | { readonly kind: 'stream'; readonly table: TableName; readonly batchSize: number; readonly filter: FilterPattern }
  | { readonly kind: 'schedule'; readonly everyMinutes: number };

export interface FunctionDecl {
  /** Source file, relative to the project root; it exports `handler`. */
  readonly entry: string;
  readonly description: string;
  readonly trigger: Trigger;
  readonly timeoutSeconds?: number;
  readonly memoryMb?: number;
  readonly tables?: Partial<Record<TableName, 'read' | 'readwrite'>>;
  readonly sendsTo?: readonly QueueName[];
  readonly buckets?: Partial<Record<BucketName, 'read' | 'readwrite'>>;
  /** Sends email (SES in AWS, the SMTP sink locally). */
  readonly mail?: boolean;
}

const http = { kind: 'http' } as const;

/** The destinations an outbox relay's stream filter lets through (none for other stream functions). */
export function relayedDestinations(filter: FilterPattern): readonly string[] {
  const image = (filter.dynamodb as FilterPattern | undefined)?.NewImage as FilterPattern | undefined;
  const destination = image?.destination as FilterPattern | undefined;
  return (destination?.S as readonly string[] | undefined) ?? [];
}

/** One book's outbox entries (those bound for its destinations), only when they are first written. */
const outboxInserts = (book: keyof typeof outboxDestinations): FilterPattern => ({
  eventName: ['INSERT'],
  dynamodb: { NewImage: { entity: { S: ['outbox'] }, destination: { S: outboxDestinations[book] } } },
});
/** Announcements that a file's balance moved (the publisher reads the balance itself). */
const balanceAnnouncements: FilterPattern = { eventName: ['INSERT'], dynamodb: { NewImage: { entity: { S: ['balance_announcement'] } } } };

export const functions = {
  openapi: { entry: 'functions/http/openapi.ts', description: 'GET /openapi.json', trigger: http },
  jobsApi: {
    entry: 'functions/http/jobs.ts',
    description: 'Job status',
    trigger: http,
    tables: { jobs: 'read' },
    buckets: { documents: 'read' },
  },
  practiceSettingsApi: {
    entry: 'functions/http/practice-settings.ts',
    description: 'Practice settings',
    trigger: http,
    tables: { practice: 'readwrite', outbox: 'readwrite' },
  },
  practiceContactsApi: {
    entry: 'functions/http/practice-contacts.ts',
    description: 'Practice contacts',
    trigger: http,
    tables: { practice: 'readwrite', outbox: 'readwrite' },
  },
  accountingSettingsApi: {
    entry: 'functions/http/accounting-settings.ts',
    description: 'Accounting settings',
    trigger: http,
    tables: { accounting: 'readwrite', outbox: 'readwrite' },
  },
  accountingContactsApi: {
    entry: 'functions/http/accounting-contacts.ts',
    description: 'Accounting contacts',
    trigger: http,
    tables: { accounting: 'readwrite', outbox: 'readwrite' },
  },
  practiceMattersApi: {
    entry: 'functions/http/practice-matters.ts',
    description: 'Practice matters, their balances and invoices',
    trigger: http,
    tables: { practice: 'readwrite', outbox: 'readwrite' },
  },
  accountingFilesApi: {
    entry: 'functions/http/accounting-files.ts',
    description: 'Accounting files, split billing, disbursements',
    trigger: http,
    tables: { accounting: 'readwrite', outbox: 'readwrite' },
  },
  practiceUsersApi: {
    entry: 'functions/http/practice-users.ts',
    description: 'Timekeepers and system roles',
    trigger: http,
    tables: { practice: 'readwrite' },
  },
  practiceRatesApi: {
    entry: 'functions/http/practice-rates.ts',
    description: 'Rate labels (with merge-on-delete) and quick codes',
    trigger: http,
    tables: { practice: 'readwrite' },
  },
  practiceTimeApi: {
    entry: 'functions/http/practice-time.ts',
    description: 'Time entries, priced by the rate hierarchy',
    trigger: http,
    tables: { practice: 'readwrite' },
  },
  accountingUsersApi: {
    entry: 'functions/http/accounting-users.ts',
    description: 'Accounting users',
    trigger: http,
    tables: { accounting: 'readwrite' },
  },
  practiceBillingApi: {
    entry: 'functions/http/practice-billing.ts',
    description: 'Sending time for billing',
    trigger: http,
    tables: { practice: 'readwrite', outbox: 'readwrite', jobs: 'readwrite' },
  },
  accountingLedgerApi: {
    entry: 'functions/http/accounting-ledger.ts',
    description: 'The client ledger and import alerts',
    trigger: http,
    tables: { accounting: 'readwrite', outbox: 'readwrite' },
  },
  timeExportPlanner: {
    entry: 'functions/queue/time-export.ts',
    description: 'Plans time exports page by page and sends batches to accounting',
    trigger: { kind: 'queue', queue: 'timeExport', batchSize: 1, maxConcurrency: 10 },
    timeoutSeconds: 120,
    tables: { practice: 'readwrite', outbox: 'readwrite', jobs: 'readwrite' },
  },
  accountingBillsApi: {
    entry: 'functions/http/accounting-bills.ts',
    description: 'Drafting and approving bills',
    trigger: http,
    // API Gateway's most: drafting or posting a bill of 10,000 lines takes seconds (hundreds of requests).
    timeoutSeconds: 29,
    tables: { accounting: 'readwrite', outbox: 'readwrite' },
    buckets: { documents: 'read' },
  },
  billingApi: {
    entry: 'functions/http/billing.ts',
    description: 'Bill production, bills, payments, billing settings',
    trigger: http,
    tables: { accounting: 'readwrite', outbox: 'readwrite', jobs: 'readwrite' },
    buckets: { documents: 'read' },
  },
  // The routes that render or mail documents live in functions of their own, so the PDF library and the mail
  // client are loaded (and bundled) only where they are used; every bundle stays under 1 MB.
  billDocumentsApi: {
    entry: 'functions/http/bill-documents.ts',
    description: 'Invoice previews (PDF) and LEDES e-billing files',
    trigger: http,
    timeoutSeconds: 29,
    memoryMb: 1024,
    tables: { accounting: 'readwrite', outbox: 'readwrite' },
    buckets: { documents: 'readwrite' },
  },
  billEmailApi: {
    entry: 'functions/http/bill-email.ts',
    description: 'Sends a finalized invoice by email, by hand',
    trigger: http,
    timeoutSeconds: 29,
    tables: { accounting: 'readwrite', outbox: 'readwrite' },
    buckets: { documents: 'read' },
    mail: true,
  },
  billProductionWorker: {
    entry: 'functions/queue/bill-production.ts',
    description: 'Plans production jobs and produces each bill (number, ledger, PDFs); hands emailing to the invoice mail queue',
    trigger: { kind: 'queue', queue: 'billProduction', batchSize: 1, maxConcurrency: 20 },
    timeoutSeconds: 120,
    memoryMb: 1024,
    tables: { accounting: 'readwrite', outbox: 'readwrite', jobs: 'readwrite' },
    buckets: { documents: 'readwrite' },
  },
  invoiceMailWorker: {
    entry: 'functions/queue/invoice-mail.ts',
    description: 'Emails a produced bill\'s stored invoice PDFs to its clients, then counts the bill on its production job',
    trigger: { kind: 'queue', queue: 'invoiceMail', batchSize: 1, maxConcurrency: 10 },
    timeoutSeconds: 60,
    tables: { accounting: 'readwrite', outbox: 'readwrite', jobs: 'readwrite' },
    buckets: { documents: 'read' },
    mail: true,
  },
  billingRun: {
    entry: 'functions/schedule/billing-run.ts',
    description: 'The scheduled billing run: a production job per firm with scheduled production',
    trigger: { kind: 'schedule', everyMinutes: 1440 },
    timeoutSeconds: 300,
    tables: { accounting: 'readwrite', outbox: 'readwrite', jobs: 'readwrite' },
  },
  practiceOutboxRelay: {
    entry: 'functions/stream/outbox-relay.ts',
    description: 'Relays practice outbox entries to their queues (to-accounting, time booking, time export)',
    trigger: { kind: 'stream', table: 'outbox', batchSize: 100, filter: outboxInserts('practice') },
    sendsTo: outboxDestinations.practice,
  },
  accountingOutboxRelay: {
    entry: 'functions/stream/outbox-relay.ts',
    description: 'Relays accounting outbox entries to their queues (to-practice, bill production, invoice mail)',
    trigger: { kind: 'stream', table: 'outbox', batchSize: 100, filter: outboxInserts('accounting') },
    sendsTo: outboxDestinations.accounting,
  },
  accountingBalancePublisher: {
    entry: 'functions/stream/balance-publisher.ts',
    description: 'Tells practice every new file balance',
    trigger: { kind: 'stream', table: 'outbox', batchSize: 100, filter: balanceAnnouncements },
    tables: { accounting: 'read' },
    sendsTo: ['toPractice'],
  },
  toAccountingConsumer: {
    entry: 'functions/queue/to-accounting.ts',
    description: 'Applies practice sync messages to the accounting book',
    trigger: { kind: 'queue', queue: 'toAccounting', batchSize: 10, maxConcurrency: 20 },
    timeoutSeconds: 10,
    tables: { accounting: 'readwrite', outbox: 'readwrite' },
  },
  timeBookingConsumer: {
    entry: 'functions/queue/time-booking.ts',
    description: 'Books practice\'s time export batches into the accounting ledger',
    trigger: { kind: 'queue', queue: 'timeBooking', batchSize: 1, maxConcurrency: 10 },
    timeoutSeconds: 30,
    tables: { accounting: 'readwrite', outbox: 'readwrite' },
  },
  toPracticeConsumer: {
    entry: 'functions/queue/to-practice.ts',
    description: 'Applies accounting sync messages to the practice book',
    trigger: { kind: 'queue', queue: 'toPractice', batchSize: 10, maxConcurrency: 20 },
    timeoutSeconds: 10,
    tables: { practice: 'readwrite', outbox: 'readwrite', jobs: 'readwrite' },
  },
  practiceReconciler: {
    entry: 'functions/schedule/practice-reconciler.ts',
    description: 'Re-sends practice records whose link stayed pending',
    trigger: { kind: 'schedule', everyMinutes: 1 },
    timeoutSeconds: 60,
    tables: { practice: 'readwrite', outbox: 'readwrite' },
  },
  accountingReconciler: {
    entry: 'functions/schedule/accounting-reconciler.ts',
    description: 'Re-sends accounting records whose link stayed pending; voids invoice numbers a crash left unused',
    trigger: { kind: 'schedule', everyMinutes: 1 },
    timeoutSeconds: 60,
    tables: { accounting: 'readwrite', outbox: 'readwrite' },
  },
} as const satisfies Record<string, FunctionDecl>;
export type FunctionName = keyof typeof functions;

/** Environment variable names through which a function learns its resources. */
export const envName = {
  table: (t: TableName) => `TABLE_${t.toUpperCase()}`,
  queueUrl: (q: QueueName) => `QUEUE_URL_${q.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`,
  bucket: (b: BucketName) => `BUCKET_${b.toUpperCase()}`,
};


