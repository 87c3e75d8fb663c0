import type { ScheduledEvent } from 'aws-lambda';
import { tracedLambdaHandler } from '#lib/shared/tracer';
import { reconcilePractice } from '#lib/practice/redrive';

/** Scheduled: re-sends practice records whose link stayed pending too long. */
export const handler = tracedLambdaHandler<ScheduledEvent, unknown>().handler(() => reconcilePractice());
