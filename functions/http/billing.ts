import { routes } from '#lib/api/routes';
import { httpHandler, on } from '#lib/http/handler';
import { accepted } from '#lib/http/response';
import { getBill } from '#lib/accounting/bills/drafts';
import { aging, billLines, listBills, listInvoices, productionList } from '#lib/accounting/bills/lists';
import { revertBills } from '#lib/accounting/bills/revert';
import { startProduction } from '#lib/accounting/bills/production';
import { recordPayment } from '#lib/accounting/bills/payments';
import { getBillingSettings, putBillingSettings } from '#lib/accounting/bills/settings';

export const handler = httpHandler(
  on(routes.productionList, ({ firmId, query }) => productionList(firmId, query)),
  on(routes.produceBills, async ({ firmId, body }) => accepted(await startProduction(firmId, body.billIds))),
  on(routes.revertBills, ({ firmId, body }) => revertBills(firmId, body)),
  on(routes.listBills, ({ firmId, query }) => listBills(firmId, query)),
  on(routes.getBill, ({ firmId, params }) => getBill(firmId, params.id!)),
  on(routes.billLines, ({ firmId, params, query }) => billLines(firmId, params.id!, query)),
  on(routes.listInvoices, ({ firmId, query }) => listInvoices(firmId, query)),
  on(routes.aging, ({ firmId, query }) => aging(firmId, query.asOf)),
  on(routes.createPayment, ({ firmId, params, body }) => recordPayment(firmId, params.id!, body)),
  on(routes.getBillingSettings, ({ firmId }) => getBillingSettings(firmId)),
  on(routes.putBillingSettings, ({ firmId, body, ifMatch }) => putBillingSettings(firmId, body, ifMatch)),
);
