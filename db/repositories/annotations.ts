/** The timeline annotations repository. */
import type { Annotation } from '../../core/annotation/schema';
import type { WriteTx } from '../../core/ports';
import * as s from '../schema';
import type { Tx } from '../tx';
import { stamps } from './stamps';
import { tableRepo } from './table-repo';

export const annotationFromRow = (r: typeof s.annotations.$inferSelect): Annotation => stamps(r) as Annotation;

export const annotationRepo = (tx: Tx): WriteTx['annotations'] => tableRepo(tx, s.annotations, annotationFromRow);
