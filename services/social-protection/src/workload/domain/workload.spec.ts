import { RegionalParameters } from '../../parameters/domain/regional-parameters';
import { normMinutes, officeLoad, specialistLoad } from './workload';

const p = new RegionalParameters('25', '2026-11-30', []);
const load = (subject: string, running: number, post = 0, apps = 0, minutes = 0) =>
  specialistLoad(
    {
      subject,
      territory: '25701000',
      runningContracts: running,
      postMonitoringContracts: post,
      openApplications: apps,
      minutesThisMonth: minutes,
    },
    p,
  );

describe('workload against the Irkutsk norms (seed 003)', () => {
  it('counts the normed minutes of an operation: consultation 30 + data entry 60 for an application', () => {
    expect(normMinutes('submitScApplication', p)).toBe(90);
    expect(normMinutes('recordControlVisit', p)).toBe(120);
    expect(normMinutes('assignScApplication', p)).toBe(0);
  });

  it('projects 3 h a month per running contract, 1.5 h after it, 2 h per application in progress', () => {
    expect(load('a', 10, 4, 2).projectedHoursPerMonth).toBe(10 * 3 + 4 * 1.5 + 2 * 2);
  });

  it('flags a specialist over 52 contracts or over 176 h a month', () => {
    expect(load('a', 52).overloaded).toBe(false);
    expect(load('b', 53).overloaded).toBe(true);
    expect(load('c', 0, 0, 90).overloaded).toBe(true); // 180 h of applications
  });

  it('sums the office, says how many specialists its caseload needs and whom to give the next case', () => {
    const office = officeLoad([load('a', 50, 0, 0, 600), load('b', 30), load('c', 40, 10)], p);
    expect(office).toMatchObject({
      specialists: 3,
      openContracts: 130,
      hoursThisMonth: 10,
      projectedHoursPerMonth: 50 * 3 + 30 * 3 + 40 * 3 + 15,
      specialistsNeeded: 3, // 130 contracts / 52 → 3; 375 h / 176 → 3
      leastLoaded: 'b',
    });
  });
});
