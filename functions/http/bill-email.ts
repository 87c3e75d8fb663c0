import { routes } from '#lib/api/routes';
// Untraced: with the X-Ray SDK this bundle would pass 1 MB (docs/operations.md, "Observability").
import { on, untracedHttpHandler } from '#lib/http/handler-core';
import { emailBill } from '#lib/accounting/bills/manual-email';

/** Sends a finalized invoice (its stored PDF) by email. */
export const handler = untracedHttpHandler(on(routes.emailBill, ({ firmId, params, body }) => emailBill(firmId, params.id!, body)));
