import { routes } from '#lib/api/routes';
import { httpHandler, on } from '#lib/http/handler';
import { ebill, previewBill } from '#lib/accounting/bills/document-service';

/** The routes that render documents: invoice previews and LEDES files. */
export const handler = httpHandler(
  on(routes.previewBill, ({ firmId, params }) => previewBill(firmId, params.id!)),
  on(routes.ebilling, ({ firmId, body }) => ebill(firmId, body.billIds)),
);
