import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { DomainError, type FieldError } from '../shared/errors.ts';

/** Base of the problem `type` URIs; the last segment is the stable problem code. */
export const PROBLEM_BASE = 'https://law-billing-sync.dev/problems/';

export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: FieldError[];
  requestId?: string;
}

export function problemOf(error: DomainError, requestId?: string): ProblemDocument {
  return {
    type: PROBLEM_BASE + error.code,
    title: error.title,
    status: error.status,
    detail: error.message,
    code: error.code,
    ...(error.errors ? { errors: error.errors } : {}),
    ...(requestId ? { requestId } : {}),
  };
}

export function problemResponse(problem: ProblemDocument): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: problem.status,
    headers: { 'content-type': 'application/problem+json' },
    body: JSON.stringify(problem),
  };
}

export function internalProblem(requestId?: string): ProblemDocument {
  return {
    type: PROBLEM_BASE + 'internal',
    title: 'Internal error',
    status: 500,
    detail: 'Something went wrong on our side. The request may be retried.',
    code: 'internal',
    ...(requestId ? { requestId } : {}),
  };
}
