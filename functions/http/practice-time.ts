import { routes } from '#lib/api/routes';
import { httpHandler, on } from '#lib/http/handler';
import { createTimeEntry, getTimeEntry, listTimeEntries, patchTimeEntry } from '#lib/practice/time/service';

export const handler = httpHandler(
  on(routes.createTimeEntry, ({ firmId, body }) => createTimeEntry(firmId, body)),
  on(routes.listTimeEntries, ({ firmId, query }) => listTimeEntries(firmId, query)),
  on(routes.getTimeEntry, ({ firmId, params }) => getTimeEntry(firmId, params.id!)),
  on(routes.patchTimeEntry, ({ firmId, params, body, ifMatch }) => patchTimeEntry(firmId, params.id!, body, ifMatch)),
);
