/** Where a record came from, from its external id; the live lists' source filter agrees with the SQL's rule. */
import { describe, expect, it } from 'vitest';
import { provenanceOf, sourceOf } from '../../core/provenance';
import { incidentMatches } from '../../core/stats/match-filter';
import { incident } from './stats/factories';

describe('provenance', () => {
  it('names the source by the external id’s prefix; our own export’s BW- ids and none are local', () => {
    expect(sourceOf('acled:PAK1234')).toBe('acled');
    expect(sourceOf('ucdp:244657')).toBe('ucdp');
    expect(sourceOf('gtd:201401010001')).toBe('gtd');
    expect(sourceOf('acled:BW-0b8e6a1c-2f4d-4e5a-9b7c-000000000001')).toBe('local');
    expect(sourceOf(null)).toBe('local');
    expect(sourceOf('satp:1')).toBe('local');
  });

  it('gives the source id, the sync time and a link where the source has a page per event', () => {
    expect(provenanceOf({ externalId: 'gtd:201401010001', syncedAt: '2026-01-01T00:00:00.000Z' })).toEqual({
      source: 'gtd',
      label: 'GTD',
      sourceId: '201401010001',
      syncedAt: '2026-01-01T00:00:00.000Z',
      url: 'https://www.start.umd.edu/gtd/search/IncidentSummary.aspx?gtdid=201401010001',
    });
    // An extract's row id is ours, not GTD's: no link.
    expect(provenanceOf({ externalId: 'gtd:row-0123456789abcdef0123' }).url).toBeNull();
    expect(provenanceOf({ externalId: 'ucdp:1' })).toMatchObject({ source: 'ucdp', sourceId: '1', url: null });
    expect(provenanceOf({ externalId: null })).toMatchObject({ source: 'local', sourceId: null, syncedAt: null });
  });

  it('filters live records by source like the list query', () => {
    const gtd = incident({ externalId: 'gtd:201401010001' });
    const local = incident({ externalId: null });
    expect(incidentMatches(gtd, { source: ['gtd'] })).toBe(true);
    expect(incidentMatches(local, { source: ['gtd'] })).toBe(false);
    expect(incidentMatches(local, { source: ['local', 'acled'] })).toBe(true);
  });
});
