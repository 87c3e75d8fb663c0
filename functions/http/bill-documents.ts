import { routes } from '#lib/api/routes';
import { httpHandler, on } from '#lib/http/handler';
import { HttpResponse } from '#lib/http/response';
import { ebill, previewBill } from '#lib/accounting/bills/document-service';

/** The routes that render documents: invoice previews (the PDF itself, shown inline) and LEDES files. */
export const handler = httpHandler(
  on(routes.previewBill, async ({ firmId, params }) => {
    const preview = await previewBill(firmId, params.id!);
    return new HttpResponse(200, preview.content, {
      'content-type': preview.contentType,
      'content-disposition': `inline; filename="${preview.filename}"`,
    });
  }),
  on(routes.ebilling, ({ firmId, body }) => ebill(firmId, body.billIds)),
);
