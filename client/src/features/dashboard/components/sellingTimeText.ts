import type { SellingTime } from '../api/useSellingTime';
import { formatRatio } from '../format';

const minutes = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

/** Minutes as hours and minutes: 95 → "1 h 35 min", 40 → "40 min". */
export function formatMinutes(value: number): string {
  const whole = Math.round(value);
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  return hours === 0 ? `${minutes.format(rest)} min` : `${minutes.format(hours)} h ${String(rest)} min`;
}

/** The tiles of the selling-time figures: share, selling and non-selling time with what made them up. */
export function sellingTimeTiles(t: SellingTime): { label: string; value: string; detail: string }[] {
  return [
    {
      label: 'Selling share',
      value: formatRatio(t.sellingShare),
      detail: `${formatMinutes(t.sellingMinutes)} of ${formatMinutes(t.sellingMinutes + t.nonSellingMinutes)} logged`,
    },
    {
      label: 'Selling time',
      value: formatMinutes(t.sellingMinutes),
      detail: `calls ${formatMinutes(t.callMinutes)}, meetings ${formatMinutes(t.meetingMinutes)}, emails ${formatMinutes(t.emailMinutes)}; ${String(t.activitiesWithoutDuration)} without a duration`,
    },
    {
      label: 'Non-selling time',
      value: formatMinutes(t.nonSellingMinutes),
      detail: `admin ${formatMinutes(t.adminMinutes)}, training ${formatMinutes(t.trainingMinutes)}, internal meetings ${formatMinutes(t.internalMeetingMinutes)}, travel ${formatMinutes(t.travelMinutes)} (${String(t.timeEntries)} entries)`,
    },
  ];
}
