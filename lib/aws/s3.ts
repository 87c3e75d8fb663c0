import { GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { createHash } from 'node:crypto';
import { config } from '../shared/config.ts';
import { traceable } from '../shared/tracing.ts';

/** One S3 client per container; path-style locally, where the emulator serves every bucket on one host. Traced where the function has a tracer. */
export const s3 = traceable(
  new S3Client({
    region: config.region,
    ...(config.endpoints.s3 ? { endpoint: config.endpoints.s3, forcePathStyle: true } : {}),
  }),
);

/** How long a document link works. */
export const PRESIGNED_URL_SECONDS = 15 * 60;

export async function putDocument(key: string, body: Buffer | string, contentType: string): Promise<void> {
  await s3.send(
    new PutObjectCommand({
      Bucket: config.bucketName('documents'),
      Key: key,
      Body: body,
      ContentType: contentType,
      ServerSideEncryption: config.endpoints.s3 ? undefined : 'AES256',
    }),
  );
}

/** A stored document's bytes, or undefined when there is no such document. */
export async function getDocument(key: string): Promise<Buffer | undefined> {
  try {
    const object = await s3.send(new GetObjectCommand({ Bucket: config.bucketName('documents'), Key: key }));
    return Buffer.from(await object.Body!.transformToByteArray());
  } catch (error) {
    if (error instanceof NoSuchKey) return undefined;
    throw error;
  }
}

export function documentUrl(key: string, filename: string): Promise<string> {
  return getSignedUrl(
    s3,
    new GetObjectCommand({ Bucket: config.bucketName('documents'), Key: key, ResponseContentDisposition: `inline; filename="${filename}"` }),
    { expiresIn: PRESIGNED_URL_SECONDS },
  );
}

/**
 * The folder of a firm's documents: a hash of the firm id, so an object key
 * never shows which firm it belongs to (or anything of another firm's).
 */
export const firmFolder = (firmId: string) => `firms/${createHash('sha256').update(`law-billing-sync:${firmId}`).digest('hex').slice(0, 24)}`;
