import type { ReactNode } from 'react';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';

/** A titled block of a full-page form; the heading names the region for screen readers. */
export function FormSection({
  id,
  title,
  actions,
  children,
}: {
  id: string;
  title: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Paper component="section" aria-labelledby={id} variant="outlined" sx={{ p: 2, mb: 2 }}>
      <Typography id={id} component="h2" variant="h6" sx={{ mb: 2, display: 'flex', alignItems: 'center', gap: 2 }}>
        <span style={{ flex: 1 }}>{title}</span>
        {actions}
      </Typography>
      {children}
    </Paper>
  );
}
