/** /api/groups, /api/reference-figures, /api/annotations: everyone with read access lists, admins write. */
import type { Context } from 'hono';
import { z } from 'zod';
import { createAnnotation, retractAnnotation, updateAnnotation } from '../../core/annotation/annotation-verbs';
import { CreateAnnotationInput } from '../../core/annotation/schema';
import { CalendarDate } from '../../core/common-schemas';
import { parseInput } from '../../core/errors';
import { createGroup, retractGroup, updateGroup } from '../../core/group/group-verbs';
import { CreateGroupInput } from '../../core/group/schema';
import {
  createReferenceFigure,
  retractReferenceFigure,
  updateReferenceFigure,
} from '../../core/reference-figure/reference-figure-verbs';
import { CreateReferenceFigureInput } from '../../core/reference-figure/schema';
import type { RouteModule } from './app';
import { RetractedQuery } from './list-params';
import { recordRoutes } from './record-routes';
import { mount } from './route-spec';

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
      create: (ctx, input, tx) => createGroup({ ctx, input, tx }),
      update: (ctx, id, input) => updateGroup({ ctx, id, input }),
      retract: (ctx, id, input) => retractGroup({ ctx, id, input }),
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
      create: (ctx, input, tx) => createReferenceFigure({ ctx, input, tx }),
      update: (ctx, id, input) => updateReferenceFigure({ ctx, id, input }),
      retract: (ctx, id, input) => retractReferenceFigure({ ctx, id, input }),
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
      create: (ctx, input, tx) => createAnnotation({ ctx, input, tx }),
      update: (ctx, id, input) => updateAnnotation({ ctx, id, input }),
      retract: (ctx, id, input) => retractAnnotation({ ctx, id, input }),
    }),
  );
};
