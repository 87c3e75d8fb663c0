import { routes } from '#lib/api/routes';
import { httpHandler, on } from '#lib/http/handler';
import { HttpResponse } from '#lib/http/response';
import { createBillDraft, deleteBillDraft, getBill, patchBillDraft } from '#lib/accounting/bills/drafts';
import { approveBill } from '#lib/accounting/bills/posting';

export const handler = httpHandler(
  on(routes.createBill, ({ firmId, body }) => createBillDraft(firmId, body)),
  on(routes.getAccountingBill, ({ firmId, params }) => getBill(firmId, params.id!)),
  on(routes.patchBill, ({ firmId, params, body, ifMatch }) => patchBillDraft(firmId, params.id!, body, ifMatch)),
  on(routes.deleteBill, async ({ firmId, params }) => {
    await deleteBillDraft(firmId, params.id!);
    return new HttpResponse(204, undefined);
  }),
  on(routes.approveBill, ({ firmId, params, ifMatch }) => approveBill(firmId, params.id!, ifMatch)),
);
