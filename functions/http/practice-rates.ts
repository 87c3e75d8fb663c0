import { routes } from '#lib/api/routes';
import { httpHandler, on } from '#lib/http/handler';
import { createRateLabel, deleteRateLabel, listRateLabels, patchRateLabel } from '#lib/practice/rates/labels-service';
import { createQuickCode, listQuickCodes } from '#lib/practice/users/roles-and-codes';

export const handler = httpHandler(
  on(routes.createRateLabel, ({ firmId, body }) => createRateLabel(firmId, body)),
  on(routes.listRateLabels, ({ firmId }) => listRateLabels(firmId)),
  on(routes.patchRateLabel, ({ firmId, params, body, ifMatch }) => patchRateLabel(firmId, params.id!, body, ifMatch)),
  on(routes.deleteRateLabel, ({ firmId, params, body, caller }) => deleteRateLabel(firmId, params.id!, body, caller.userId)),
  on(routes.createQuickCode, ({ firmId, body }) => createQuickCode(firmId, body)),
  on(routes.listQuickCodes, ({ firmId }) => listQuickCodes(firmId)),
);
