/**
 * GET /api/changes: the change log for integrations, in seq order with actor and before/after.
 * A client keeps the last seq it applied and asks for `after` it; `epoch` guards against a log
 * that was reset (a new database or a restore), where old seqs mean nothing.
 */
import { z } from 'zod';
import { DomainError, parseInput } from '../../core/errors';
import { mount, type RouteModule } from './route-spec';

export const ChangesQuery = z.object({
  after: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(0, 'cannot be negative')
    .max(Number.MAX_SAFE_INTEGER)
    .default(0),
  limit: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(1000, 'must be at most 1000')
    .default(100),
  epoch: z.string().max(100).optional(),
});

export const changeRoutes: RouteModule = (app, runtime) => {
  mount(app, runtime, [
    {
      method: 'get',
      path: '/api/changes',
      access: 'signed-in',
      tag: 'Changes',
      summary: 'The change log after a seq, oldest first, with actor and before/after',
      description:
        'Page with `after` = the last `seq` you applied (or `nextAfter`). Pass the `epoch` you hold: a different epoch answers 409 (the log was reset; reload your copy).',
      query: ChangesQuery,
      handler: async (c) => {
        const q = parseInput(ChangesQuery, c.req.query());
        const position = await runtime.reads.position();
        if (q.epoch !== undefined && q.epoch !== position.epoch) {
          throw new DomainError(
            'conflict',
            `The change log was reset (epoch ${q.epoch} is gone; it is now ${position.epoch}): reload your copy, then follow from seq ${position.seq}.`,
            { epoch: 'is not the current epoch' },
          );
        }
        const items = await runtime.reads.changeRecordsAfter(position.epoch, q.after, q.limit);
        const last = items[items.length - 1];
        return c.json({ items, nextAfter: last ? last.seq : q.after, hasMore: items.length === q.limit, position });
      },
      responses: {
        200: { description: 'Changes after `after`', schema: 'ChangePage' },
        400: { description: 'Invalid parameter', schema: 'Error' },
        401: { description: 'Not signed in', schema: 'Error' },
        409: { description: 'The epoch changed', schema: 'Error' },
      },
    },
  ]);
};
