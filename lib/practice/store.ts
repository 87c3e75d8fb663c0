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
  matter: (id: string) => `MATTER#${id}`,
  matterPrefix: 'MATTER#',
  /** A matter waiting for this contact to link (woken when it does). */
  waitingMatter: (contactId: string, matterId: string) => `WAIT#CONTACT#${contactId}#MATTER#${matterId}`,
  waitingMattersOf: (contactId: string) => `WAIT#CONTACT#${contactId}#MATTER#`,
  /** Practice's copy of the balance accounting last reported for a matter. */
  matterBalance: (matterId: string) => `BALANCE#MATTER#${matterId}`,
};
