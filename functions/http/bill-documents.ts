import { routes } from '#lib/api/routes';
// Untraced: with the X-Ray SDK this bundle would pass 1 MB (README, "Observability").
import { on, untracedHttpHandler } from '#lib/http/handler-core';
import { HttpResponse } from '#lib/http/response';
import { ebill, previewBill } from '#lib/accounting/bills/document-service';

/** The routes that render documents: invoice previews (the PDF itself, shown inline) and LEDES files. */
export const handler = untracedHttpHandler(
  on(routes.previewBill, async ({ firmId, params }) => {
    const preview = await previewBill(firmId, params.id!);
    return new HttpResponse(200, preview.content, {
      'content-type': preview.contentType,
      'content-disposition': `inline; filename="${preview.filename}"`,
    });
  }),
  on(routes.ebilling, ({ firmId, body }) => ebill(firmId, body.billIds)),
);
