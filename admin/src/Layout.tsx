import { Layout as RaLayout, Menu, type LayoutProps } from 'react-admin';

function CimsMenu() {
  return (
    <Menu>
      <Menu.DashboardItem primaryText="Account portal" />
      <Menu.ResourceItems />
    </Menu>
  );
}

export function Layout(props: LayoutProps) {
  return <RaLayout {...props} menu={CimsMenu} />;
}
