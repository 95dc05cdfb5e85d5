// The working-day calendar as a product feature (DOMAIN §5): the yearly schedules administrators keep, the public
// page and API, and the functions other modules call to count deadlines:
//   const due = await computeDeadline(platform, { received, amount: 5, unit: 'working_days' });
//   const cal = await getWorkCalendar(platform); cal.isWorkingDay('2026-02-16') // false
import type { Module } from '../../platform/module.ts';
import { calendarApi } from './api.ts';
import { calendarAdminRoutes } from './admin-routes.ts';
import { calendarPages } from './pages.ts';
import { seedCalendar } from './seed.ts';

export { computeDeadline, getWorkCalendar, workingDayInfo, type WorkingDayInfo } from './service.ts';
export type { Deadline, DeadlineRequest, DeadlineUnit } from '../../platform/calendar/index.ts';

export const calendarModule: Module = {
  name: 'calendar',
  routes: async (app, platform) => {
    await calendarApi(app, platform);
    await calendarPages(app, platform);
    await calendarAdminRoutes(app, platform);
  },
  seedReference: async (platform) => {
    await seedCalendar(platform);
  },
};
