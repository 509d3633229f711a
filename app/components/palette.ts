/**
 * Data colours: one per incident type and casualty category, shared by charts, the map, badges
 * and legends. A categorical palette (after Tableau 10) that stays distinguishable on the light and
 * the dark surface; meaning is never carried by colour alone (labels and tables go with it).
 */
import type { CasualtyCategory, IncidentType, VerificationStatus } from '@/core/enums';

export const TYPE_COLORS: Record<IncidentType, string> = {
  armed_assault: '#4e79a7',
  suicide_bombing: '#e15759',
  ied_explosive: '#f28e2b',
  targeted_killing: '#b07aa1',
  rocket_mortar_shelling: '#d4a72c',
  cross_border: '#3fa9a2',
  kidnapping: '#9c755f',
  infrastructure_sabotage: '#59a14f',
  clash: '#ff9da7',
  other: '#a5a09c',
};

export const CATEGORY_COLORS: Record<CasualtyCategory, string> = {
  civilians: '#f28e2b',
  security_forces: '#4e79a7',
  militants: '#8c6bb1',
  not_specified: '#a5a09c',
};

/** Operations: drawn as a line over the incident bars, in the text colour's family. */
export const OPERATIONS_COLOR = 'var(--text)';

export const VERIFICATION_LABELS: Record<VerificationStatus, string> = {
  reported: 'Reported',
  confirmed: 'Confirmed',
  disputed: 'Disputed',
};
