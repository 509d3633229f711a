/** Names of location precisions, for the picker and for read-outs. Framework-free. */
import type { GeoPrecision } from '../../core/enums';

export const GEO_PRECISION_LABELS: Record<GeoPrecision, string> = {
  exact: 'Exact spot',
  near: 'Near a town',
  district: 'District only',
  province: 'Province only',
};
