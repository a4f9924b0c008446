import { useState } from 'react';
import type { CommissionPeriod } from '../api/usePeople';
import { monthStart } from './quadrant';

export interface PayPeriod {
  period: CommissionPeriod;
  start: string;
}

export function usePayPeriod() {
  return useState<PayPeriod>(() => ({ period: 'month', start: monthStart(new Date()) }));
}
