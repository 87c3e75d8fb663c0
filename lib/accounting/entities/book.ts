import { BookStore } from '../../aws/book-store.ts';
import { config } from '../../shared/config.ts';

/** The accounting book's table. Only accounting's entity modules use it; use cases go through them. */
export const accountingTable = new BookStore(() => config.tableName('accounting'));
