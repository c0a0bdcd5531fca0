import { defaultTheme, type RaThemeOptions } from 'react-admin';

export const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: { primary: { main: '#0b4f8a' }, secondary: { main: '#1f3a5f' } },
};
