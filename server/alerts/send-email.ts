/** Alert email through SMTP (SMTP_URL) with nodemailer; one transport per process. */
import nodemailer, { type Transporter } from 'nodemailer';

export interface Mailer {
  send(to: string, subject: string, text: string, headers: Record<string, string>): Promise<void>;
  close(): void;
}

export function createMailer(url: string, from: string): Mailer {
  const transport: Transporter = nodemailer.createTransport(url);
  return {
    async send(to, subject, text, headers) {
      await transport.sendMail({ from, to, subject, text, headers });
    },
    close: () => transport.close(),
  };
}
