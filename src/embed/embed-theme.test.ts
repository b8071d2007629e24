import { describe, expect, it } from 'vitest';
import { createEmbedTheme } from './embed-theme.ts';

describe('embedded theme', () => {
  it('sizes text in the host’s rem: 16 px stays 16 px under a 10 px or 17 px root', () => {
    const container = () => document.body;
    expect(createEmbedTheme(container, undefined, 16).typography.pxToRem(16)).toBe('1rem');
    expect(createEmbedTheme(container, undefined, 10).typography.pxToRem(16)).toBe('1.6rem');
    const underSeventeen = createEmbedTheme(container, undefined, 17).typography;
    expect(underSeventeen.pxToRem(17)).toBe('1rem');
    expect(underSeventeen.body1.fontSize).toBe(underSeventeen.pxToRem(16)); // not '1rem' (17 px)
  });

  it('keeps the app’s palette and applies host overrides last', () => {
    const theme = createEmbedTheme(() => document.body, { palette: { primary: { main: '#6a1b9a' } } });
    expect(theme.palette.primary.main).toBe('#6a1b9a');
    expect(theme.palette.warning.main).toBe('#b45309');
    expect(theme.components?.MuiButton?.defaultProps?.disableElevation).toBe(true);
  });
});
