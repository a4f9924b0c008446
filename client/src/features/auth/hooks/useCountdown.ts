import { useCallback, useEffect, useRef, useState } from 'react';

/** Whole seconds left of a countdown, ticking once a second, and a function that starts one. */
export function useCountdown(): [secondsLeft: number, start: (seconds: number) => void] {
  const [secondsLeft, setSecondsLeft] = useState(0);
  const until = useRef(0);

  useEffect(() => {
    if (secondsLeft <= 0) return;
    const timer = window.setTimeout(() => {
      const left = Math.max(0, Math.ceil((until.current - Date.now()) / 1000));
      setSecondsLeft((previous) => Math.min(previous - 1, left));
    }, 1000);
    return () => {
      window.clearTimeout(timer);
    };
  }, [secondsLeft]);

  const start = useCallback((seconds: number) => {
    until.current = Date.now() + seconds * 1000;
    setSecondsLeft(seconds);
  }, []);

  return [secondsLeft, start];
}
