import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { logRetentionDays, type FunctionName } from '#lib/declaration';
import { routeKey, type RouteSpec } from '#lib/api/route';
import { logRetention } from './declared-function.ts';
import { acknowledge } from './acknowledge.ts';

/** The default stage's limits for all clients together (requests per second, and the burst above it). */
export interface ApiThrottle {
  readonly rateLimit: number;
  readonly burstLimit: number;
}

/**
 * Default stage throttling, for all clients together: twice the peak-hour
 * request rate of the capacity figures in docs/operations.md (10,000 firms: ~700 time
 * entries a second, ~2,500 requests with the reads around them), and half
 * the account's regional API Gateway quota (10,000 requests a second, 5,000
 * burst), so a runaway client slows this API, not every API of the account,
 * and a flood never reaches the functions and tables whole. Set per deployment with
 * `-c apiThrottleRateLimit=… -c apiThrottleBurstLimit=…`.
 */
export const defaultApiThrottle: ApiThrottle = { rateLimit: 5_000, burstLimit: 2_500 };

/**
 * One JSON line per request in the access log: enough to find a request
 * (its id is also in the function's logs), see who made it (firm and
 * subject from the verified token, never the token) and where time went.
 */
export const accessLogFields = {
  requestId: '$context.requestId',
  time: '$context.requestTime',
  ip: '$context.identity.sourceIp',
  method: '$context.httpMethod',
  routeKey: '$context.routeKey',
  path: '$context.path',
  status: '$context.status',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
  responseLatencyMs: '$context.responseLatency',
  integrationLatencyMs: '$context.integrationLatency',
  integrationStatus: '$context.integrationStatus',
  integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
  firm: '$context.authorizer.claims.firm',
  sub: '$context.authorizer.claims.sub',
} as const;

export interface DeclaredHttpApiProps {
  readonly routes: readonly RouteSpec[];
  /** The functions with an `http` trigger, by declared name. */
  readonly handlers: Partial<Record<FunctionName, lambda.IFunction>>;
  readonly jwtIssuer: string;
  readonly jwtAudience: string;
  readonly throttle?: ApiThrottle;
}

/**
 * The HTTP API: one route per declared route, each proxied to the function
 * that serves it. API Gateway verifies the JWT (issuer, audience, expiry) of
 * every route but the public ones; the handlers check the route's scope. The
 * default stage throttles and writes a JSON access log to a group kept as
 * long as the functions' logs.
 */
export class DeclaredHttpApi extends Construct {
  readonly api: apigw.HttpApi;
  readonly authorizer: HttpJwtAuthorizer;
  readonly accessLogs: logs.LogGroup;

  constructor(scope: Construct, id: string, props: DeclaredHttpApiProps) {
    super(scope, id);
    this.api = new apigw.HttpApi(this, 'Api', { description: 'Law billing sync HTTP API' });
    this.authorizer = new HttpJwtAuthorizer('Jwt', props.jwtIssuer, { jwtAudience: [props.jwtAudience] });
    const none = new apigw.HttpNoneAuthorizer();

    // The default stage stays the one HttpApi made (its logical id, so a deployed stage is updated, not replaced).
    this.accessLogs = new logs.LogGroup(this, 'AccessLogs', { retention: logRetention(logRetentionDays.logGroups) });
    const throttle = props.throttle ?? defaultApiThrottle;
    const stage = this.api.defaultStage!.node.defaultChild as apigw.CfnStage;
    stage.accessLogSettings = { destinationArn: this.accessLogs.logGroupArn, format: JSON.stringify(accessLogFields) };
    stage.defaultRouteSettings = { throttlingRateLimit: throttle.rateLimit, throttlingBurstLimit: throttle.burstLimit };

    const integrations = new Map<FunctionName, HttpLambdaIntegration>();
    const integrationOf = (name: FunctionName): HttpLambdaIntegration => {
      const fn = props.handlers[name];
      if (!fn) throw new Error(`A route is served by ${name}, which has no http trigger.`);
      let integration = integrations.get(name);
      if (!integration) {
        integration = new HttpLambdaIntegration(`${name}Integration`, fn);
        integrations.set(name, integration);
      }
      return integration;
    };

    for (const route of props.routes) {
      const [added] = this.api.addRoutes({
        path: route.path,
        methods: [apigw.HttpMethod[route.method]],
        integration: integrationOf(route.fn),
        authorizer: route.access === 'public' ? none : this.authorizer,
      });
      if (route.access === 'public') {
        acknowledge(
          added!,
          'AwsSolutions-APIG4',
          `${routeKey(route)} ("${route.summary}") is declared public in lib/api/routes.ts: it is read without a token by design. Every other route has the JWT authorizer.`,
        );
      }
    }
    for (const name of Object.keys(props.handlers) as FunctionName[]) {
      if (!integrations.has(name)) throw new Error(`${name} has an http trigger but serves no route.`);
    }
  }
}
