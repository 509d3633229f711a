/** /api/groups, /api/reference-figures, /api/annotations: everyone with read access lists, admins write. */
import type { Context } from 'hono';
import { z } from 'zod';
import { CreateAnnotationInput } from '../../core/annotation/schema';
import { CalendarDate } from '../../core/common-schemas';
import { parseInput } from '../../core/errors';
import { CreateGroupInput } from '../../core/group/schema';
import { CreateReferenceFigureInput } from '../../core/reference-figure/schema';
import { mount, type RouteModule } from './route-spec';
import { RetractedQuery } from './list-params';
import { recordRoutes } from './record-routes';

const AnnotationQuery = RetractedQuery.extend({ from: CalendarDate.optional(), to: CalendarDate.optional() });

export const referenceRoutes: RouteModule = (app, runtime) => {
  const reads = runtime.reads;
  /** Small tables: the whole list in one answer (`nextCursor` is always null). */
  const whole =
    <Q extends z.ZodType>(query: Q, load: (q: z.output<Q>) => Promise<unknown[]>) =>
    async (c: Context) => {
      const q = parseInput(query, c.req.query());
      const position = await reads.position();
      return c.json({ items: await load(q as z.output<Q>), nextCursor: null, position });
    };

  mount(
    app,
    runtime,
    recordRoutes(runtime, {
      base: '/api/groups',
      entity: 'group',
      key: 'group',
      label: 'Group',
      tag: 'Groups',
      schema: 'Group',
      writeAccess: 'admin',
      createInput: CreateGroupInput,
      list: { handler: whole(RetractedQuery, (q) => reads.groups.list(q)), query: RetractedQuery },
      get: (id) => reads.groups.get(id),
      create: runtime.writes.groups.create,
      update: runtime.writes.groups.update,
      retract: runtime.writes.groups.retract,
    }),
  );

  mount(
    app,
    runtime,
    recordRoutes(runtime, {
      base: '/api/reference-figures',
      entity: 'referenceFigure',
      key: 'referenceFigure',
      label: 'Reference figure',
      tag: 'Reference figures',
      schema: 'ReferenceFigure',
      writeAccess: 'admin',
      createInput: CreateReferenceFigureInput,
      list: { handler: whole(RetractedQuery, (q) => reads.referenceFigures.list(q)), query: RetractedQuery },
      get: (id) => reads.referenceFigures.get(id),
      create: runtime.writes.referenceFigures.create,
      update: runtime.writes.referenceFigures.update,
      retract: runtime.writes.referenceFigures.retract,
    }),
  );

  mount(
    app,
    runtime,
    recordRoutes(runtime, {
      base: '/api/annotations',
      entity: 'annotation',
      key: 'annotation',
      label: 'Annotation',
      tag: 'Annotations',
      schema: 'Annotation',
      writeAccess: 'admin',
      createInput: CreateAnnotationInput,
      list: {
        handler: whole(AnnotationQuery, (q) => reads.annotations.list(q)),
        query: AnnotationQuery,
        description: 'By date; `from`/`to` are calendar dates, inclusive.',
      },
      get: (id) => reads.annotations.get(id),
      create: runtime.writes.annotations.create,
      update: runtime.writes.annotations.update,
      retract: runtime.writes.annotations.retract,
    }),
  );
};
