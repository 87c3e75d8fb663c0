import { BookStore } from '../aws/book-store.ts';
import { config } from '../shared/config.ts';

/** The practice book's table. Only practice code uses it. */
export const practiceStore = new BookStore(() => config.tableName('practice'));

export const practiceKeys = {
  settings: 'SETTINGS',
  contact: (id: string) => `CONTACT#${id}`,
  contactPrefix: 'CONTACT#',
  /** Which practice contact mirrors an accounting contact (guards creation from a remote message). */
  contactLink: (accountingContactId: string) => `LINK#CONTACT#${accountingContactId}`,
};
