import pino, { type Logger } from 'pino';

/**
 * Structured JSON logs; secrets never reach them (the redaction list covers credentials). `fd` 2 sends the log to stderr (command-line tools whose stdout is their answer).
 */
export function createLogger(level: string, fd: 1 | 2 = 1): Logger {
  return pino(
    {
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
    },
    pino.destination({ fd, sync: true }),
  );
}
