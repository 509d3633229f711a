'use client';
/**
 * Where it happened: country, province, then district and place with suggestions from the real
 * districts the demo data uses (core/demo/places.ts), coordinates and how precise they are. Any
 * district name is accepted; the suggestions only speed up typing and keep spellings consistent.
 */
import {
  COUNTRIES,
  GEO_PRECISIONS,
  isAfghanProvince,
  PROVINCE_LABELS,
  PROVINCES,
  type Country,
  type Province,
} from '@/core/enums';
import { DEMO_DISTRICTS } from '@/core/demo/places';
import { linkButton } from './control-styles';
import { GEO_PRECISION_LABELS } from './place-labels';
import { SelectField, TextField } from './text-fields';
import type { FormBinding } from './use-draft-form';

const districtsOf = (province: string) => DEMO_DISTRICTS.filter((d) => d.province === province);

export function PlaceFields({ form, provinceOptional = false }: { form: FormBinding; provinceOptional?: boolean }) {
  const province = form.text('province');
  const districtName = form.text('district').trim().toLowerCase();
  const districts = districtsOf(province);
  const known = DEMO_DISTRICTS.find(
    (d) => d.district.toLowerCase() === districtName && (province === '' || d.province === province),
  );
  const places = known ? known.places : districts.flatMap((d) => d.places);

  // The province "Afghanistan" and the country Afghanistan go together (the schema insists).
  const setCountry = (value: string) => {
    form.set('country', value);
    if (value === 'Afghanistan' && !isAfghanProvince(province)) form.set('province', '');
    else if (value !== 'Afghanistan' && isAfghanProvince(province)) form.set('province', '');
  };
  const setProvince = (value: string) => {
    form.set('province', value);
    if (isAfghanProvince(value)) form.set('country', 'Afghanistan');
    else if (value && form.text('country') === 'Afghanistan') form.set('country', 'Pakistan');
  };
  const useDistrictCentre = () => {
    if (!known) return;
    form.set('latitude', String(known.lat));
    form.set('longitude', String(known.lon));
    form.set('geoPrecision', 'district');
    if (!province) setProvince(known.province);
  };

  return (
    <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
      <SelectField
        form={form}
        path="country"
        label="Country"
        options={COUNTRIES.map((c: Country) => ({ value: c, label: c }))}
        onValue={setCountry}
      />
      <SelectField
        form={form}
        path="province"
        label="Province"
        required={!provinceOptional}
        placeholder={provinceOptional ? 'Nationwide / not given' : 'Choose…'}
        options={PROVINCES.map((p: Province) => ({ value: p, label: PROVINCE_LABELS[p] }))}
        onValue={setProvince}
      />
      <TextField
        form={form}
        path="district"
        label="District"
        list="district-suggestions"
        hint={
          province === 'Afghanistan'
            ? 'Legacy record: choose its Afghan province instead'
            : districts.length > 0
              ? `Suggestions for ${PROVINCE_LABELS[province as Province]}`
              : undefined
        }
      />
      <TextField form={form} path="place" label="Place" list="place-suggestions" hint="Town, village or landmark" />
      <TextField form={form} path="latitude" label="Latitude" inputMode="decimal" placeholder="e.g. 32.99" />
      <TextField form={form} path="longitude" label="Longitude" inputMode="decimal" placeholder="e.g. 70.60" />
      <SelectField
        form={form}
        path="geoPrecision"
        label="Location precision"
        options={GEO_PRECISIONS.map((g) => ({ value: g, label: GEO_PRECISION_LABELS[g] }))}
      />
      <div className="flex items-end pb-2">
        {known ? (
          <button type="button" className={linkButton} onClick={useDistrictCentre}>
            Use {known.district} centre ({known.lat}, {known.lon})
          </button>
        ) : (
          <span className="text-xs text-muted">Both coordinates or neither.</span>
        )}
      </div>
      <datalist id="district-suggestions">
        {(districts.length > 0 ? districts : DEMO_DISTRICTS).map((d) => (
          <option key={`${d.province}-${d.district}`} value={d.district} />
        ))}
      </datalist>
      <datalist id="place-suggestions">
        {[...new Set(places)].map((p) => (
          <option key={p} value={p} />
        ))}
      </datalist>
    </div>
  );
}
