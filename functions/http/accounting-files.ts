import { routes } from '#lib/api/routes';
import { httpHandler, on } from '#lib/http/handler';
import {
  addDisbursement,
  getFile,
  listDisbursements,
  listFiles,
  putAllocations,
  refuseClientChange,
} from '#lib/accounting/files/service';

export const handler = httpHandler(
  on(routes.listFiles, ({ firmId, query }) => listFiles(firmId, query)),
  on(routes.getFile, ({ firmId, params }) => getFile(firmId, params.id!)),
  on(routes.putFileAllocations, ({ firmId, params, body, ifMatch }) => putAllocations(firmId, params.id!, body, ifMatch)),
  on(routes.putFileClients, ({ firmId, params }) => refuseClientChange(firmId, params.id!)),
  on(routes.putFilePrimaryClient, ({ firmId, params }) => refuseClientChange(firmId, params.id!)),
  on(routes.createDisbursement, ({ firmId, params, body }) => addDisbursement(firmId, params.id!, body)),
  on(routes.listDisbursements, ({ firmId, params, query }) => listDisbursements(firmId, params.id!, query)),
);
