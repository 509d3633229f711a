import pino, { type Logger } from 'pino';

/** Structured JSON logs; secrets never reach them (the redaction list covers credentials). */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { app: 'border-watch' },
    redact: {
      paths: [
        'password',
        '*.password',
        'token',
        '*.token',
        'authorization',
        '*.authorization',
        'req.headers.cookie',
        'req.headers.authorization',
      ],
      censor: '[redacted]',
    },
  });
}
