import { useId, useRef, useState } from 'react';
import { NavLink } from 'react-router';
import { useMe, type Role } from '../../features/auth';
import { QuickLogButton } from '../../features/quick-log/components/QuickLogButton';
import { AccountMenu } from './AccountMenu';

interface NavItem {
  to: string;
  label: string;
  roles?: readonly Role[];
}

/** Only pages that exist get a link; later features add theirs here. */
const NAV_ITEMS: readonly NavItem[] = [
  { to: '/', label: 'My day' },
  { to: '/dashboard', label: 'Dashboard' },
  { to: '/forecast', label: 'Forecast' },
  { to: '/pipeline', label: 'Pipeline' },
  { to: '/leads', label: 'Leads' },
  { to: '/accounts', label: 'Accounts' },
  { to: '/contacts', label: 'Contacts' },
  { to: '/surveys', label: 'Surveys' },
  { to: '/people', label: 'People', roles: ['manager', 'admin'] },
  { to: '/admin', label: 'Admin', roles: ['admin'] },
];

/** At phone widths the links fold behind a Menu button (shell.css); wider, the button is hidden and the links show. */
export function TopNav() {
  const me = useMe();
  const role = me.data?.role;
  const items = NAV_ITEMS.filter((item) => !item.roles || (role && item.roles.includes(role)));
  const [menuOpen, setMenuOpen] = useState(false);
  const navId = useId();
  const menuButtonRef = useRef<HTMLButtonElement>(null);

  return (
    <header
      className="topnav"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && menuOpen) {
          setMenuOpen(false);
          menuButtonRef.current?.focus();
        }
      }}
    >
      <span className="topnav__brand">SalesCrm</span>
      <button
        ref={menuButtonRef}
        type="button"
        className="topnav__menu-button"
        aria-expanded={menuOpen}
        aria-controls={navId}
        onClick={() => {
          setMenuOpen((open) => !open);
        }}
      >
        Menu
      </button>
      <nav id={navId} aria-label="Main" className={`topnav__nav${menuOpen ? ' topnav__nav--open' : ''}`}>
        <ul className="topnav__links">
          {items.map((item) => (
            <li key={item.to}>
              <NavLink
                to={item.to}
                end={item.to === '/'}
                className="topnav__link"
                onClick={() => {
                  setMenuOpen(false);
                }}
              >
                {item.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <div className="topnav__user">
        <QuickLogButton />
        <AccountMenu displayName={me.data?.displayName ?? 'Account'} />
      </div>
    </header>
  );
}
