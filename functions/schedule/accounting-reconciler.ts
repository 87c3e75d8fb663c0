import type { ScheduledEvent } from 'aws-lambda';
import { tracedLambdaHandler } from '#lib/shared/tracer';
import { reconcileContacts } from '#lib/accounting/contacts/service';

/** Scheduled: re-sends accounting records whose link stayed pending too long. */
export const handler = tracedLambdaHandler<ScheduledEvent, unknown>().handler(() => reconcileContacts());
