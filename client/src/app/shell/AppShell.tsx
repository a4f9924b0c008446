import { Outlet } from 'react-router';
import { QuickLogProvider } from '../../features/quick-log/components/QuickLogProvider';
import './shell.css';
import { TopNav } from './TopNav';

export function AppShell() {
  return (
    <QuickLogProvider>
      <div className="shell">
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <TopNav />
        <main id="main" className="shell__main" tabIndex={-1}>
          <Outlet />
        </main>
      </div>
    </QuickLogProvider>
  );
}
