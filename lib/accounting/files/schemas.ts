import * as z from 'zod';
import { Link } from '#lib/sync/link';
import { PositiveMoney, Money } from '#lib/shared/money';
import { IsoDate } from '#lib/shared/dates';

export const Allocation = z.object({ contactId: z.string(), percent: z.string() });

export const PutAllocations = z.strictObject({
  allocations: z
    .array(z.strictObject({ contactId: z.string().min(1).max(64), percent: z.union([z.string(), z.number()]) }))
    .min(1)
    .max(20),
});
export type PutAllocations = z.infer<typeof PutAllocations>;

export const FileOptions = z.object({
  emailInvoices: z.boolean(),
  ledesEnabled: z.boolean(),
  clientMatterId: z.string().optional(),
  /** Producing the file's bills adds their invoices to the job's print batch. */
  printInvoices: z.boolean(),
  /** Days from invoice date to due date; absent: the firm's `billing.paymentTermsDays`. */
  paymentTermsDays: z.number().int().optional(),
});
export type FileOptions = z.infer<typeof FileOptions>;

export const AccountingFile = z.object({
  id: z.string(),
  matterNumber: z.string(),
  name: z.string(),
  clientIds: z.array(z.string()),
  primaryClientId: z.string(),
  allocations: z.array(Allocation),
  /** False while the split follows the primary client (it gets 100%); true once PUT …/allocations set it by hand. */
  splitSetByHand: z.boolean(),
  options: FileOptions,
  link: Link,
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AccountingFile = z.infer<typeof AccountingFile>;

/** UTBMS expense codes E101–E124. */
export const ExpenseCode = z.string().regex(/^E1(0[1-9]|1\d|2[0-4])$/, 'must be a UTBMS expense code from E101 to E124');

export const CreateDisbursement = z.strictObject({
  date: IsoDate,
  description: z.string().trim().min(1, 'must not be empty').max(500),
  amount: PositiveMoney,
  expenseCode: ExpenseCode.optional(),
});
export type CreateDisbursement = z.infer<typeof CreateDisbursement>;

export const Disbursement = z.object({
  id: z.string(),
  fileId: z.string(),
  date: z.string(),
  description: z.string(),
  amount: Money,
  expenseCode: z.string().optional(),
  status: z.enum(['unbilled', 'billed']),
  createdAt: z.string(),
});
export type Disbursement = z.infer<typeof Disbursement>;
