import type { AddressInfo } from 'node:net';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import type { FunctionName } from '#lib/declaration';
import { functionCredentials, functionOfAccessKey } from './function-credentials.ts';
import type { IamEvaluator } from './iam-evaluator.ts';
import { localArn } from './local-arns.ts';

export interface MailGate {
  /** The SMTP_URL a function sends through: the gate, logged in with the function's access key. */
  urlFor(fn: FunctionName): string;
  stop(): Promise<void>;
}

/** What nodemailer's SES transport calls in AWS (SES v2 SendEmail, raw content) and so what IAM authorizes. */
const SEND_ACTION = 'ses:SendEmail';

/**
 * SES's authorization in front of the SMTP sink. In AWS a function sends
 * through SES, and IAM allows ses:SendEmail only on the identities its role
 * names (the sender's address or its domain); locally mail goes over SMTP, so
 * this gate logs each function in with its access key and refuses MAIL FROM
 * an address that function may not send as. The refusal is an SMTP 554 whose
 * text is AWS's AccessDenied sentence (the function sees nodemailer's error,
 * not the SES client's AccessDeniedException: the one difference left).
 * Accepted mail is relayed to the sink unchanged.
 */
export async function startMailGate(o: { sink: string; iam: IamEvaluator; onDenied: (fn: FunctionName | undefined, message: string) => void }): Promise<MailGate> {
  const sink = new URL(o.sink);
  const relay = nodemailer.createTransport({ host: sink.hostname, port: Number(sink.port), secure: false, ignoreTLS: true, pool: true });
  const server = new SMTPServer({
    authMethods: ['PLAIN', 'LOGIN'],
    // Loopback only, no TLS here: the credentials are the functions' local keys, not secrets.
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    disableReverseLookup: true,
    logger: false,
    onAuth(auth, _session, callback) {
      const fn = functionOfAccessKey(auth.username);
      if (!fn) {
        o.onDenied(undefined, `mail signed with ${auth.username ?? 'no key'}, which no function holds`);
        return callback(new Error('The security token included in the request is invalid.'));
      }
      callback(null, { user: fn });
    },
    onMailFrom(address, session, callback) {
      const fn = session.user as FunctionName;
      const domain = address.address.slice(address.address.lastIndexOf('@') + 1);
      void (async () => {
        // SES authorizes the identity the sender is verified as: the address itself, or its domain.
        const [asAddress, asDomain] = await Promise.all([
          o.iam.decide(fn, SEND_ACTION, localArn.sesIdentity(address.address)),
          o.iam.decide(fn, SEND_ACTION, localArn.sesIdentity(domain)),
        ]);
        if (asAddress.allowed || asDomain.allowed) return callback();
        o.onDenied(fn, asAddress.message!);
        callback(Object.assign(new Error(`AccessDenied: ${asAddress.message}`), { responseCode: 554 }));
      })().catch(callback);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const envelope = { from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address) };
        relay.sendMail({ envelope, raw: Buffer.concat(chunks) }).then(
          (info) => callback(null, String((info as { response?: string }).response ?? 'relayed')),
          (error: Error) => callback(error),
        );
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    urlFor: (fn) => {
      const { accessKeyId, secretAccessKey } = functionCredentials(fn);
      return `smtp://${encodeURIComponent(accessKeyId)}:${encodeURIComponent(secretAccessKey)}@127.0.0.1:${port}`;
    },
    stop: async () => {
      relay.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
