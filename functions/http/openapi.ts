import { routes } from '#lib/api/routes';
import { httpHandler, on } from '#lib/http/handler';
import { openApiDocument } from '#lib/api/openapi';

/** Built once per container: the document only changes with a deployment. */
let document: ReturnType<typeof openApiDocument> | undefined;

export const handler = httpHandler(on(routes.openapi, async () => (document ??= openApiDocument())));
