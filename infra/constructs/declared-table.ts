import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import type { TableDecl } from '#lib/declaration';

const string = dynamodb.AttributeType.STRING;

/**
 * A declared table: on-demand, point-in-time recovery, its GSIs, TTL,
 * a NEW_IMAGE stream when the declaration asks for one, and kept when the
 * stack is deleted (it holds a book of record).
 */
export function declaredTable(scope: Construct, id: string, decl: TableDecl): dynamodb.Table {
  const table = new dynamodb.Table(scope, id, {
    partitionKey: { name: decl.keys.pk, type: string },
    sortKey: { name: decl.keys.sk, type: string },
    billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    ...(decl.ttlAttribute ? { timeToLiveAttribute: decl.ttlAttribute } : {}),
    ...(decl.stream ? { stream: dynamodb.StreamViewType.NEW_IMAGE } : {}),
    removalPolicy: RemovalPolicy.RETAIN,
  });
  for (const index of decl.indexes) {
    table.addGlobalSecondaryIndex({
      indexName: index.name,
      partitionKey: { name: index.pk, type: string },
      sortKey: { name: index.sk, type: string },
      projectionType: index.projection === 'all' ? dynamodb.ProjectionType.ALL : dynamodb.ProjectionType.KEYS_ONLY,
    });
  }
  return table;
}
