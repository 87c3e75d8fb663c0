import { routes } from '#lib/api/routes';
import { httpHandler, on } from '#lib/http/handler';
import { emailBill } from '#lib/accounting/bills/email';

/** Sends a finalized invoice (its stored PDF) by email. */
export const handler = httpHandler(on(routes.emailBill, ({ firmId, params, body }) => emailBill(firmId, params.id!, body)));
