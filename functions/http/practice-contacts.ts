import { routes } from '#lib/api/routes';
import { httpHandler, on } from '#lib/http/handler';
import { createContact, getContact, listContacts, patchContact } from '#lib/practice/contacts/service';

export const handler = httpHandler(
  on(routes.createPracticeContact, ({ firmId, body }) => createContact(firmId, body)),
  on(routes.listPracticeContacts, ({ firmId, query }) => listContacts(firmId, query)),
  on(routes.getPracticeContact, ({ firmId, params }) => getContact(firmId, params.id!)),
  on(routes.patchPracticeContact, ({ firmId, params, body, ifMatch }) => patchContact(firmId, params.id!, body, ifMatch)),
);
