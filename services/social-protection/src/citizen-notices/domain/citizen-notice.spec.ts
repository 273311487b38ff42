import { rubles } from '@sc/kernel';
import { monthlyReportDueNotice } from './citizen-notice';

describe('notices to the citizen (M10)', () => {
  it('write amounts as roubles with kopecks, the Russian way', () => {
    expect(rubles(4_500_000).replace(/\s/g, ' ')).toBe('45 000,00 ₽');
    expect(rubles(5).replace(/\s/g, ' ')).toBe('0,05 ₽');
  });

  it('remind of the monthly report with its due day', () => {
    const n = monthlyReportDueNotice(
      { citizenId: 'c', contractId: 'k', territory: '25701000', dueDate: '2027-02-08' },
      'СК-25-2027-000001',
    );
    expect(n).toMatchObject({
      kind: 'MONTHLY_REPORT_DUE',
      caseType: 'SocialContract',
      caseId: 'k',
      dueDate: '2027-02-08',
    });
    expect(n.text).toBe(
      'Напоминаем: отчёт о выполнении программы социальной адаптации по контракту № СК-25-2027-000001 нужно представить до 2027-02-08.',
    );
  });
});
