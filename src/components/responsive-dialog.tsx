import Dialog, { type DialogProps } from '@mui/material/Dialog';
import useMediaQuery from '@mui/material/useMediaQuery';
import { useTheme } from '@mui/material/styles';

/**
 * MUI's Dialog, full screen below the `sm` breakpoint: on a phone a centred dialog leaves its fields
 * too narrow to read, so it takes the whole screen (and scrolls) there.
 */
export function ResponsiveDialog(props: DialogProps) {
  const small = useMediaQuery(useTheme().breakpoints.down('sm'), { noSsr: true });
  return <Dialog fullScreen={small} {...props} />;
}
