import { BookStore } from '../aws/book-store.ts';
import { config } from '../shared/config.ts';

/** The accounting book's table. Only accounting code uses it. */
export const accountingStore = new BookStore(() => config.tableName('accounting'));

export const accountingKeys = {
  settings: 'SETTINGS',
  /** Accounting's copy of practice's settings, kept from practice's messages. */
  practiceSettings: 'PEER#PRACTICE#SETTINGS',
  contact: (id: string) => `CONTACT#${id}`,
  contactPrefix: 'CONTACT#',
  /** Which accounting contact mirrors a practice contact (guards creation from a remote message). */
  contactLink: (practiceContactId: string) => `LINK#CONTACT#${practiceContactId}`,
  /** The counter of a contact numbering sequence. */
  contactCounter: (sequence: string) => `COUNTER#CONTACT#${sequence}`,
  /** Holds a contact number: its existence is what makes numbers unique. */
  contactNumber: (sequence: string, number: string) => `NUMBER#CONTACT#${sequence}#${number}`,
  file: (id: string) => `FILE#${id}`,
  filePrefix: 'FILE#',
  /** Which file mirrors a practice matter (guards creation from a remote message). */
  matterLink: (practiceMatterId: string) => `LINK#MATTER#${practiceMatterId}`,
  fileCounter: 'COUNTER#FILE',
  fileNumber: (number: string) => `NUMBER#FILE#${number}`,
  balance: (fileId: string) => `BALANCE#FILE#${fileId}`,
  disbursement: (fileId: string, id: string) => `DISB#${fileId}#${id}`,
  disbursementsOf: (fileId: string) => `DISB#${fileId}#`,
  user: (id: string) => `USER#${id}`,
  userPrefix: 'USER#',
  /** Holds an email (lower-cased): one accounting user per email. */
  userEmail: (email: string) => `USEREMAIL#${email.toLowerCase()}`,
  ledgerEntry: (id: string) => `LEDGER#${id}`,
  /** Marks an export batch booked: made with the balances and the answer, so each batch is booked once. */
  exportBooking: (jobId: string, batchNo: number) => `BOOKED#${jobId}#${String(batchNo).padStart(8, '0')}`,
  notification: (id: string) => `NOTIFY#${id}`,
  notificationPrefix: 'NOTIFY#',
  bill: (id: string) => `BILL#${id}`,
  billPrefix: 'BILL#',
  /** Held while a file has a draft or approved bill: one open bill per file, so no entry is on two. */
  openBill: (fileId: string) => `OPENBILL#${fileId}`,
  /** The firm's gap-free invoice number counter. */
  invoiceCounter: 'COUNTER#INVOICE',
  payment: (billId: string, id: string) => `PAYMENT#${billId}#${id}`,
  paymentsOf: (billId: string) => `PAYMENT#${billId}#`,
  /** One per invoice email: claimed before sending, so an email is never sent twice. */
  delivery: (billId: string, key: string) => `DELIVERY#${billId}#${key}`,
  deliveriesOf: (billId: string) => `DELIVERY#${billId}#`,
  billingSettings: 'BILLING#SETTINGS',
};
