import { routes } from '#lib/api/routes';
import { httpHandler, on } from '#lib/http/handler';
import { createUser, listUsers, patchUser } from '#lib/practice/users/service';
import { listSystemRoles, putSystemRole } from '#lib/practice/users/roles-and-codes';

export const handler = httpHandler(
  on(routes.createUser, ({ firmId, body }) => createUser(firmId, body)),
  on(routes.listUsers, ({ firmId, query }) => listUsers(firmId, query)),
  on(routes.patchUser, ({ firmId, params, body, ifMatch }) => patchUser(firmId, params.id!, body, ifMatch)),
  on(routes.putSystemRole, ({ firmId, params, body, ifMatch }) => putSystemRole(firmId, params.id!, body, ifMatch)),
  on(routes.listSystemRoles, ({ firmId }) => listSystemRoles(firmId)),
);
