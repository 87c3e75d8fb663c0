import nodemailer from 'nodemailer';
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { config } from '../shared/config.ts';
import { traceable } from '../shared/tracing.ts';

/**
 * Outgoing mail: nodemailer over SES v2 in AWS; over SMTP to the local sink
 * when SMTP_URL is set (the local stack sets it). One transport per container.
 */
const smtpUrl = process.env.SMTP_URL;
const transport = smtpUrl
  ? nodemailer.createTransport({ host: new URL(smtpUrl).hostname, port: Number(new URL(smtpUrl).port), secure: false, ignoreTLS: true, pool: true })
  : nodemailer.createTransport({ SES: { sesClient: traceable(new SESv2Client({ region: config.region })), SendEmailCommand } } as never);

export const MAIL_FROM = process.env.MAIL_FROM ?? 'Billing <billing@law-billing-sync.dev>';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** A stable id, so a recipient's mail system sees a resend of the same invoice as the same message. */
  messageId: string;
  attachments: { filename: string; content: Buffer; contentType: string }[];
}

export async function sendMail(mail: OutgoingMail): Promise<string> {
  const info = (await transport.sendMail({ from: MAIL_FROM, ...mail })) as { messageId?: string };
  return info.messageId ?? mail.messageId;
}
