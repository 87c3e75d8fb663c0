import nodemailer from 'nodemailer';
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { config } from '../shared/config.ts';
import { traceable } from '../shared/tracing.ts';

/**
 * Outgoing mail: nodemailer over SES v2 in AWS; over SMTP to the local sink
 * when SMTP_URL is set (the local stack sets it). One transport per container.
 * A user and password in SMTP_URL log in with them: the bundled local stack
 * gives each function its own, so its mail gate can check what SES's IAM
 * check would (infra/local/bundled/mail-gate.ts).
 */
const smtp = process.env.SMTP_URL ? new URL(process.env.SMTP_URL) : undefined;
const transport = smtp
  ? nodemailer.createTransport({
      host: smtp.hostname,
      port: Number(smtp.port),
      secure: false,
      ignoreTLS: true,
      pool: true,
      ...(smtp.username ? { auth: { user: decodeURIComponent(smtp.username), pass: decodeURIComponent(smtp.password) } } : {}),
    })
  : nodemailer.createTransport({ SES: { sesClient: traceable(new SESv2Client({ region: config.region })), SendEmailCommand } } as never);

export const MAIL_FROM = process.env.MAIL_FROM ?? 'Billing <billing@law-billing-sync.dev>';
/** The service's own sending address (the verified SES identity): the firm's name goes beside it, never another address. */
const FROM_ADDRESS = /<([^<>\s]+)>\s*$/.exec(MAIL_FROM)?.[1] ?? MAIL_FROM.trim();

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** The same message as HTML (multipart/alternative with `text`). */
  html?: string;
  /** The display name of From ("Hargrove & Chen LLP" <billing@…>); default MAIL_FROM's. */
  fromName?: string;
  /** Where replies go: the firm's own address. */
  replyTo?: string;
  /** A stable id, so a recipient's mail system sees a resend of the same invoice as the same message. */
  messageId: string;
  attachments: { filename: string; content: Buffer; contentType: string }[];
}

/** A header value on one line: no CR, LF or other control characters (nodemailer encodes the rest). */
const oneLine = (s: string) => s.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim();

export async function sendMail(mail: OutgoingMail): Promise<string> {
  const { fromName, replyTo, ...rest } = mail;
  const name = fromName ? oneLine(fromName) : '';
  const info = (await transport.sendMail({
    ...rest,
    subject: oneLine(mail.subject),
    from: name ? { name, address: FROM_ADDRESS } : MAIL_FROM,
    ...(replyTo ? { replyTo: oneLine(replyTo) } : {}),
  })) as { messageId?: string };
  return info.messageId ?? mail.messageId;
}
