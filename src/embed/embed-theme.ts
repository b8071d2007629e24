import { createTheme, type Theme, type ThemeOptions } from '@mui/material/styles';
import { themeOptions } from '../app/theme.ts';

/**
 * The app's theme, with every portalled component (Dialog, Menu, Popover, Popper, Tooltip, Drawer,
 * date pickers, the list's column chooser…) rendering into `container` inside the mount's shadow root, so the
 * shadow root's Emotion styles reach them and the host's CSS does not. Host overrides are deep-merged last.
 */
export function createEmbedTheme(
  container: () => HTMLElement,
  overrides: ThemeOptions | undefined,
  htmlFontSize = 16,
): Theme {
  const embedded: ThemeOptions = {
    ...themeOptions,
    // rem is the HOST's root font size (a shadow root cannot change it): MUI converts to rem through this.
    // It must be in the first argument: createTheme computes the type scale from that one only.
    typography: { ...(themeOptions.typography as object), htmlFontSize },
    components: {
      ...themeOptions.components,
      MuiModal: { defaultProps: { container } },
      MuiPopover: { defaultProps: { container } },
      MuiPopper: { defaultProps: { container } },
      MuiTooltip: { defaultProps: { slotProps: { popper: { container } } } },
    },
  };
  return createTheme(embedded, overrides ?? {});
}
