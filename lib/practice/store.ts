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
  rateLabel: (id: string) => `RATELABEL#${id}`,
  rateLabelPrefix: 'RATELABEL#',
  /** Holds a label name (lower-cased): names are unique in a firm, case-insensitively. */
  rateLabelName: (name: string) => `RATELABELNAME#${name.toLowerCase()}`,
  user: (id: string) => `USER#${id}`,
  userPrefix: 'USER#',
  userEmail: (email: string) => `USEREMAIL#${email.toLowerCase()}`,
  systemRole: (id: string) => `ROLE#${id}`,
  systemRolePrefix: 'ROLE#',
  quickCode: (code: string) => `QUICKCODE#${code}`,
  quickCodePrefix: 'QUICKCODE#',
  timeEntry: (id: string) => `ENTRY#${id}`,
  timeEntryPrefix: 'ENTRY#',
};
