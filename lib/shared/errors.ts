/**
 * Domain errors carry their HTTP status and a stable problem code, so use cases
 * can throw them anywhere and only the HTTP edge turns them into RFC 9457
 * problem documents. Queue consumers retry every error like any other (a
 * use case that knows a refusal is final handles it itself, e.g. a bill that
 * cannot be produced is counted as failed on its job).
 */
export interface FieldError {
  path: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    detail: string,
    readonly errors?: FieldError[],
  ) {
    super(detail);
    this.name = new.target.name;
  }
}

export class BadRequest extends DomainError {
  constructor(detail: string, errors: FieldError[] = []) {
    super(400, 'invalid_request', 'Invalid request', detail, errors);
  }
}

export class Unauthorized extends DomainError {
  constructor(detail = 'A valid bearer token is required.') {
    super(401, 'unauthorized', 'Unauthorized', detail);
  }
}

export class Forbidden extends DomainError {
  constructor(detail: string) {
    super(403, 'forbidden', 'Forbidden', detail);
  }
}

export class NotFound extends DomainError {
  constructor(what: string) {
    super(404, 'not_found', 'Not found', `${what} was not found.`);
  }
}

export class Conflict extends DomainError {
  constructor(code: string, detail: string, errors?: FieldError[]) {
    super(409, code, 'Conflict', detail, errors);
  }
}

export class PreconditionFailed extends DomainError {
  constructor(expected: number, actual: number) {
    super(
      412,
      'stale_version',
      'Precondition failed',
      `If-Match names version ${expected}, but the record is at version ${actual}. Read it again and retry.`,
    );
  }
}

export class PayloadTooLarge extends DomainError {
  constructor(limit: number) {
    super(413, 'payload_too_large', 'Payload too large', `Request bodies are limited to ${limit} bytes.`);
  }
}

export class UnsupportedMediaType extends DomainError {
  constructor(sent: string | undefined) {
    super(
      415,
      'unsupported_media_type',
      'Unsupported media type',
      `Request bodies must be JSON, sent as "Content-Type: application/json"; this one was ${sent ? `"${sent}"` : 'sent without a content type'}.`,
    );
  }
}
