import type { ActivityFigure, ActivityMetrics } from '../api/useActivityMetrics';
import { formatCount, formatRate, formatRatio } from '../format';

export interface Figure {
  label: string;
  value: (m: ActivityMetrics) => string;
  detail?: (m: ActivityMetrics) => string;
  /** The figure whose records explain this one (a ratio opens its numerator's records). */
  explain: ActivityFigure;
}

const n = formatCount;

export const ACTIVITY_FIGURES: readonly Figure[] = [
  {
    label: 'Calls',
    value: (m) => n(m.calls),
    detail: (m) => `${n(m.outboundCalls)} outbound, ${n(m.inboundCalls)} inbound`,
    explain: 'calls',
  },
  {
    label: 'Connect rate',
    value: (m) => formatRatio(m.connectRate),
    detail: (m) => `${n(m.connectedCalls)} connected of ${n(m.calls)} calls`,
    explain: 'connected_calls',
  },
  { label: 'Emails sent', value: (m) => n(m.emailsSent), explain: 'emails_sent' },
  {
    label: 'Reply rate',
    value: (m) => formatRatio(m.replyRate),
    detail: (m) => `${n(m.emailReplies)} replies to ${n(m.emailsSent)} sent`,
    explain: 'email_replies',
  },
  { label: 'Meetings booked', value: (m) => n(m.meetingsBooked), explain: 'meetings_booked' },
  { label: 'Meetings held', value: (m) => n(m.meetingsHeld), explain: 'meetings_held' },
  {
    label: 'Appointment rate',
    value: (m) => formatRatio(m.appointmentRate),
    detail: (m) => `${n(m.meetingsBooked)} booked from ${n(m.outboundCalls)} outbound calls`,
    explain: 'meetings_booked',
  },
  {
    label: 'Opportunities per 1,000 calls',
    value: (m) => formatRate(m.opportunitiesPer1000Calls),
    detail: (m) => `${n(m.opportunitiesCreated)} opportunities, ${n(m.outboundCalls)} outbound calls`,
    explain: 'opportunities_created',
  },
  { label: 'Follow-ups completed', value: (m) => n(m.followUpsCompleted), explain: 'follow_ups_completed' },
  { label: 'Follow-ups due', value: (m) => n(m.followUpsDue), explain: 'follow_ups_due' },
  { label: 'Follow-ups overdue', value: (m) => n(m.followUpsOverdue), explain: 'follow_ups_overdue' },
];

