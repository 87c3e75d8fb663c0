import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logger } from '#lib/shared/logger';
import { reconcilePending } from '#lib/sync/reconciler';
import { accountingStore } from '#lib/accounting/store';
import { pendingLinks } from '#lib/aws/entity';
import { contactUpsert } from '#lib/accounting/contacts/service';
import type { AccountingContactRecord } from '#lib/accounting/contacts/model';

/** Scheduled: re-sends accounting records whose link stayed pending too long. */
export const handler = middy()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(() =>
    reconcilePending(pendingLinks<AccountingContactRecord>(accountingStore), async (record) => ({ record, items: [contactUpsert(record)] })),
  );
