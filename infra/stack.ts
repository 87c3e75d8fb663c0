import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import { buckets, functions, queues, tables, type FunctionName } from '#lib/declaration';
import { allRoutes } from '#lib/api/routes';
import { declaredTable } from './constructs/declared-table.ts';
import { QueueWithDlq } from './constructs/queue-with-dlq.ts';
import { privateBucket } from './constructs/private-bucket.ts';
import { declaredFunction } from './constructs/declared-function.ts';
import { grantDeclaredAccess, type DeclaredResources } from './constructs/resource-access.ts';
import { attachTrigger } from './constructs/triggers.ts';
import { DeclaredHttpApi } from './constructs/http-api.ts';
import { entriesOf, mapRecord, pascal } from './constructs/records.ts';

export interface LawBillingSyncStackProps extends StackProps {
  /** Issuer (`iss`) of the tokens the API accepts. */
  readonly jwtIssuer: string;
  /** Audience (`aud`) the API's tokens must carry. */
  readonly jwtAudience: string;
}

/**
 * The deployed system, built only from `lib/declaration.ts` and the route
 * list: every table, queue, bucket and function there, each function with
 * exactly its declared access and trigger, and the HTTP API in front.
 */
export class LawBillingSyncStack extends Stack {
  readonly resources: DeclaredResources;
  readonly functions: Record<FunctionName, lambda.Function>;
  readonly httpApi: DeclaredHttpApi;

  constructor(scope: Construct, id: string, props: LawBillingSyncStackProps) {
    super(scope, id, props);

    this.resources = {
      tables: mapRecord(tables, (decl, name) => declaredTable(this, `${pascal(name)}Table`, decl)),
      queues: mapRecord(queues, (decl, name) => new QueueWithDlq(this, pascal(name), decl)),
      buckets: mapRecord(buckets, (_decl, name) => privateBucket(this, `${pascal(name)}Bucket`)),
    };

    this.functions = mapRecord(functions, (decl, name) => {
      const fn = declaredFunction(this, pascal(name), decl);
      grantDeclaredAccess(fn, decl, this.resources);
      attachTrigger(this, fn, decl, this.resources);
      return fn;
    });

    const httpHandlers = entriesOf(functions).filter(([, decl]) => decl.trigger.kind === 'http');
    this.httpApi = new DeclaredHttpApi(this, 'Http', {
      routes: allRoutes(),
      handlers: Object.fromEntries(httpHandlers.map(([name]) => [name, this.functions[name]])),
      jwtIssuer: props.jwtIssuer,
      jwtAudience: props.jwtAudience,
    });

    new CfnOutput(this, 'ApiUrl', { value: this.httpApi.api.apiEndpoint, description: 'Base URL of the HTTP API' });
  }
}
