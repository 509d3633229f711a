/** The reference (published) figures repository. */
import type { WriteTx } from '../../core/ports';
import type { ReferenceFigure } from '../../core/reference-figure/schema';
import * as s from '../schema';
import type { Tx } from '../tx';
import { stamps } from './stamps';
import { tableRepo } from './table-repo';

export const referenceFigureFromRow = (r: typeof s.referenceFigures.$inferSelect): ReferenceFigure =>
  stamps(r) as ReferenceFigure;

export const referenceFigureRepo = (tx: Tx): WriteTx['referenceFigures'] =>
  tableRepo(tx, s.referenceFigures, referenceFigureFromRow);
