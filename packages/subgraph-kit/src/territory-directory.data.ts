/**
 * Справочник территорий, seeded from ОКТМО (ОК 033-2013, in force since
 * 01.01.2014), tagged [S]: the entries of Иркутская область confirmed against
 * the published classifier tables (the region, its two groups of formations,
 * and the districts and okrug the seeds and DOMAIN.md §10 name). The rest of
 * the region's 42 formations are data an ADMIN loads (see README, "Territories");
 * formations reformed in 2019–2025 get `validTo` rather than being deleted.
 */
export type TerritoryKind = 'REGION' | 'GROUP' | 'MUNICIPAL_DISTRICT' | 'MUNICIPAL_OKRUG' | 'CITY_OKRUG';

export interface TerritoryEntry {
  code: string;
  name: string;
  parent: string | null;
  kind: TerritoryKind;
  validFrom: string;
  validTo?: string;
}

export const TERRITORY_EDITION = 'ОК 033-2013 (ОКТМО), действует с 01.01.2014 [S]';

export const TERRITORY_SEED: readonly TerritoryEntry[] = [
  {
    code: '25000000',
    name: 'Муниципальные образования Иркутской области',
    parent: null,
    kind: 'REGION',
    validFrom: '2014-01-01',
  },
  {
    code: '25600000',
    name: 'Муниципальные районы Иркутской области',
    parent: '25000000',
    kind: 'GROUP',
    validFrom: '2014-01-01',
  },
  {
    code: '25607000',
    name: 'Баяндаевский муниципальный район',
    parent: '25600000',
    kind: 'MUNICIPAL_DISTRICT',
    validFrom: '2014-01-01',
  },
  {
    code: '25638000',
    name: 'Тулунский муниципальный район',
    parent: '25600000',
    kind: 'MUNICIPAL_DISTRICT',
    validFrom: '2014-01-01',
  },
  {
    code: '25646000',
    name: 'Усть-Удинский муниципальный район',
    parent: '25600000',
    kind: 'MUNICIPAL_DISTRICT',
    validFrom: '2014-01-01',
  },
  {
    code: '25700000',
    name: 'Городские округа Иркутской области',
    parent: '25000000',
    kind: 'GROUP',
    validFrom: '2014-01-01',
  },
  { code: '25701000', name: 'город Иркутск', parent: '25700000', kind: 'CITY_OKRUG', validFrom: '2014-01-01' },
];

/** Kinds whose office serves citizens: a case's territory is one of these. */
export const SERVING_KINDS: readonly TerritoryKind[] = ['MUNICIPAL_DISTRICT', 'MUNICIPAL_OKRUG', 'CITY_OKRUG'];
