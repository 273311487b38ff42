/** Kopecks as a Russian reader sees money: 4 500 000 → "45 000,00 ₽". Notices and printed documents alike. */
export const rubles = (kopecks: number): string =>
  `${(kopecks / 100).toLocaleString('ru-RU', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ₽`;
