import { routes } from '#lib/api/routes';
// Untraced: with the X-Ray SDK this bundle would pass 1 MB (docs/operations.md, "Observability").
import { on, untracedHttpHandler } from '#lib/http/handler-core';
import { HttpResponse } from '#lib/http/response';
import { ebill, previewBill, previewProduction, type RenderedDocument } from '#lib/accounting/bills/document-service';

const pdf = (doc: RenderedDocument) =>
  new HttpResponse(200, doc.content, { 'content-type': doc.contentType, 'content-disposition': `inline; filename="${doc.filename}"` });

/** The routes that render documents: invoice previews (the PDF itself, shown inline) and LEDES files. */
export const handler = untracedHttpHandler(
  on(routes.previewBill, async ({ firmId, params, query }) => pdf(await previewBill(firmId, params.id!, query.contactId))),
  on(routes.previewProduction, async ({ firmId, body }) => pdf(await previewProduction(firmId, body.billIds))),
  on(routes.ebilling, ({ firmId, body }) => ebill(firmId, body.billIds)),
);
