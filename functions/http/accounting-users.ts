import { routes } from '#lib/api/routes';
import { httpHandler, on } from '#lib/http/handler';
import { createAccountingUser, listAccountingUsers } from '#lib/accounting/users/service';

export const handler = httpHandler(
  on(routes.createAccountingUser, ({ firmId, body }) => createAccountingUser(firmId, body)),
  on(routes.listAccountingUsers, ({ firmId, query }) => listAccountingUsers(firmId, query)),
);
