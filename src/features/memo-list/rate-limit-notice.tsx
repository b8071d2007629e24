import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import { useRateLimitWait } from '../../api/rate-limit.ts';

/** While a request waits out a 429's `Retry-After` (client.ts), the page says so and counts down. */
export function RateLimitNotice() {
  const wait = useRateLimitWait();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!wait) return;
    const t = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(t);
  }, [wait]);
  if (!wait) return null;
  const seconds = Math.max(0, Math.ceil((wait.until - now) / 1000));
  return (
    <Alert severity="warning" role="status" sx={{ mb: 1 }}>
      Zuora’s request limit was reached: retrying in {seconds} s.
    </Alert>
  );
}
