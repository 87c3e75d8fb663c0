import { tracing } from '../shared/tracer.ts';
import { httpHandlerWith, type Binding } from './handler-core.ts';

export { on, type Binding, type Request } from './handler-core.ts';

/**
 * The Lambda handler of one HTTP function, traced (lib/http/handler-core.ts
 * does the work): finds the route, checks access, parses with the route's
 * zod schemas, runs the use case, answers problems for refusals.
 */
export const httpHandler = (...bindings: Binding[]) => httpHandlerWith(tracing, bindings);
