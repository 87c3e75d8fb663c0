import { BookStore } from '../../aws/book-store.ts';
import { config } from '../../shared/config.ts';

/** The practice book's table. Only practice's entity modules use it; use cases go through them. */
export const practiceTable = new BookStore(() => config.tableName('practice'));
