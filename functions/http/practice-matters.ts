import { routes } from '#lib/api/routes';
import { httpHandler, on } from '#lib/http/handler';
import { createMatter, editMatter, getMatter, getMatterBalance, listMatters } from '#lib/practice/matters/service';
import { listMatterInvoices } from '#lib/practice/matters/invoices';

export const handler = httpHandler(
  on(routes.createMatter, ({ firmId, body }) => createMatter(firmId, body)),
  on(routes.listMatters, ({ firmId, query }) => listMatters(firmId, query)),
  on(routes.getMatter, ({ firmId, params }) => getMatter(firmId, params.id!)),
  on(routes.patchMatter, ({ firmId, params, body, ifMatch }) => editMatter(firmId, params.id!, body, ifMatch)),
  on(routes.putMatterClients, ({ firmId, params, body, ifMatch }) => editMatter(firmId, params.id!, { clientIds: body.clientIds }, ifMatch)),
  on(routes.getMatterBalance, ({ firmId, params }) => getMatterBalance(firmId, params.id!)),
  on(routes.listMatterInvoices, ({ firmId, params, query }) => listMatterInvoices(firmId, params.id!, query)),
);
