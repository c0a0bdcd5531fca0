// An account page's tabs, one panel shown at a time. Every panel is mounted (hidden when not
// chosen), so that a tab opens at once and the page's lists load together. The tab is in the
// address (…/show/contacts), so a link can open the page at the right tab.
import { useId } from 'react';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { useCreatePath, useRecordContext } from 'react-admin';
import { useLocation, useNavigate } from 'react-router-dom';

export interface AccountTab {
  /** In the address: …/show/{id}. */
  id: string;
  label: string;
  content: React.ReactNode;
}

export function AccountTabs({ resource, tabs, label }: { resource: string; tabs: AccountTab[]; label: string }) {
  const record = useRecordContext();
  const location = useLocation();
  const navigate = useNavigate();
  const createPath = useCreatePath();
  const base = useId();
  const fromUrl = /\/show\/([^/?#]+)/.exec(location.pathname)?.[1];
  const current = tabs.find((t) => t.id === fromUrl) ?? tabs[0];
  if (!record) return null;
  const select = (id: string) => {
    const show = createPath({ resource, id: record.id, type: 'show' });
    navigate(id === tabs[0].id ? show : `${show}/${id}`, { replace: true });
  };
  return (
    <Card>
      <Box sx={{ borderBottom: 1, borderColor: 'divider' }}>
        <Tabs
          value={current.id}
          onChange={(_e, id: string) => select(id)}
          aria-label={label}
          variant="scrollable"
          scrollButtons="auto"
        >
          {tabs.map((t) => (
            <Tab key={t.id} value={t.id} label={t.label} id={`${base}-tab-${t.id}`} aria-controls={`${base}-panel-${t.id}`} />
          ))}
        </Tabs>
      </Box>
      {tabs.map((t) => (
        <CardContent
          key={t.id}
          role="tabpanel"
          id={`${base}-panel-${t.id}`}
          aria-labelledby={`${base}-tab-${t.id}`}
          hidden={t.id !== current.id}
          sx={t.id === current.id ? undefined : { display: 'none' }}
        >
          {t.content}
        </CardContent>
      ))}
    </Card>
  );
}
