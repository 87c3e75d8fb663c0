import { routes } from '#lib/api/routes';
import { httpHandler, on } from '#lib/http/handler';
import { createContact, getContact, listContacts, patchContact } from '#lib/accounting/contacts/service';

export const handler = httpHandler(
  on(routes.createAccountingContact, ({ firmId, body }) => createContact(firmId, body)),
  on(routes.listAccountingContacts, ({ firmId, query }) => listContacts(firmId, query)),
  on(routes.getAccountingContact, ({ firmId, params }) => getContact(firmId, params.id!)),
  on(routes.patchAccountingContact, ({ firmId, params, body, ifMatch }) => patchContact(firmId, params.id!, body, ifMatch)),
);
