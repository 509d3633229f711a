import { describe, expect, it } from 'vitest';
import { acledRowFromFields, matchAcledHeader } from '../../../core/import/acled-columns';

const CURRENT =
  'event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp';
const OLD =
  'GWNO,EVENT_ID_CNTY,EVENT_ID_NO_CNTY,EVENT_DATE,YEAR,TIME_PRECISION,EVENT_TYPE,ACTOR1,ALLY_ACTOR_1,INTER1,ACTOR2,ALLY_ACTOR_2,INTER2,INTERACTION,COUNTRY,ADMIN1,ADMIN2,ADMIN3,LOCATION,LATITUDE,LONGITUDE,GEO_PRECISION,SOURCE,NOTES,FATALITIES';
const API =
  'data_id,iso,event_id_cnty,event_id_no_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,timestamp,iso3';

describe('matchAcledHeader', () => {
  it.each([
    ['current 31-column export', CURRENT],
    ['old upper-case regional file', OLD],
    ['API file', API],
    ['with BOM and padding', `\uFEFF ${CURRENT.replace('event_id_cnty', ' Event Id Cnty ')}`],
  ])('accepts the %s', (_, header) => {
    const match = matchAcledHeader(header.split(','));
    expect(match.ok).toBe(true);
  });

  it('maps old ALLY_ACTOR columns to assoc_actor and reads by name, not position', () => {
    const header = OLD.split(',');
    const match = matchAcledHeader(header);
    if (!match.ok) throw new Error(match.message);
    const fields = header.map((h) => `v:${h}`);
    const row = acledRowFromFields(match.index, fields);
    expect(row.assoc_actor_1).toBe('v:ALLY_ACTOR_1');
    expect(row.event_id_cnty).toBe('v:EVENT_ID_CNTY');
    expect(row.sub_event_type).toBeUndefined();
    expect(row.gwno).toBe('v:GWNO');
  });

  it('leaves columns beyond a short record absent', () => {
    const match = matchAcledHeader(CURRENT.split(','));
    if (!match.ok) throw new Error(match.message);
    const row = acledRowFromFields(match.index, ['PAK1', '1 May 2020']);
    expect(row).toEqual({ event_id_cnty: 'PAK1', event_date: '1 May 2020' });
  });

  it('hints at a semicolon-separated export', () => {
    const match = matchAcledHeader([CURRENT.replace(/,/g, ';')]);
    expect(!match.ok && match.message).toMatch(/semicolons or tabs/);
  });

  it('names every missing required column', () => {
    const match = matchAcledHeader(['event_id_cnty', 'country', 'admin1', 'notes']);
    expect(match.ok).toBe(false);
    if (!match.ok) {
      expect(match.missing).toEqual(['event_date', 'event_type', 'fatalities']);
      expect(match.message).toContain('event_date, event_type, fatalities');
      expect(match.message).toContain('found: event_id_cnty, country, admin1, notes');
    }
  });
});
