import { describe, expect, it } from 'vitest';
import { formatMinutes, sellingTimeTiles } from './sellingTimeText';

describe('selling time tiles', () => {
  it('formats minutes as hours and minutes', () => {
    expect(formatMinutes(40)).toBe('40 min');
    expect(formatMinutes(95)).toBe('1 h 35 min');
    expect(formatMinutes(0)).toBe('0 min');
  });

  it('shows the share with the selling and non-selling minutes behind it', () => {
    const tiles = sellingTimeTiles({
      sellingMinutes: 90, callMinutes: 60, meetingMinutes: 30, emailMinutes: 0, activitiesWithDuration: 3, activitiesWithoutDuration: 1,
      nonSellingMinutes: 30, adminMinutes: 30, trainingMinutes: 0, internalMeetingMinutes: 0, travelMinutes: 0, timeEntries: 1,
      sellingShare: 0.75,
    });
    expect(tiles[0]).toEqual({ label: 'Selling share', value: '75%', detail: '1 h 30 min of 2 h 0 min logged' });
    expect(tiles[2]?.value).toBe('30 min');
    expect(tiles[2]?.detail).toContain('admin 30 min');
  });

  it('shows "—" when nothing was logged', () => {
    const zero = {
      sellingMinutes: 0, callMinutes: 0, meetingMinutes: 0, emailMinutes: 0, activitiesWithDuration: 0, activitiesWithoutDuration: 0,
      nonSellingMinutes: 0, adminMinutes: 0, trainingMinutes: 0, internalMeetingMinutes: 0, travelMinutes: 0, timeEntries: 0, sellingShare: null,
    };
    expect(sellingTimeTiles(zero)[0]?.value).toBe('—');
  });
});
