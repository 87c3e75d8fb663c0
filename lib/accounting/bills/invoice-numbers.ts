import { commit, TransactionRefused } from '../../aws/transactions.ts';
import { invoiceEntity } from '../entities/invoice.entity.ts';
import { numberingEntity } from '../entities/numbering.entity.ts';
import { nowIso } from '../../shared/clock.ts';
import { invoiceIdOf, type InvoiceRecord } from './model.ts';

/** What a void number says about where it came from. */
export interface VoidOrigin {
  billId: string;
  fileId: string;
  matterNumber: string;
  contactId: string;
  reason: string;
}

/** The record that lists a number no invoice will carry. */
export function voidNumberRecord(firmId: string, invoiceNumber: string, origin: VoidOrigin, now: string): InvoiceRecord {
  const day = now.slice(0, 10);
  return {
    entity: 'invoice', firmId, id: invoiceIdOf(invoiceNumber), invoiceNumber, billId: origin.billId, fileId: origin.fileId,
    matterNumber: origin.matterNumber, contactId: origin.contactId, invoiceDate: day, dueDate: day, percent: '0', amount: '0.00',
    paid: '0.00', outstanding: '0.00', status: 'void', payments: [], voidReason: origin.reason, voidedAt: now, version: 1, updatedAt: now,
  };
}

/**
 * Voids a number unless it is on a record already (issued, held or void):
 * the record must be new, so a posting that got there first keeps it.
 * Answers whether this made it void.
 */
export async function voidIfUnused(firmId: string, invoiceNumber: string, origin: VoidOrigin, now = nowIso()): Promise<boolean> {
  try {
    await commit([invoiceEntity.put(voidNumberRecord(firmId, invoiceNumber, origin, now), null)]);
    return true;
  } catch (error) {
    if (error instanceof TransactionRefused) return false;
    throw error;
  }
}

/**
 * The invoice numbers one approval reserved from the firm's counter
 * (numberingEntity.reserveInvoiceNumbers), kept across the approval's own
 * retries so a lost race never takes more. Numbers it ends up not using are
 * given back when they are still the counter's last, else voided; a crash
 * leaves them to the checker (unused-numbers.ts), which voids them later.
 */
export class NumberReservation {
  private reserved: number[] = [];

  constructor(private readonly firmId: string) {}

  /** `count` numbers for this attempt: those reserved before, topped up from the counter. */
  async numbers(count: number): Promise<string[]> {
    const missing = count - this.reserved.length;
    if (missing > 0) {
      const first = await numberingEntity.reserveInvoiceNumbers(this.firmId, missing, nowIso());
      this.reserved.push(...Array.from({ length: missing }, (_, i) => first + i));
    }
    return this.reserved.slice(0, count).map(String);
  }

  /**
   * The numbers of the last attempt were found on records already (the
   * checker voided them while this approval was slow): never use them;
   * the next `numbers` reserves new ones.
   */
  forget(): void {
    this.reserved = [];
  }

  /** The approval posted with `used`: any other number it reserved is released. */
  async settle(used: readonly string[], origin: VoidOrigin): Promise<void> {
    const unused = this.reserved.filter((n) => !used.includes(String(n)));
    this.reserved = [];
    if (!unused.length) return;
    const first = unused[0]!;
    const consecutive = unused.every((n, i) => n === first + i);
    if (consecutive && (await numberingEntity.giveBackInvoiceNumbers(this.firmId, first, unused.length))) return;
    const now = nowIso();
    for (const n of unused) await voidIfUnused(this.firmId, String(n), origin, now);
  }
}
