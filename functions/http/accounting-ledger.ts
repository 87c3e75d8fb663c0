import { routes } from '#lib/api/routes';
import { httpHandler, on } from '#lib/http/handler';
import { listLedger, listNotifications, patchLedgerEntry } from '#lib/accounting/ledger/service';

export const handler = httpHandler(
  on(routes.listLedger, ({ firmId, params, query }) => listLedger(firmId, params.id!, query)),
  on(routes.patchLedgerEntry, ({ firmId, params, body, ifMatch }) => patchLedgerEntry(firmId, params.id!, body, ifMatch)),
  on(routes.listNotifications, ({ firmId, query }) => listNotifications(firmId, query)),
);
