import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import type { FunctionName } from '#lib/declaration';
import type { RouteSpec } from '#lib/api/route';

export interface DeclaredHttpApiProps {
  readonly routes: readonly RouteSpec[];
  /** The functions with an `http` trigger, by declared name. */
  readonly handlers: Partial<Record<FunctionName, lambda.IFunction>>;
  readonly jwtIssuer: string;
  readonly jwtAudience: string;
}

/**
 * The HTTP API: one route per declared route, each proxied to the function
 * that serves it. API Gateway verifies the JWT (issuer, audience, expiry) of
 * every route but the public ones; the handlers check the route's scope.
 */
export class DeclaredHttpApi extends Construct {
  readonly api: apigw.HttpApi;
  readonly authorizer: HttpJwtAuthorizer;

  constructor(scope: Construct, id: string, props: DeclaredHttpApiProps) {
    super(scope, id);
    this.api = new apigw.HttpApi(this, 'Api', { description: 'Law billing sync HTTP API' });
    this.authorizer = new HttpJwtAuthorizer('Jwt', props.jwtIssuer, { jwtAudience: [props.jwtAudience] });
    const none = new apigw.HttpNoneAuthorizer();

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
      this.api.addRoutes({
        path: route.path,
        methods: [apigw.HttpMethod[route.method]],
        integration: integrationOf(route.fn),
        authorizer: route.access === 'public' ? none : this.authorizer,
      });
    }
    for (const name of Object.keys(props.handlers) as FunctionName[]) {
      if (!integrations.has(name)) throw new Error(`${name} has an http trigger but serves no route.`);
    }
  }
}
