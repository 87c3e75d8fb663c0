import { routes } from '#lib/api/routes';
import { httpHandler, on } from '#lib/http/handler';
import { accepted } from '#lib/http/response';
import { getBill, productionList, revertBills } from '#lib/accounting/bills/drafts';
import { startProduction } from '#lib/accounting/bills/production';
import { recordPayment } from '#lib/accounting/bills/payments';
import { getBillingSettings, putBillingSettings } from '#lib/accounting/bills/settings';

export const handler = httpHandler(
  on(routes.productionList, ({ firmId, query }) => productionList(firmId, query)),
  on(routes.produceBills, async ({ firmId, body }) => accepted(await startProduction(firmId, body.billIds))),
  on(routes.revertBills, ({ firmId, body }) => revertBills(firmId, body)),
  on(routes.getBill, ({ firmId, params }) => getBill(firmId, params.id!)),
  on(routes.createPayment, ({ firmId, params, body }) => recordPayment(firmId, params.id!, body)),
  on(routes.getBillingSettings, ({ firmId }) => getBillingSettings(firmId)),
  on(routes.putBillingSettings, ({ firmId, body, ifMatch }) => putBillingSettings(firmId, body, ifMatch)),
);
