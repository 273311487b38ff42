/**
 * The time zone of a subject of the federation by its ОКТМО prefix: the
 * region's calendar days are the days of deadlines and of "today". A region
 * missing here sets REGION_TIME_ZONE (an IANA name) — a service refuses to
 * start without one. Regional data, not code: extend the table.
 */
export const REGION_TIME_ZONES: Readonly<Record<string, string>> = {
  '04': 'Asia/Krasnoyarsk', // Красноярский край
  '05': 'Asia/Vladivostok', // Приморский край
  '25': 'Asia/Irkutsk', // Иркутская область
  '27': 'Europe/Kaliningrad', // Калининградская область
  '40': 'Europe/Moscow', // Санкт-Петербург
  '45': 'Europe/Moscow', // Москва
  '50': 'Asia/Novosibirsk', // Новосибирская область
  '52': 'Asia/Omsk', // Омская область
  '65': 'Asia/Yekaterinburg', // Свердловская область
  '76': 'Asia/Chita', // Забайкальский край
  '81': 'Asia/Irkutsk', // Республика Бурятия
};
