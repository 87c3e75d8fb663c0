import { routes } from '#lib/api/routes';
import { httpHandler, on } from '#lib/http/handler';
import { getPracticeSettings, putPracticeSettings } from '#lib/practice/settings/service';

export const handler = httpHandler(
  on(routes.getPracticeSettings, ({ firmId }) => getPracticeSettings(firmId)),
  on(routes.putPracticeSettings, ({ firmId, body, ifMatch }) => putPracticeSettings(firmId, body, ifMatch)),
);
