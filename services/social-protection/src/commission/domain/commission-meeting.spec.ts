import { CommissionMeeting } from './commission-meeting';

const now = new Date('2026-11-27T10:00:00Z');
const meeting = () =>
  CommissionMeeting.schedule({
    region: '25',
    territory: '25607000',
    meetingDate: '2026-11-27',
    members: [
      { name: 'Сидоров А. В.', agency: 'SOCIAL_PROTECTION', role: 'CHAIR' },
      { name: 'Петрова О. И.', agency: 'EMPLOYMENT', role: 'MEMBER' },
      { name: 'Орлова Е. С.', agency: 'SOCIAL_SERVICE', role: 'MEMBER' },
    ],
    agenda: [
      { programmeId: 'p1', applicationId: 'a1', citizenId: 'c1' },
      { programmeId: 'p2', applicationId: 'a2', citizenId: 'c2' },
      { programmeId: 'p3', applicationId: 'a3', citizenId: 'c3' },
    ],
    today: '2026-11-23',
    by: 'x',
    now,
  });

describe('interagency commission (МВК)', () => {
  it('decides once per case, requires reasons for a return or refusal, and writes minutes with attendance', () => {
    const m = meeting();
    m.decide('p1', 'APPROVE', null, 'chair', now);
    expect(() => m.decide('p1', 'REFUSE', 'x', 'chair', now)).toThrow(/already decided/);
    expect(() => m.decide('p2', 'RETURN_FOR_REWORK', ' ', 'chair', now)).toThrow(/must state its reasons/);
    m.decide('p2', 'RETURN_FOR_REWORK', 'нет бизнес-плана', 'chair', now);
    m.close(['Сидоров А. В.', 'Петрова О. И.'], now);
    expect(m.status).toBe('HELD');
    expect(m.minutes).toContain(
      'Присутствовали:\n  Сидоров А. В. (SOCIAL_PROTECTION, CHAIR)\n  Петрова О. И. (EMPLOYMENT, MEMBER)',
    );
    expect(m.minutes).toContain('1. Заявление a1: программу социальной адаптации одобрить.');
    expect(m.minutes).toContain('2. Заявление a2: программу вернуть на доработку. Основания: нет бизнес-плана.');
    expect(m.minutes).toContain('Перенесено на следующее заседание:\n  заявление a3');
    expect(() => m.decide('p3', 'APPROVE', null, 'chair', now)).toThrow(/closed/);
  });
  it('needs a chair present and refuses a programme not on the agenda', () => {
    const m = meeting();
    expect(() => m.decide('zz', 'APPROVE', null, 'chair', now)).toThrow(/not on this meeting/);
    expect(() => m.close(['Петрова О. И.'], now)).toThrow(/chair present/);
    expect(() => m.close(['Некто'], now)).toThrow(/not members/);
  });
});
