import { routes } from '#lib/api/routes';
import { httpHandler, on } from '#lib/http/handler';
import { HttpResponse } from '#lib/http/response';
import { approveDraft, createDraft, deleteDraft, getBill, patchDraft } from '#lib/accounting/bills/drafts';

export const handler = httpHandler(
  on(routes.createBill, ({ firmId, body }) => createDraft(firmId, body)),
  on(routes.getAccountingBill, ({ firmId, params }) => getBill(firmId, params.id!)),
  on(routes.patchBill, ({ firmId, params, body, ifMatch }) => patchDraft(firmId, params.id!, body, ifMatch)),
  on(routes.deleteBill, async ({ firmId, params }) => {
    await deleteDraft(firmId, params.id!);
    return new HttpResponse(204, undefined);
  }),
  on(routes.approveBill, ({ firmId, params, ifMatch }) => approveDraft(firmId, params.id!, ifMatch)),
);
