import { routes } from '#lib/api/routes';
import { httpHandler, on } from '#lib/http/handler';
import { jobEntity } from '#lib/jobs/job.entity';

export const handler = httpHandler(on(routes.getJob, ({ firmId, params }) => jobEntity.getWithErrors(firmId, params.id!)));
