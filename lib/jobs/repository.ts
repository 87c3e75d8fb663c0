import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { ddb } from '../aws/dynamodb.ts';
import { config } from '../shared/config.ts';
import { NotFound } from '../shared/errors.ts';
import type { Job } from './schemas.ts';

interface JobRecord extends Job {
  firmId: string;
}

const table = () => config.tableName('jobs');
const key = (id: string) => ({ pk: `JOB#${id}`, sk: 'JOB' });

/** Jobs: long work's status and progress, readable by the firm that started it. */
export async function getJob(firmId: string, id: string): Promise<Job> {
  const out = await ddb.send(new GetCommand({ TableName: table(), Key: key(id), ConsistentRead: true }));
  const record = out.Item as (JobRecord & { pk: string; sk: string }) | undefined;
  // Another firm's job is reported exactly like a missing one.
  if (!record || record.firmId !== firmId) throw new NotFound('Job');
  const { pk: _pk, sk: _sk, firmId: _firm, ...job } = record;
  return job;
}

export async function createJob(firmId: string, job: Job): Promise<void> {
  await ddb.send(
    new PutCommand({
      TableName: table(),
      Item: { ...key(job.id), firmId, ...job },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
}
