import * as z from 'zod';
import { IsoDate } from '#lib/shared/dates';
import { Money, PositiveMoney } from '#lib/shared/money';

const Id = z.string().min(1).max(64);

export const BillStatus = z.enum(['draft', 'approved', 'finalized', 'paid']);
export type BillStatus = z.infer<typeof BillStatus>;

export const CreateBill = z.strictObject({ fileId: Id, throughDate: IsoDate.optional() });
export type CreateBill = z.infer<typeof CreateBill>;

export const PatchBill = z.strictObject({
  description: z.string().trim().max(500).optional(),
  removeLineIds: z.array(Id).min(1).max(1000).optional(),
});
export type PatchBill = z.infer<typeof PatchBill>;

export const BillIds = z.strictObject({ billIds: z.array(Id).min(1).max(500).optional() });
export type BillIds = z.infer<typeof BillIds>;

export const EbillingRequest = z.strictObject({ billIds: z.array(Id).min(1).max(100) });

export const EmailRequest = z.strictObject({
  to: z.email('must be an email address').optional(),
  subject: z.string().trim().min(1).max(200).optional(),
  message: z.string().trim().max(5000).optional(),
});
export type EmailRequest = z.infer<typeof EmailRequest>;

export const PaymentMethod = z.enum(['check', 'wire', 'ach', 'card', 'cash', 'other']);
export const CreatePayment = z.strictObject({
  amount: PositiveMoney,
  date: IsoDate,
  method: PaymentMethod,
  reference: z.string().trim().min(1).max(100).optional(),
});
export type CreatePayment = z.infer<typeof CreatePayment>;

export const Payment = z.object({
  id: z.string(),
  billId: z.string(),
  amount: Money,
  date: z.string(),
  method: PaymentMethod,
  reference: z.string().optional(),
  createdAt: z.string(),
});
export type Payment = z.infer<typeof Payment>;

export const BillingSettingsInput = z.strictObject({ scheduledProduction: z.boolean() });
export const BillingSettings = BillingSettingsInput.extend({ version: z.number().int(), updatedAt: z.string().nullable() });
export type BillingSettings = z.infer<typeof BillingSettings>;

export const BillLine = z.object({
  id: z.string(),
  kind: z.enum(['time', 'disbursement']),
  date: z.string(),
  timekeeperId: z.string().optional(),
  timekeeperName: z.string().optional(),
  description: z.string(),
  hours: z.string().optional(),
  rate: Money.optional(),
  amount: Money,
  taskCode: z.string().optional(),
  activityCode: z.string().optional(),
  expenseCode: z.string().optional(),
});
export type BillLine = z.infer<typeof BillLine>;

export const Bill = z.object({
  id: z.string(),
  fileId: z.string(),
  matterNumber: z.string(),
  matterName: z.string(),
  status: BillStatus,
  description: z.string().optional(),
  throughDate: z.string().optional(),
  period: z.object({ from: z.string(), to: z.string() }),
  invoiceNumber: z.string().nullable(),
  invoiceDate: z.string().nullable(),
  lines: z.array(BillLine),
  feesTotal: Money,
  disbursementsTotal: Money,
  total: Money,
  allocations: z.array(z.object({ contactId: z.string(), percent: z.string(), amount: Money })),
  paid: Money,
  outstanding: Money,
  documents: z.array(z.object({ kind: z.enum(['invoice_pdf', 'ledes']), contactId: z.string().optional(), url: z.string() })),
  deliveries: z.array(z.object({ to: z.string(), sentAt: z.string(), messageId: z.string() })),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Bill = z.infer<typeof Bill>;
