import { routes } from '#lib/api/routes';
import { httpHandler, on } from '#lib/http/handler';
import { accepted } from '#lib/http/response';
import { startTimeExport } from '#lib/practice/billing/export-start';

export const handler = httpHandler(
  on(routes.startTimeExport, async ({ firmId, body }) => accepted(await startTimeExport(firmId, body))),
);
