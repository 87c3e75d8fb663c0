import { routes } from '#lib/api/routes';
import { httpHandler, on } from '#lib/http/handler';
import { getJob } from '#lib/jobs/repository';

export const handler = httpHandler(on(routes.getJob, ({ firmId, params }) => getJob(firmId, params.id!)));
