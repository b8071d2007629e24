import { createTheme, type ThemeOptions } from '@mui/material/styles';

// A quiet admin theme: dense tables, Zuora-like blue, contrast that passes WCAG AA for text and chips.
// The options are exported for the embedded app, which builds its own theme from them.
export const themeOptions: ThemeOptions = {
  palette: {
    primary: { main: '#0a5ca8' },
    secondary: { main: '#5a3fa0' },
    background: { default: '#f5f7fa' },
    // MUI's default warning (#ed6c02) and info (#0288d1) fail AA as text on white (outlined status chips).
    warning: { main: '#b45309' },
    info: { main: '#0369a1' },
  },
  shape: { borderRadius: 6 },
  typography: {
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    h1: { fontSize: '1.5rem', fontWeight: 600 },
    h2: { fontSize: '1.25rem', fontWeight: 600 },
    h3: { fontSize: '1.1rem', fontWeight: 600 },
  },
  components: {
    MuiButton: { defaultProps: { disableElevation: true }, styleOverrides: { root: { textTransform: 'none' } } },
    MuiTab: { styleOverrides: { root: { textTransform: 'none', fontWeight: 600 } } },
    // A tooltip closes when the pointer leaves its button: the grid's "Go to next page" tooltip otherwise
    // stays open under the pointer on its way to Previous and swallows that click.
    MuiTooltip: { defaultProps: { disableInteractive: true } },
    // A disabled field's helper text still explains something ("The account's currency…"): keep it
    // readable (MUI greys it to 38% black, below WCAG AA contrast).
    MuiFormHelperText: {
      styleOverrides: { root: ({ theme }) => ({ '&.Mui-disabled': { color: theme.palette.text.secondary } }) },
    },
  },
};

export const theme = createTheme(themeOptions);
