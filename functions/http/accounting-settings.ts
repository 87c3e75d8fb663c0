import { routes } from '#lib/api/routes';
import { httpHandler, on } from '#lib/http/handler';
import { getAccountingSettings, putAccountingSettings } from '#lib/accounting/settings/service';

export const handler = httpHandler(
  on(routes.getAccountingSettings, ({ firmId }) => getAccountingSettings(firmId)),
  on(routes.putAccountingSettings, ({ firmId, body, ifMatch }) => putAccountingSettings(firmId, body, ifMatch)),
);
