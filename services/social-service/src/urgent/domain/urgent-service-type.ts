/** Срочная социальная услуга from the catalogue (data: table urgent_service_type). */
export interface UrgentServiceType {
  code: string;
  name: string;
  /** FEDERAL (442-ФЗ ст. 21), SEED (seed 001 regional list of 11), IRKUTSK (209-мпр) */
  source: 'FEDERAL' | 'SEED' | 'IRKUTSK' | 'REGIONAL';
  unit: string;
  /** may be given anonymously by phone (телефон доверия) */
  anonymousAllowed: boolean;
  active: boolean;
}

/** A catalogue entry as stored. */
export class UrgentServiceTypeRecord implements UrgentServiceType {
  code!: string;
  name!: string;
  source!: UrgentServiceType['source'];
  unit!: string;
  anonymousAllowed!: boolean;
  active!: boolean;
}

const t = (
  code: string,
  name: string,
  source: UrgentServiceType['source'],
  unit: string,
  anonymousAllowed = false,
): UrgentServiceType => ({ code, name, source, unit, anonymousAllowed, active: true });

/** The catalogue as shipped: seed 001's eleven (which include the federal five) and Irkutsk's two (seed 003). */
export const URGENT_SERVICE_CATALOGUE: readonly UrgentServiceType[] = [
  t('TEMPORARY_HOUSING', 'содействие в получении временного жилого помещения', 'FEDERAL', 'случай'),
  t('PRIMARY_SOCIAL_DIAGNOSIS', 'проведение опроса и первичной социальной диагностики', 'SEED', 'случай'),
  t('HOSPITALISATION_HELP', 'содействие в госпитализации в медицинские организации', 'SEED', 'случай'),
  t('DOCUMENT_RECOVERY', 'содействие в восстановлении документов, удостоверяющих личность', 'SEED', 'случай'),
  t('RELATIVES_TRACING', 'содействие в поиске родственников и восстановлении связей', 'SEED', 'случай'),
  t('PAPERWORK_HELP', 'помощь в подготовке документов в различные инстанции', 'SEED', 'документ'),
  t('RIGHTS_CONSULTATION', 'консультирование о праве на социальное обслуживание', 'SEED', 'консультация'),
  t('FOOD', 'обеспечение бесплатным горячим питанием или наборами продуктов', 'FEDERAL', 'набор'),
  t('CLOTHING', 'обеспечение одеждой, обувью и предметами первой необходимости', 'FEDERAL', 'комплект'),
  t('LEGAL_AID', 'содействие в получении юридической помощи', 'FEDERAL', 'случай'),
  t(
    'EMERGENCY_PSYCHOLOGICAL_HELP',
    'содействие в получении экстренной психологической помощи, в том числе анонимно по телефону доверия',
    'FEDERAL',
    'консультация',
    true,
  ),
  t('EMPLOYMENT_HELP', 'содействие в решении вопросов занятости', 'IRKUTSK', 'случай'),
  t('SUPPORT_MEASURES_HELP', 'содействие в получении мер социальной поддержки', 'IRKUTSK', 'случай'),
];
